package kefu.marts;

import static kefu.marts.PeriodRows.moneyPer;
import static kefu.marts.PeriodRows.ratio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kefu.canonical.CanonicalSchema;
import kefu.facts.PeriodFacts;
import kefu.table.LocalTable;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Shop x period. Grain: {@code shop_id}, {@code period_type}, {@code period}; from the period
 * aggregates of {@link PeriodFacts} (facts named {@code shop_*}).
 *
 * <p>{@code orders_created}, {@code orders_paid}, {@code paid_amount}, {@code agent_paid_amount},
 * {@code silent_paid_amount} are over orders CREATED in the period ({@code orders_paid} = those
 * with a payment time), so a period holding every order reproduces the export's totals: count of
 * orders, orders with a payment time, sum of amount paid. {@code sales_gross}, {@code sold_units}
 * and {@code paying_buyers} are by paid date, as in the agent marts. {@code refunded_amount} sums
 * the attributed refunds by completion date; without a refunds table it comes from the orders'
 * {@code refund_amount} column, dated at the order's creation. Receptions are distinct
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

  private static final String[] GRAIN = {"shop_id"};

  public static final StructType SCHEMA = schema();

  private static StructType schema() {
    StructType s = StructType.fromDDL("shop_id STRING, period_type STRING, period STRING");
    for (String c : COUNTS) {
      s = s.add(c, DataTypes.LongType);
    }
    for (String c : MONEY) {
      s = s.add(c, CanonicalSchema.MONEY);
    }
    s = s.add("payment_rate", DataTypes.DoubleType).add("silent_share", DataTypes.DoubleType)
        .add("sales_net", CanonicalSchema.MONEY).add("average_order_value", CanonicalSchema.MONEY);
    for (String c : List.of("refund_rate_units", "refund_rate_amount", "return_rate",
        "reply_rate", "first_response_seconds_avg", "response_seconds_avg",
        "inquiry_conversion", "inquiry_order_rate", "order_payment_rate")) {
      s = s.add(c, DataTypes.DoubleType);
    }
    return s;
  }

  /** @param facts the collected {@link PeriodFacts#facts} */
  public static LocalTable build(Map<String, LocalTable> facts, List<Period> periods) {
    PeriodRows sums = new PeriodRows(periods, MONEY);
    sums.addByMask(facts.get("shop_created"), GRAIN, Map.of("paid_amount", "paid_amount",
        "agent_paid_amount", "agent_paid_amount", "silent_paid_amount", "silent_paid_amount"));
    sums.addDistinct(facts.get("shop_orders"), GRAIN, "orders", "orders_created",
        "orders_paid");
    sums.addByMask(facts.get("shop_paid"), GRAIN, Map.of("sold_units", "sold_units",
        "sold_lines", "sold_lines", "sales_gross", "sales_gross"));
    sums.addDistinct(facts.get("shop_buyers"), GRAIN, "buyers", "paying_buyers", null);
    sums.addByMask(facts.get("shop_refunds"), GRAIN, Map.of("refund_count", "refund_count",
        "refund_amount", "refunded_amount", "refunded_units", "refunded_units", "return_count",
        "return_count"));
    if (facts.containsKey("shop_receptions")) {
      sums.addByMask(facts.get("shop_receptions"), GRAIN, Map.of("receptions", "receptions",
          "replied_receptions", "replied_receptions", "buyer_messages", "buyer_messages",
          "answered_buyer_messages", "answered_buyer_messages", "response_seconds_sum",
          "response_seconds_sum", "first_response_seconds_sum", "first_response_seconds_sum",
          "first_response_count", "first_response_count"));
    }
    if (facts.containsKey("shop_inquiries")) {
      sums.addByMask(facts.get("shop_inquiries"), GRAIN, Map.of("inquiry_buyers",
          "inquiry_buyers", "inquiry_ordered_buyers", "inquiry_ordered_buyers",
          "inquiry_paid_buyers", "inquiry_paid_buyers"));
    }
    return new LocalTable(SCHEMA, sums.rows((key, m) -> {
      List<Object> v = new ArrayList<>(key);
      for (String c : COUNTS) {
        v.add(m.count(c));
      }
      for (String c : MONEY) {
        v.add(m.money(c));
      }
      BigDecimal sales = m.money("sales_gross");
      BigDecimal refunds = m.money("refunded_amount");
      v.add(ratio(m.count("orders_paid"), m.count("orders_created")));
      v.add(ratio(m.money("silent_paid_amount").doubleValue(),
          m.money("paid_amount").doubleValue()));
      v.add(sales.subtract(refunds));
      v.add(moneyPer(sales, m.count("paying_buyers")));
      v.add(ratio(m.count("refunded_units"), m.count("sold_units")));
      v.add(ratio(refunds.doubleValue(), sales.doubleValue()));
      v.add(ratio(m.count("return_count"), m.count("sold_lines")));
      v.add(ratio(m.count("replied_receptions"), m.count("receptions")));
      v.add(ratio(m.count("first_response_seconds_sum"), m.count("first_response_count")));
      v.add(ratio(m.count("response_seconds_sum"), m.count("answered_buyer_messages")));
      v.add(ratio(m.count("inquiry_paid_buyers"), m.count("inquiry_buyers")));
      v.add(ratio(m.count("inquiry_ordered_buyers"), m.count("inquiry_buyers")));
      v.add(ratio(m.count("inquiry_paid_buyers"), m.count("inquiry_ordered_buyers")));
      return LocalTable.row(SCHEMA, v.toArray());
    }));
  }
}
