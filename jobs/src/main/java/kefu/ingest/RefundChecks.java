package kefu.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Refunds and ratings checked against the orders: a refund must name a known order and not exceed
 * what was paid for it; shops come from the order when the export names none. Repeated refund ids
 * (and repeated ratings of one order) keep the first.
 */
final class RefundChecks {
  private RefundChecks() {}

  record Result(Dataset<Row> accepted, Dataset<Row> rejects) {}

  /** Paid amount and shop per order id. */
  static Dataset<Row> orderFacts(Dataset<Row> orders) {
    return orders.groupBy("order_id").agg(
        sum("amount_paid").as("order_paid"), min("shop_id").as("order_shop"),
        lit(true).as("order_known"));
  }

  /** ranked: the parsed refund rows ranked by refund_id (Duplicates): the first is kept. */
  static Result refunds(Dataset<Row> ranked, Dataset<Row> orderFacts, boolean ordersGiven) {
    Dataset<Row> duplicates = RejectRows.of(Duplicates.repeats(ranked), "refund_id",
        col("refund_id"), lit("duplicate refund"));
    Dataset<Row> joined = withOrder(Duplicates.firsts(ranked), orderFacts);
    Column unknown = ordersGiven ? col("order_known").isNull() : lit(false);
    Column exceeds = col("order_paid").isNotNull().and(col("amount").gt(col("order_paid")));
    Dataset<Row> unknownRejects = RejectRows.of(joined.filter(unknown), "order_id",
        col("order_id"), lit("refund for unknown order"));
    Dataset<Row> excessRejects = RejectRows.of(joined.filter(not(unknown).and(exceeds)),
        "amount", col("amount"), lit("refund exceeds amount paid for the order"),
        concat(lit("order paid "), col("order_paid").cast(StringType)));
    Dataset<Row> accepted = joined.filter(not(unknown).and(not(exceeds)));
    return new Result(dropOrderFacts(accepted),
        duplicates.unionByName(unknownRejects).unionByName(excessRejects));
  }

  /** ranked: the parsed rating rows ranked by order_id (Duplicates): an order's first is kept. */
  static Result ratings(Dataset<Row> ranked, Dataset<Row> orderFacts) {
    Dataset<Row> duplicates = RejectRows.of(Duplicates.repeats(ranked), "order_id",
        col("order_id"), lit("duplicate rating"));
    return new Result(dropOrderFacts(withOrder(Duplicates.firsts(ranked), orderFacts)),
        duplicates);
  }

  private static Dataset<Row> withOrder(Dataset<Row> rows, Dataset<Row> orderFacts) {
    Dataset<Row> facts = orderFacts.withColumnRenamed("order_id", "fact_order_id");
    return rows.join(facts, col("order_id").equalTo(col("fact_order_id")), "left")
        .withColumn("shop_id", coalesce(col("shop_id"), col("order_shop"), col("fallback_shop")));
  }

  private static Dataset<Row> dropOrderFacts(Dataset<Row> rows) {
    return rows.drop("fact_order_id", "order_paid", "order_shop", "order_known");
  }
}
