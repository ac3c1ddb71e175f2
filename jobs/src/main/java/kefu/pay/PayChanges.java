package kefu.pay;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * pay_changes: per agent and non-current scheme, total net pay over the months the agent was paid
 * under both that scheme and the current one, against the current scheme: change in money and
 * %, and outcome winner / loser / unchanged (|change| below unchanged_band x current pay).
 */
final class PayChanges {
  private PayChanges() {}

  static Dataset<Row> compute(PayConfig config, Dataset<Row> payroll) {
    String current = config.currentScheme().schemeId();
    Dataset<Row> currentPay = payroll.filter(col("scheme_id").equalTo(current))
        .select(col("shop_id"), col("agent_id"), col("month"),
            col("net_pay").as("current_net_pay"));
    Dataset<Row> totals = payroll.filter(col("scheme_id").notEqual(current))
        .join(currentPay, PayInputs.joinKeys())
        .groupBy("shop_id", "agent_id", "scheme_id")
        .agg(first("scheme_name").as("scheme_name"), first("employment").as("employment"),
            first("sourcing").as("sourcing"), first("role").as("role"),
            countDistinct("month").as("months_compared"),
            sum("net_pay").as("net_pay_total"), sum("current_net_pay").as("current_net_pay_total"));
    Column change = col("net_pay_total").minus(col("current_net_pay_total"));
    Column band = abs(col("current_net_pay_total")).multiply(lit(config.unchangedBand()));
    return totals
        .withColumn("current_scheme_id", lit(current))
        .withColumn("net_pay_total", PayInputs.money(col("net_pay_total")))
        .withColumn("current_net_pay_total", PayInputs.money(col("current_net_pay_total")))
        .withColumn("change_amount", PayInputs.money(change))
        .withColumn("change_pct", when(col("current_net_pay_total").gt(0),
            col("change_amount").cast("double").divide(col("current_net_pay_total"))))
        .withColumn("outcome", when(col("change_amount").gt(band), "winner")
            .when(col("change_amount").lt(band.unary_$minus()), "loser")
            .otherwise("unchanged"))
        .select("shop_id", "agent_id", "scheme_id", "scheme_name", "current_scheme_id",
            "employment", "sourcing", "role", "months_compared", "net_pay_total",
            "current_net_pay_total", "change_amount", "change_pct", "outcome")
        .orderBy("scheme_id", "shop_id", "agent_id");
  }

}
