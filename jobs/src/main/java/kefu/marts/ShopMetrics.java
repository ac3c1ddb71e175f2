package kefu.marts;

import static kefu.marts.PeriodRows.moneyPer;
import static kefu.marts.PeriodRows.ratio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kefu.canonical.CanonicalSchema;
import kefu.facts.PeriodFacts;
import kefu.facts.RatingFacts;
import kefu.spark.Ddl;
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
 * receptions by start date; inquiries distinct buyer-days. The last two columns are the
 * 询单→次日付款成功率 ({@code inquiry_paid_next_day_buyers / inquiry_buyers}) and the 答问比
 * ({@code agent_messages / buyer_messages} over every reception, also those nobody answered).
 *
 * <p>DSR (last columns, from {@link RatingFacts}): the shop's ratings given in the period, also
 * those whose order is not in the orders table: {@code dsr_rated_orders}, per score its sum and
 * count and {@code dsr_<score>_avg} = sum / count; and the rolling means over the
 * {@code dsr_rolling_days} days ending with the period's last day. All null when the run read no
 * ratings (no data is not 0); an average is null when no rating gave that score.
 */
public final class ShopMetrics {
  private ShopMetrics() {}

  public static final String[] COUNTS = {
      "orders_created", "orders_paid", "paying_buyers", "sold_units", "sold_lines",
      "refund_count", "refunded_units", "return_count",
      "receptions", "replied_receptions", "buyer_messages", "answered_buyer_messages",
      "response_seconds_sum", "first_response_seconds_sum", "first_response_count",
      "inquiry_buyers", "inquiry_ordered_buyers", "inquiry_paid_buyers",
      // added after the others so that the earlier columns keep their places
      "inquiry_paid_next_day_buyers", "agent_messages"};
  public static final String[] MONEY = {
      "paid_amount", "agent_paid_amount", "silent_paid_amount", "sales_gross",
      "refunded_amount"};

  private static final String[] GRAIN = {"shop_id"};

  public static final StructType SCHEMA = schema();

  private static StructType schema() {
    StructType s = Ddl.schema("shop_id STRING, period_type STRING, period STRING");
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
    s = s.add("dsr_rated_orders", DataTypes.LongType);
    for (String score : RatingFacts.SCORES) {
      s = s.add("dsr_" + score + "_sum", DataTypes.LongType)
          .add("dsr_" + score + "_count", DataTypes.LongType);
    }
    for (String score : RatingFacts.SCORES) {
      s = s.add("dsr_" + score + "_avg", DataTypes.DoubleType);
    }
    s = s.add("dsr_rolling_days", DataTypes.IntegerType)
        .add("dsr_rolling_rated_orders", DataTypes.LongType);
    for (String score : RatingFacts.SCORES) {
      s = s.add("dsr_rolling_" + score + "_avg", DataTypes.DoubleType);
    }
    return s.add("inquiry_next_day_payment_rate", DataTypes.DoubleType)
        .add("answer_ratio", DataTypes.DoubleType);
  }

  /** The DSR measures of the ratings fact: in the period, and in its rolling window. */
  private static void addRatings(PeriodRows sums, LocalTable ratings) {
    Map<String, String> inPeriod = new java.util.HashMap<>(Map.of("rated_orders",
        "dsr_rated_orders"));
    Map<String, String> rolling = new java.util.HashMap<>(Map.of("rated_orders",
        "dsr_rolling_rated_orders"));
    for (String score : RatingFacts.SCORES) {
      for (String part : List.of("_sum", "_count")) {
        inPeriod.put("dsr_" + score + part, "dsr_" + score + part);
        rolling.put("dsr_" + score + part, "dsr_rolling_" + score + part);
      }
    }
    sums.addByMask(ratings, "mask", GRAIN, inPeriod);
    sums.addByMask(ratings, "rolling_mask", GRAIN, rolling);
  }

  /** The DSR columns of one period row; all null without ratings. */
  private static void addDsr(List<Object> v, PeriodRows.Measures m, Integer rollingDays) {
    boolean rated = rollingDays != null;
    v.add(rated ? m.count("dsr_rated_orders") : null);
    for (String score : RatingFacts.SCORES) {
      v.add(rated ? m.count("dsr_" + score + "_sum") : null);
      v.add(rated ? m.count("dsr_" + score + "_count") : null);
    }
    for (String score : RatingFacts.SCORES) {
      v.add(ratio(m.count("dsr_" + score + "_sum"), m.count("dsr_" + score + "_count")));
    }
    v.add(rollingDays);
    v.add(rated ? m.count("dsr_rolling_rated_orders") : null);
    for (String score : RatingFacts.SCORES) {
      v.add(ratio(m.count("dsr_rolling_" + score + "_sum"),
          m.count("dsr_rolling_" + score + "_count")));
    }
  }

  /** Without ratings: the DSR columns are null. */
  public static LocalTable build(Map<String, LocalTable> facts, List<Period> periods) {
    return build(facts, periods, null);
  }

  /**
   * @param facts the collected {@link PeriodFacts#facts}, with {@link RatingFacts#FACT} when the
   *     run read ratings
   * @param dsrRollingDays the window {@link RatingFacts} was given (null without ratings)
   */
  public static LocalTable build(Map<String, LocalTable> facts, List<Period> periods,
      Integer dsrRollingDays) {
    Integer rollingDays = facts.containsKey(RatingFacts.FACT) ? dsrRollingDays : null;
    PeriodRows sums = new PeriodRows(periods, MONEY);
    // Sums per shop are the sums of its categories' (PeriodFacts keeps no shop copy of them).
    sums.addByMask(facts.get("category_created"), GRAIN, Map.of("paid_amount", "paid_amount",
        "agent_paid_amount", "agent_paid_amount", "silent_paid_amount", "silent_paid_amount"));
    sums.addDistinct(facts.get("shop_orders"), GRAIN, "orders", "orders_created",
        "orders_paid");
    sums.addByMask(facts.get("category_paid"), GRAIN, Map.of("sold_units", "sold_units",
        "sold_lines", "sold_lines", "sales_gross", "sales_gross"));
    sums.addDistinct(facts.get("shop_buyers"), GRAIN, "buyers", "paying_buyers", null);
    sums.addByMask(facts.getOrDefault("shop_refunds", facts.get("category_refunds")), GRAIN,
        Map.of("refund_count", "refund_count", "refund_amount", "refunded_amount",
            "refunded_units", "refunded_units", "return_count", "return_count"));
    if (facts.containsKey("shop_receptions")) {
      sums.addByMask(facts.get("shop_receptions"), GRAIN, Map.of("receptions", "receptions",
          "replied_receptions", "replied_receptions", "buyer_messages", "buyer_messages",
          "answered_buyer_messages", "answered_buyer_messages", "response_seconds_sum",
          "response_seconds_sum", "first_response_seconds_sum", "first_response_seconds_sum",
          "first_response_count", "first_response_count", "agent_messages", "agent_messages"));
    }
    if (facts.containsKey("shop_inquiries")) {
      sums.addByMask(facts.get("shop_inquiries"), GRAIN, Map.of("inquiry_buyers",
          "inquiry_buyers", "inquiry_ordered_buyers", "inquiry_ordered_buyers",
          "inquiry_paid_buyers", "inquiry_paid_buyers", "inquiry_paid_next_day_buyers",
          "inquiry_paid_next_day_buyers"));
    }
    if (rollingDays != null) {
      addRatings(sums, facts.get(RatingFacts.FACT));
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
      addDsr(v, m, rollingDays);
      v.add(ratio(m.count("inquiry_paid_next_day_buyers"), m.count("inquiry_buyers")));
      v.add(ratio(m.count("agent_messages"), m.count("buyer_messages")));
      return LocalTable.row(SCHEMA, v.toArray());
    }));
  }
}
