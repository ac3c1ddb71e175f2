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
 * Category x period (per shop). Grain: {@code shop_id}, {@code category} (null category reported
 * as {@link #UNKNOWN}), {@code period_type}, {@code period}; from the period aggregates of
 * {@link PeriodFacts} (facts named {@code category_*}).
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

  public static final String UNKNOWN = PeriodFacts.UNKNOWN;

  public static final String[] COUNTS = {
      "orders", "paid_orders", "sold_units", "sold_lines", "paying_buyers",
      "refund_count", "refunded_units", "return_count",
      "inquiry_buyers", "inquiry_ordered_buyers", "inquiry_paid_buyers"};
  public static final String[] MONEY = {
      "paid_amount", "agent_paid_amount", "silent_paid_amount", "sales_gross", "refund_amount"};

  private static final String[] GRAIN = {"shop_id", "category"};

  public static final StructType SCHEMA = schema();

  private static StructType schema() {
    StructType s = StructType.fromDDL("shop_id STRING, category STRING, period_type STRING, "
        + "period STRING");
    for (String c : COUNTS) {
      s = s.add(c, DataTypes.LongType);
    }
    for (String c : MONEY) {
      s = s.add(c, CanonicalSchema.MONEY);
    }
    s = s.add("payment_rate", DataTypes.DoubleType).add("silent_share", DataTypes.DoubleType)
        .add("sales_net", CanonicalSchema.MONEY).add("average_order_value", CanonicalSchema.MONEY);
    for (String c : List.of("refund_rate_units", "refund_rate_amount", "return_rate",
        "inquiry_conversion", "inquiry_order_rate", "order_payment_rate")) {
      s = s.add(c, DataTypes.DoubleType);
    }
    return s;
  }

  /** @param facts the collected {@link PeriodFacts#facts} */
  public static LocalTable build(Map<String, LocalTable> facts, List<Period> periods) {
    PeriodRows sums = new PeriodRows(periods, MONEY);
    sums.addByMask(facts.get("category_created"), GRAIN, Map.of("paid_amount", "paid_amount",
        "agent_paid_amount", "agent_paid_amount", "silent_paid_amount", "silent_paid_amount"));
    sums.addDistinct(facts.get("category_orders"), GRAIN, "orders", "orders", "paid_orders");
    sums.addByMask(facts.get("category_paid"), GRAIN, Map.of("sold_units", "sold_units",
        "sold_lines", "sold_lines", "sales_gross", "sales_gross"));
    sums.addDistinct(facts.get("category_buyers"), GRAIN, "buyers", "paying_buyers", null);
    if (facts.containsKey("category_refunds")) {
      sums.addByMask(facts.get("category_refunds"), GRAIN, Map.of("refund_count",
          "refund_count", "refund_amount", "refund_amount", "refunded_units", "refunded_units",
          "return_count", "return_count"));
    }
    if (facts.containsKey("category_inquiries")) {
      sums.addByMask(facts.get("category_inquiries"), GRAIN, Map.of("inquiry_buyers",
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
      BigDecimal refunds = m.money("refund_amount");
      v.add(ratio(m.count("paid_orders"), m.count("orders")));
      v.add(ratio(m.money("silent_paid_amount").doubleValue(),
          m.money("paid_amount").doubleValue()));
      v.add(sales.subtract(refunds));
      v.add(moneyPer(sales, m.count("paying_buyers")));
      v.add(ratio(m.count("refunded_units"), m.count("sold_units")));
      v.add(ratio(refunds.doubleValue(), sales.doubleValue()));
      v.add(ratio(m.count("return_count"), m.count("sold_lines")));
      v.add(ratio(m.count("inquiry_paid_buyers"), m.count("inquiry_buyers")));
      v.add(ratio(m.count("inquiry_ordered_buyers"), m.count("inquiry_buyers")));
      v.add(ratio(m.count("inquiry_paid_buyers"), m.count("inquiry_ordered_buyers")));
      return LocalTable.row(SCHEMA, v.toArray());
    }));
  }
}
