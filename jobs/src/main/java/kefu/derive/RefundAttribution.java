package kefu.derive;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.Arrays;
import kefu.canonical.CanonicalSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Refund attribution: completed refunds credited to the agent credited with the order, dated at
 * the refund's completion (so clawbacks can lag the sale).
 *
 * <p>Counts only status 退款成功, or a null status with {@code completed_at} set. A refund lands on
 * the order line with the same {@code line_id}, else the line with the same {@code item_id}
 * (商品编码, optional extra column), else on the order as a whole (category of the order's largest
 * line, units of the whole order). A refund whose order is not in the orders table keeps its row
 * with null agent, category and {@code is_silent}.
 *
 * <p>Full vs partial: the optional {@code is_full_refund} column (boolean, or 全部退款/部分退款),
 * else "amount covers the matched line (or order) amount paid". {@code refunded_units} = the
 * line's (order's) quantity for a full refund, 0 for a partial one.
 *
 * <p>When there is no refunds table (null or empty), the orders' {@code refund_amount} column is
 * used instead ({@link #fromOrderColumn}).
 *
 * <p>Columns: {@code refund_id}, {@code order_id}, {@code line_id} (matched line),
 * {@code credited_agent_id}, {@code shop_id}, {@code category}, {@code refund_amount}
 * (decimal(14,2)), {@code is_full_refund}, {@code refunded_units}, {@code is_return},
 * {@code completed_date}, {@code sale_date} (paid date, else created date of the order),
 * {@code is_silent}, {@code refund_source} ({@code refunds} | {@code orders.refund_amount}).
 */
public final class RefundAttribution {
  private RefundAttribution() {}

  public static final String SUCCEEDED = "退款成功";

  public static Dataset<Row> attribute(Dataset<Row> refunds, Dataset<Row> attributedOrders) {
    return refunds == null || refunds.isEmpty() ? fromOrderColumn(attributedOrders)
        : fromRefunds(refunds, attributedOrders);
  }

  /** The refunds of a refunds table (with rows) attributed as the class comment says. */
  public static Dataset<Row> fromRefunds(Dataset<Row> refunds, Dataset<Row> attributedOrders) {
    Dataset<Row> done = refunds.filter(col("status").equalTo(SUCCEEDED)
        .or(col("status").isNull().and(col("completed_at").isNotNull())));
    Dataset<Row> r = done.select(
        concat_ws("|", col("refund_id"), optional(done, "source_file"),
            optional(done, "source_line").cast(StringType)).as("r_key"),
        col("refund_id"), col("order_id").as("r_order_id"), col("line_id").as("r_line_id"),
        optional(done, "item_id").cast(StringType).as("r_item_id"),
        col("shop_id").as("r_shop_id"), col("completed_at"), col("amount"),
        col("return_required"), fullFlag(done).as("r_is_full"));

    Dataset<Row> lines = attributedOrders.select(
        col("order_id").as("l_order_id"), col("line_id").as("l_line_id"),
        col("item_id").as("l_item_id"), col("category").as("l_category"),
        col("quantity").as("l_quantity"), col("amount_paid").as("l_amount_paid"));
    Column lineMatch = col("r_line_id").isNotNull().and(col("r_line_id").equalTo(col("l_line_id")));
    Column itemMatch = col("r_line_id").isNull().and(col("r_item_id").isNotNull())
        .and(col("r_item_id").equalTo(col("l_item_id")));
    Dataset<Row> matched = r
        .join(lines, col("r_order_id").equalTo(col("l_order_id")).and(lineMatch.or(itemMatch)))
        .groupBy(col("r_key").as("m_key"))
        .agg(max_by(
            struct(col("l_line_id").as("line_id"), col("l_category").as("category"),
                col("l_quantity").as("quantity"), col("l_amount_paid").as("amount_paid")),
            struct(lineMatch, col("l_line_id"))).as("m"));

    Dataset<Row> orderSummary = attributedOrders
        .groupBy(col("order_id").as("s_order_id"))
        .agg(first(col("shop_id"), true).as("s_shop_id"),
            first(col("credited_agent_id"), true).as("s_agent_id"),
            first(col("is_silent"), true).as("s_is_silent"),
            min(coalesce(col("paid_date"), col("created_date"))).as("s_sale_date"),
            sum("quantity").as("s_quantity"),
            sum("amount_paid").as("s_amount_paid"),
            max_by(col("category"), coalesce(col("amount_paid"), lit(0))).as("s_category"));

    Dataset<Row> joined = r
        .join(orderSummary, col("r_order_id").equalTo(col("s_order_id")), "left")
        .join(matched, col("r_key").equalTo(col("m_key")), "left");
    Column isFull = coalesce(col("r_is_full"),
        col("amount").geq(coalesce(col("m.amount_paid"), col("s_amount_paid"))));
    return joined.select(
        col("refund_id"), col("r_order_id").as("order_id"), col("m.line_id").as("line_id"),
        col("s_agent_id").as("credited_agent_id"),
        coalesce(col("s_shop_id"), col("r_shop_id")).as("shop_id"),
        coalesce(col("m.category"), col("s_category")).as("category"),
        col("amount").cast(CanonicalSchema.MONEY).as("refund_amount"),
        coalesce(isFull, lit(false)).as("is_full_refund"),
        when(coalesce(isFull, lit(false)),
            coalesce(col("m.quantity").cast(LongType), col("s_quantity").cast(LongType), lit(0L)))
            .otherwise(lit(0L)).as("refunded_units"),
        coalesce(col("return_required"), lit(false)).as("is_return"),
        to_date(col("completed_at")).as("completed_date"),
        col("s_sale_date").as("sale_date"),
        col("s_is_silent").as("is_silent"),
        lit("refunds").as("refund_source"));
  }

  /**
   * Refunds from the orders export's {@code refund_amount} column (rows with an amount > 0). The
   * export has no completion time, so {@code completed_date} is the order's created date (the
   * shop totals of the export then reconcile by creation period); no return flag is known.
   */
  public static Dataset<Row> fromOrderColumn(Dataset<Row> attributedOrders) {
    Column amount = hasColumn(attributedOrders, "refund_amount")
        ? col("refund_amount") : lit(null).cast(CanonicalSchema.MONEY);
    Column isFull = amount.geq(coalesce(col("amount_paid"), lit(0)));
    return attributedOrders
        .filter(amount.gt(0))
        .select(
            concat_ws("|", lit("order"), col("order_id"), col("line_id")).as("refund_id"),
            col("order_id"), col("line_id"), col("credited_agent_id"), col("shop_id"),
            col("category"),
            amount.cast(CanonicalSchema.MONEY).as("refund_amount"),
            isFull.as("is_full_refund"),
            when(isFull, coalesce(col("quantity").cast(LongType), lit(0L))).otherwise(lit(0L))
                .as("refunded_units"),
            lit(false).as("is_return"),
            col("created_date").as("completed_date"),
            coalesce(col("paid_date"), col("created_date")).as("sale_date"),
            col("is_silent"),
            lit("orders.refund_amount").as("refund_source"));
  }

  private static Column fullFlag(Dataset<Row> refunds) {
    if (!hasColumn(refunds, "is_full_refund")) {
      return lit(null).cast(BooleanType);
    }
    Column v = lower(trim(col("is_full_refund").cast(StringType)));
    return when(v.isin("true", "全部退款", "全额退款", "是", "1", "full"), lit(true))
        .when(v.isin("false", "部分退款", "否", "0", "partial"), lit(false))
        .otherwise(lit(null).cast(BooleanType));
  }

  private static Column optional(Dataset<Row> df, String name) {
    return hasColumn(df, name) ? col(name) : lit(null).cast(StringType);
  }

  static boolean hasColumn(Dataset<Row> df, String name) {
    return Arrays.asList(df.columns()).contains(name);
  }
}
