package kefu.pay;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * amount when the month's average DSR score (sum / count over rated orders credited to the agent)
 * reaches threshold; no rated orders = no bonus. basis_amount = the average score.
 */
final class DsrBonus implements PayComponent {
  private final ComponentDef def;

  DsrBonus(ComponentDef def) {
    this.def = def;
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  @Override
  public Dataset<Row> lines(PayInputs inputs, Dataset<Row> agentMonths) {
    Column average = when(col(def.basis() + "_count").gt(0),
        col(def.basis() + "_sum").cast("double").divide(col(def.basis() + "_count")));
    Column earned = average.isNotNull().and(average.geq(def.threshold().doubleValue()));
    String note = def.amount().toPlainString() + " when average " + def.basis() + " >= "
        + def.threshold().toPlainString();
    return PayslipLines.select(agentMonths, def, def.basis(), average, lit(null),
        when(earned, lit(def.amount())).otherwise(lit(BigDecimal.ZERO)),
        PayslipLines.noteOf(def, note));
  }
}
