package kefu.pay;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * 全勤奖: amount when the agent was employed the whole month and active (receptions or paid
 * orders) on at least threshold days. basis_amount = active days.
 */
final class AttendanceBonus implements PayComponent {
  private final ComponentDef def;

  AttendanceBonus(ComponentDef def) {
    this.def = def;
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  @Override
  public Dataset<Row> lines(PayInputs inputs, Dataset<Row> agentMonths) {
    var earned = col("is_full_month").and(col("active_days").geq(lit(def.threshold())));
    String note = def.amount().toPlainString() + " when employed all month and active on >= "
        + def.threshold().toPlainString() + " days";
    return PayslipLines.select(agentMonths, def, "active_days", col("active_days"),
        lit(null), when(earned, lit(def.amount())).otherwise(lit(BigDecimal.ZERO)),
        PayslipLines.noteOf(def, note));
  }
}
