package kefu.marts;

import static kefu.marts.Measures.moneyPer;
import static kefu.marts.Measures.ratio;
import static org.apache.spark.sql.functions.bool_or;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import kefu.canonical.CanonicalSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Category x period (per shop). Grain: {@code shop_id}, {@code category} (null category reported
 * as {@link #UNKNOWN}), {@code period_type}, {@code period}.
 *
 * <p>Bases, as in {@link ShopMetrics}: {@code orders}, {@code paid_orders}, {@code paid_amount},
 * {@code agent_paid_amount}, {@code silent_paid_amount} are over orders CREATED in the period
 * (paid ones for the paid measures; they reconcile with the order export); {@code sales_gross},
 * {@code sold_units}, {@code sold_lines}, {@code paying_buyers} by PAID date (as the agent
 * marts); refunds by completion date. An order with lines in two categories counts in both.
 *
 * <p>Inquiries are counted as distinct buyer-days (a buyer who inquired with two agents on the
 * same day counts once) and take the category of the order line they converted into; inquiries
 * that did not convert have no category and are reported under {@link #UNKNOWN}.
 */
public final class CategoryMetrics {
  private CategoryMetrics() {}

  public static final String UNKNOWN = "unknown";

  public static final String[] COUNTS = {
      "orders", "paid_orders", "sold_units", "sold_lines", "paying_buyers",
      "refund_count", "refunded_units", "return_count",
      "inquiry_buyers", "inquiry_ordered_buyers", "inquiry_paid_buyers"};
  public static final String[] MONEY = {
      "paid_amount", "agent_paid_amount", "silent_paid_amount", "sales_gross", "refund_amount"};

  public static Dataset<Row> build(Dataset<Row> attributedOrders, Dataset<Row> attributedRefunds,
      Dataset<Row> inquiries, List<Period> periods) {
    String[] keys = {"shop_id", "category", "period_type", "period"};
    Column category = coalesce(col("category"), lit(UNKNOWN)).as("category");
    Column paid = col("paid_at").isNotNull();
    Column credited = col("credited_agent_id").isNotNull();

    List<Dataset<Row>> parts = new ArrayList<>();
    parts.add(Periods.assign(attributedOrders, "created_date", periods)
        .groupBy(col("shop_id"), category, col("period_type"), col("period"))
        .agg(count_distinct(col("order_id")).as("orders"),
            count_distinct(when(paid, col("order_id"))).as("paid_orders"),
            sum(when(paid, col("amount_paid"))).as("paid_amount"),
            sum(when(paid.and(credited), col("amount_paid"))).as("agent_paid_amount"),
            sum(when(paid.and(col("credited_agent_id").isNull()), col("amount_paid"))).as("silent_paid_amount")));
    parts.add(Periods.assign(attributedOrders.filter(paid), "paid_date", periods)
        .groupBy(col("shop_id"), category, col("period_type"), col("period"))
        .agg(sum("quantity").as("sold_units"), count(lit(1)).as("sold_lines"),
            count_distinct(col("buyer_key")).as("paying_buyers"),
            sum("amount_paid").as("sales_gross")));
    if (attributedRefunds != null) {
      parts.add(Periods.assign(attributedRefunds, "completed_date", periods)
          .groupBy(col("shop_id"), category, col("period_type"), col("period"))
          .agg(count(lit(1)).as("refund_count"), sum("refund_amount").as("refund_amount"),
              sum("refunded_units").as("refunded_units"),
              count(when(col("is_return"), lit(1))).as("return_count")));
    }
    if (inquiries != null) {
      parts.add(Periods.assign(
              buyerDays(inquiries.filter(Periods.inAny("inquiry_date", periods))),
              "inquiry_date", periods)
          .groupBy(col("shop_id"), category, col("period_type"), col("period"))
          .agg(count(lit(1)).as("inquiry_buyers"),
              count(when(col("ordered"), lit(1))).as("inquiry_ordered_buyers"),
              count(when(col("paid"), lit(1))).as("inquiry_paid_buyers")));
    }
    Dataset<Row> sums = Measures.combine(parts, keys, COUNTS, MONEY);

    List<Column> out = new ArrayList<>();
    for (String c : Measures.concat(keys, COUNTS, MONEY)) {
      out.add(col(c));
    }
    out.add(ratio("paid_orders", "orders").as("payment_rate"));
    out.add(ratio("silent_paid_amount", "paid_amount").as("silent_share"));
    out.add(col("sales_gross").minus(col("refund_amount")).cast(CanonicalSchema.MONEY)
        .as("sales_net"));
    out.add(moneyPer("sales_gross", "paying_buyers").as("average_order_value"));
    out.add(ratio("refunded_units", "sold_units").as("refund_rate_units"));
    out.add(ratio("refund_amount", "sales_gross").as("refund_rate_amount"));
    out.add(ratio("return_count", "sold_lines").as("return_rate"));
    out.add(ratio("inquiry_paid_buyers", "inquiry_buyers").as("inquiry_conversion"));
    out.add(ratio("inquiry_ordered_buyers", "inquiry_buyers").as("inquiry_order_rate"));
    out.add(ratio("inquiry_paid_buyers", "inquiry_ordered_buyers").as("order_payment_rate"));
    return sums.select(out.toArray(new Column[0]));
  }

  /** Inquiry rows collapsed to one per (shop, buyer, day): conversion does not depend on the agent. */
  static Dataset<Row> buyerDays(Dataset<Row> inquiries) {
    return inquiries
        .groupBy("shop_id", "buyer_key", "inquiry_date")
        .agg(first(col("category"), true).as("category"),
            bool_or(col("ordered")).as("ordered"), bool_or(col("paid")).as("paid"));
  }
}
