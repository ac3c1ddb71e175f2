package kefu.pay;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Minus rate x the agent's credited refunds completed in the month (basis refunds = every
 * credited refund; returns = only refunds that required the goods back), optionally for one
 * category. Capped with the other deductions by the scheme's deduction cap.
 */
final class ReturnDeduction implements PayComponent {
  private final ComponentDef def;
  private final PayConfig config;

  ReturnDeduction(ComponentDef def, PayConfig config) {
    this.def = def;
    this.config = config;
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  @Override
  public Dataset<Row> lines(PayInputs inputs, Dataset<Row> agentMonths) {
    String column = "returns".equals(def.basis()) ? "return_refund_amount" : "refund_amount";
    Dataset<Row> basis = inputs.categoryMonths()
        .filter(SalesCommission.categoryFilter(def, config))
        .groupBy("shop_id", "agent_id", "month")
        .agg(sum(column).as("deduction_basis"));
    Dataset<Row> joined = agentMonths.join(basis, PayInputs.joinKeys(), "left")
        .withColumn("deduction_basis",
            PayslipLines.exact(coalesce(col("deduction_basis"), lit(BigDecimal.ZERO))));
    String note = "minus " + def.rate().movePointRight(2).stripTrailingZeros().toPlainString()
        + "% of credited " + def.basis() + " completed in the month"
        + (def.category() == null ? "" : " in category " + def.category());
    return PayslipLines.select(joined, def, def.basis(), col("deduction_basis"),
        lit(def.rate()), col("deduction_basis").multiply(lit(def.rate())).unary_$minus(),
        PayslipLines.noteOf(def, note));
  }
}
