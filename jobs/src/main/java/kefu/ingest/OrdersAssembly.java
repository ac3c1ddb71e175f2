package kefu.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Orders at the finest grain the exports give: a 宝贝报表 sub-order takes buyer, shop and presale
 * flag from the 订单报表 row of its order, and that order-grain row is then replaced by its lines
 * (it was used, not dropped). Repeated (order_id, line_id) keep the first by file and line.
 */
final class OrdersAssembly {
  private OrdersAssembly() {}

  /** orders: parsed rows at their output grain; consumed: order rows replaced by their lines. */
  record Result(Dataset<Row> orders, Dataset<Row> rejects, Dataset<Row> consumed) {}

  /**
   * ranked: the parsed order rows ranked by (order_id, line_id) (Duplicates): the first of each
   * is kept; the orders, rejects and consumed rows all read it (cache it when the ranking is a
   * join, as Ingest does for a table that repeats a key).
   */
  static Result assemble(Dataset<Row> ranked) {
    Dataset<Row> kept = Duplicates.firsts(ranked);
    Dataset<Row> rejects = RejectRows.of(Duplicates.repeats(ranked), "order_id",
        coalesce(col("line_id"), col("order_id")), lit("duplicate order"));

    Dataset<Row> heads = kept.filter(col("line_id").isNull());
    Dataset<Row> lines = kept.filter(col("line_id").isNotNull());
    // Renamed keys: heads and lines share a lineage, so same-named join columns would be ambiguous.
    Dataset<Row> headFacts = heads.select(col("order_id").as("head_order_id"),
        col("shop_id").as("head_shop"),
        col("buyer_key").as("head_buyer"), col("is_presale").as("head_presale"));
    Dataset<Row> linesWithHeads = lines
        .join(headFacts, col("order_id").equalTo(col("head_order_id")), "left")
        .drop("head_order_id")
        .withColumn("shop_id", coalesce(col("shop_id"), col("head_shop"), col("fallback_shop")))
        .withColumn("buyer_key", coalesce(col("buyer_key"), col("head_buyer")))
        .withColumn("is_presale", coalesce(col("is_presale"), col("head_presale")))
        .drop("head_shop", "head_buyer", "head_presale");

    Dataset<Row> orderIdsWithLines =
        lines.select(col("order_id").as("line_order_id")).distinct();
    Dataset<Row> headsAlone = heads.join(orderIdsWithLines,
        col("order_id").equalTo(col("line_order_id")), "left_anti");
    Dataset<Row> consumed = heads.join(orderIdsWithLines,
        col("order_id").equalTo(col("line_order_id")), "left_semi");
    Dataset<Row> orders = linesWithHeads.unionByName(headsAlone)
        .withColumn("shop_id", coalesce(col("shop_id"), col("fallback_shop")));
    return new Result(orders, rejects, consumed);
  }
}
