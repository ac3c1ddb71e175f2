package kefu.pay;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Target attainment: when the month's credited sales (gross, or net of refunds) reach threshold x
 * amount (the monthly target), rate x those sales; else 0.
 */
final class TargetBonus implements PayComponent {
  private final ComponentDef def;

  TargetBonus(ComponentDef def) {
    this.def = def;
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  @Override
  public Dataset<Row> lines(PayInputs inputs, Dataset<Row> agentMonths) {
    Column sales = "sales_net".equals(def.basis())
        ? col("credited_sales").minus(col("credited_refunds")) : col("credited_sales");
    BigDecimal bar = def.amount().multiply(def.threshold());
    Column earned = sales.geq(lit(bar));
    String note = def.rate().movePointRight(2).stripTrailingZeros().toPlainString() + "% of "
        + def.basis() + " when >= " + def.threshold().movePointRight(2).stripTrailingZeros()
        .toPlainString() + "% of target " + def.amount().toPlainString();
    return PayslipLines.select(agentMonths, def, def.basis(), sales,
        when(earned, lit(def.rate())).otherwise(lit(BigDecimal.ZERO)),
        when(earned, PayslipLines.exact(sales).multiply(lit(def.rate())))
            .otherwise(lit(BigDecimal.ZERO)), PayslipLines.noteOf(def, note));
  }
}
