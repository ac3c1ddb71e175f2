package kefu.marts;

import static kefu.marts.PeriodRows.moneyPer;
import static kefu.marts.PeriodRows.ratio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kefu.canonical.CanonicalSchema;
import kefu.facts.PeriodFacts;
import kefu.spark.Ddl;
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
 * <p>Inquiries: chats carry no item, so which category a buyer asked about is not known, and
 * taking the category of the line an inquiry converted into would leave every inquiry that did
 * not convert without one (a category would then convert ~90%). So a shop's inquiries of a period
 * (distinct buyer-days, as in {@link ShopMetrics}: numerator inquiry_paid_buyers, denominator
 * inquiry_buyers) are all counted in the shop's main category of that period
 * ({@link MainCategory}: most of the amount paid on orders created in the period), and the
 * shop's other categories show null (no data), as does every category of a run without chats.
 * The main category's inquiry figures are thus the shop's, and summed over a shop's categories
 * they reconcile with shop_metrics.
 */
public final class CategoryMetrics {
  private CategoryMetrics() {}

  public static final String UNKNOWN = PeriodFacts.UNKNOWN;

  public static final String[] COUNTS = {
      "orders", "paid_orders", "sold_units", "sold_lines", "paying_buyers",
      "refund_count", "refunded_units", "return_count",
      "inquiry_buyers", "inquiry_ordered_buyers", "inquiry_paid_buyers",
      "inquiry_paid_next_day_buyers"};
  /** The inquiry funnel, counted per shop and put in its main category (in this order). */
  public static final List<String> INQUIRY_COUNTS = List.of("inquiry_buyers", "inquiry_ordered_buyers",
      "inquiry_paid_buyers", "inquiry_paid_next_day_buyers");
  public static final String[] MONEY = {
      "paid_amount", "agent_paid_amount", "silent_paid_amount", "sales_gross", "refund_amount"};

  private static final String[] GRAIN = {"shop_id", "category"};

  public static final StructType SCHEMA = schema();

  private static StructType schema() {
    StructType s = Ddl.schema("shop_id STRING, category STRING, period_type STRING, "
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
        "inquiry_conversion", "inquiry_order_rate", "order_payment_rate",
        "inquiry_next_day_payment_rate")) {
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
    MainCategory main = new MainCategory();
    sums.forEach((key, m) -> main.offer(key.get(0), key.get(1), key.get(2), key.get(3),
        m.money("paid_amount"), m.count("orders")));
    PeriodRows shopInquiries = null;
    if (facts.containsKey("shop_inquiries")) {
      shopInquiries = new PeriodRows(periods).addByMask(facts.get("shop_inquiries"),
          new String[] {"shop_id"}, Map.of("inquiry_buyers", "inquiry_buyers",
              "inquiry_ordered_buyers", "inquiry_ordered_buyers", "inquiry_paid_buyers",
              "inquiry_paid_buyers", "inquiry_paid_next_day_buyers",
              "inquiry_paid_next_day_buyers"));
    }
    Map<List<String>, long[]> inquiries = shopInquiries(shopInquiries);
    return new LocalTable(SCHEMA, sums.rows((key, m) -> {
      List<Object> v = new ArrayList<>(key);
      // null (no data) unless the run has chats and this is the shop's main category
      long[] asked = inquiries == null || !main.isMain(key.get(0), key.get(1), key.get(2),
          key.get(3)) ? null
          : inquiries.getOrDefault(List.of(key.get(0), key.get(2), key.get(3)),
              new long[INQUIRY_COUNTS.size()]);
      for (String c : COUNTS) {
        int inquiry = INQUIRY_COUNTS.indexOf(c);
        if (inquiry < 0) {
          v.add(m.count(c));
        } else {
          v.add(asked == null ? null : (Long) asked[inquiry]);
        }
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
      v.add(asked == null ? null : ratio(asked[2], asked[0]));
      v.add(asked == null ? null : ratio(asked[1], asked[0]));
      v.add(asked == null ? null : ratio(asked[2], asked[1]));
      v.add(asked == null ? null : ratio(asked[3], asked[0]));
      return LocalTable.row(SCHEMA, v.toArray());
    }));
  }

  /** The shops' inquiry counts by (shop_id, period_type, period); null without chats. */
  private static Map<List<String>, long[]> shopInquiries(PeriodRows shopInquiries) {
    if (shopInquiries == null) {
      return null;
    }
    Map<List<String>, long[]> out = new java.util.HashMap<>();
    shopInquiries.forEach((key, m) -> {
      long[] counts = new long[INQUIRY_COUNTS.size()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = m.count(INQUIRY_COUNTS.get(i));
      }
      out.put(key, counts);
    });
    return out;
  }
}
