package kefu.pay;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * RMB per hour. reception_hours: the agent's merged busy time in receptions in the month;
 * scheduled_hours: active days x threshold hours per day.
 */
final class HourlyPay implements PayComponent {
  private final ComponentDef def;

  HourlyPay(ComponentDef def) {
    this.def = def;
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  @Override
  public Dataset<Row> lines(PayInputs inputs, Dataset<Row> agentMonths) {
    boolean scheduled = "scheduled_hours".equals(def.basis());
    Column hours = scheduled
        ? PayslipLines.exact(col("active_days")).multiply(lit(def.threshold()))
        : PayslipLines.exact(col("reception_hours"));
    // Round hours first so that basis_amount x rate is the amount on the payslip.
    Column shownHours = org.apache.spark.sql.functions.round(hours, 2);
    String note = def.rate().toPlainString() + " RMB/hour x " + (scheduled
        ? "active days x " + def.threshold().toPlainString() + " h" : "hours in receptions");
    return PayslipLines.select(agentMonths, def, def.basis(), shownHours, lit(def.rate()),
        shownHours.multiply(lit(def.rate())), PayslipLines.noteOf(def, note));
  }
}
