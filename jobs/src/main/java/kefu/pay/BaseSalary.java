package kefu.pay;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Monthly base salary x employed days / days in the month (hired_on, left_on inclusive). */
final class BaseSalary implements PayComponent {
  private final ComponentDef def;

  BaseSalary(ComponentDef def) {
    this.def = def;
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  @Override
  public Dataset<Row> lines(PayInputs inputs, Dataset<Row> agentMonths) {
    Column fraction = PayslipLines.exact(col("employed_days")).divide(col("days_in_month"));
    Column note = concat(lit("base " + def.amount().toPlainString() + " x employed "),
        col("employed_days"), lit("/"), col("days_in_month"), lit(" days"),
        lit(def.note() == null ? "" : " (" + def.note() + ")"));
    return PayslipLines.select(agentMonths, def, "monthly_base", lit(def.amount()), fraction,
        PayslipLines.exact(lit(def.amount())).multiply(col("employed_days"))
            .divide(col("days_in_month")), note);
  }
}
