package kefu.marts;

import static kefu.marts.Measures.moneyPer;
import static kefu.marts.Measures.ratio;
import static org.apache.spark.sql.functions.bool_or;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import kefu.canonical.CanonicalSchema;
import kefu.derive.RefundAttribution;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Shop x period. Grain: {@code shop_id}, {@code period_type}, {@code period}.
 *
 * <p>{@code orders_created}, {@code orders_paid}, {@code paid_amount}, {@code agent_paid_amount},
 * {@code silent_paid_amount} are over orders CREATED in the period ({@code orders_paid} = those
 * with a payment time), so a period holding every order reproduces the export's totals: count of
 * orders, orders with a payment time, sum of amount paid. {@code sales_gross}, {@code sold_units}
 * and {@code paying_buyers} are by paid date, as in the agent marts. {@code refunded_amount} sums
 * the attributed refunds by completion date; when {@code attributedRefunds} is null it comes from
 * the orders' {@code refund_amount} column, dated at the order's creation. Receptions are distinct
 * receptions by start date; inquiries distinct buyer-days.
 */
public final class ShopMetrics {
  private ShopMetrics() {}

  public static final String[] COUNTS = {
      "orders_created", "orders_paid", "paying_buyers", "sold_units", "sold_lines",
      "refund_count", "refunded_units", "return_count",
      "receptions", "replied_receptions", "buyer_messages", "answered_buyer_messages",
      "response_seconds_sum", "first_response_seconds_sum", "first_response_count",
      "inquiry_buyers", "inquiry_ordered_buyers", "inquiry_paid_buyers"};
  public static final String[] MONEY = {
      "paid_amount", "agent_paid_amount", "silent_paid_amount", "sales_gross",
      "refunded_amount"};

  public static Dataset<Row> build(Dataset<Row> attributedOrders, Dataset<Row> attributedRefunds,
      Dataset<Row> receptions, Dataset<Row> inquiries, List<Period> periods) {
    String[] keys = {"shop_id", "period_type", "period"};
    Column paid = col("paid_at").isNotNull();
    Column credited = col("credited_agent_id").isNotNull();

    List<Dataset<Row>> parts = new ArrayList<>();
    parts.add(Periods.assign(attributedOrders, "created_date", periods)
        .groupBy("shop_id", "period_type", "period")
        .agg(count_distinct(col("order_id")).as("orders_created"),
            count_distinct(when(paid, col("order_id"))).as("orders_paid"),
            sum(when(paid, col("amount_paid"))).as("paid_amount"),
            sum(when(paid.and(credited), col("amount_paid"))).as("agent_paid_amount"),
            sum(when(paid.and(col("credited_agent_id").isNull()), col("amount_paid"))).as("silent_paid_amount")));
    parts.add(Periods.assign(attributedOrders.filter(paid), "paid_date", periods)
        .groupBy("shop_id", "period_type", "period")
        .agg(count_distinct(col("buyer_key")).as("paying_buyers"),
            sum("quantity").as("sold_units"), count(lit(1)).as("sold_lines"),
            sum("amount_paid").as("sales_gross")));
    Dataset<Row> refunds = attributedRefunds != null
        ? attributedRefunds : RefundAttribution.fromOrderColumn(attributedOrders);
    parts.add(Periods.assign(refunds, "completed_date", periods)
        .groupBy("shop_id", "period_type", "period")
        .agg(count(lit(1)).as("refund_count"), sum("refund_amount").as("refunded_amount"),
            sum("refunded_units").as("refunded_units"),
            count(when(col("is_return"), lit(1))).as("return_count")));
    if (receptions != null) {
      // a reception's parts share its start date, so filtering parts keeps whole receptions
      Dataset<Row> whole = receptions
          .filter(Periods.inAny("reception_date", periods))
          .groupBy("reception_id")
          .agg(first(col("shop_id")).as("shop_id"),
              first(col("reception_date")).as("reception_date"),
              bool_or(col("is_replied")).as("is_replied"),
              sum("buyer_messages").as("buyer_messages"),
              sum("answered_buyer_messages").as("answered_buyer_messages"),
              sum("response_seconds_sum").as("response_seconds_sum"),
              max("first_response_seconds").as("first_response_seconds"));
      parts.add(Periods.assign(whole, "reception_date", periods)
          .groupBy("shop_id", "period_type", "period")
          .agg(count(lit(1)).as("receptions"),
              count(when(col("is_replied"), lit(1))).as("replied_receptions"),
              sum("buyer_messages").as("buyer_messages"),
              sum("answered_buyer_messages").as("answered_buyer_messages"),
              sum("response_seconds_sum").as("response_seconds_sum"),
              sum("first_response_seconds").as("first_response_seconds_sum"),
              count("first_response_seconds").as("first_response_count")));
    }
    if (inquiries != null) {
      parts.add(Periods.assign(CategoryMetrics.buyerDays(
              inquiries.filter(Periods.inAny("inquiry_date", periods))), "inquiry_date", periods)
          .groupBy("shop_id", "period_type", "period")
          .agg(count(lit(1)).as("inquiry_buyers"),
              count(when(col("ordered"), lit(1))).as("inquiry_ordered_buyers"),
              count(when(col("paid"), lit(1))).as("inquiry_paid_buyers")));
    }
    Dataset<Row> sums = Measures.combine(parts, keys, COUNTS, MONEY);

    List<Column> out = new ArrayList<>();
    for (String c : Measures.concat(keys, COUNTS, MONEY)) {
      out.add(col(c));
    }
    out.add(ratio("orders_paid", "orders_created").as("payment_rate"));
    out.add(ratio("silent_paid_amount", "paid_amount").as("silent_share"));
    out.add(col("sales_gross").minus(col("refunded_amount")).cast(CanonicalSchema.MONEY)
        .as("sales_net"));
    out.add(moneyPer("sales_gross", "paying_buyers").as("average_order_value"));
    out.add(ratio("refunded_units", "sold_units").as("refund_rate_units"));
    out.add(ratio("refunded_amount", "sales_gross").as("refund_rate_amount"));
    out.add(ratio("return_count", "sold_lines").as("return_rate"));
    out.add(ratio("replied_receptions", "receptions").as("reply_rate"));
    out.add(ratio("first_response_seconds_sum", "first_response_count")
        .as("first_response_seconds_avg"));
    out.add(ratio("response_seconds_sum", "answered_buyer_messages").as("response_seconds_avg"));
    out.add(ratio("inquiry_paid_buyers", "inquiry_buyers").as("inquiry_conversion"));
    out.add(ratio("inquiry_ordered_buyers", "inquiry_buyers").as("inquiry_order_rate"));
    out.add(ratio("inquiry_paid_buyers", "inquiry_ordered_buyers").as("order_payment_rate"));
    return sums.select(out.toArray(new Column[0]));
  }
}
