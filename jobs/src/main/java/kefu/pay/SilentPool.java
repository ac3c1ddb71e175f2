package kefu.pay;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * rate x the shop's silent sales of the month (silent_sales_net: minus silent refunds completed in
 * the month), shared evenly among the agent-months of the scheme this component applies to that
 * were active (at least one active day). basis_amount is the agent's share of the pool basis.
 * Inactive agent-months get a 0 line.
 */
final class SilentPool implements PayComponent {
  private final ComponentDef def;

  SilentPool(ComponentDef def) {
    this.def = def;
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  @Override
  public Dataset<Row> lines(PayInputs inputs, Dataset<Row> agentMonths) {
    boolean net = !"silent_sales_gross".equals(def.basis());
    Column active = col("active_days").gt(0);
    var shopMonth = Window.partitionBy("shop_id", "month", "scheme_id");
    Dataset<Row> joined = agentMonths
        .withColumn("pool_agents", count(org.apache.spark.sql.functions.when(active, true))
            .over(shopMonth))
        .join(inputs.shopSilentMonths(), PayInputs.seq("shop_id", "month"), "left")
        .withColumn("pool_basis", PayslipLines.exact(coalesce(net
            ? col("silent_sales_gross").minus(col("silent_refunds"))
            : col("silent_sales_gross"), lit(BigDecimal.ZERO))))
        .withColumn("share_basis", org.apache.spark.sql.functions.when(active,
            col("pool_basis").divide(col("pool_agents"))).otherwise(lit(BigDecimal.ZERO)));
    Column note = concat(lit(def.rate().movePointRight(2).stripTrailingZeros().toPlainString()
            + "% of shop " + (net ? "silent sales net of silent refunds " : "silent sales ")),
        col("pool_basis").cast("decimal(16,2)").cast("string"),
        lit(" shared by "), col("pool_agents"), lit(" active agents"),
        lit(def.note() == null ? "" : " (" + def.note() + ")"));
    return PayslipLines.select(joined, def, def.basis(), col("share_basis"), lit(def.rate()),
        col("share_basis").multiply(lit(def.rate())), note);
  }
}
