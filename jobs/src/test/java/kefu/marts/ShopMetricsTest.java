package kefu.marts;

import static kefu.derive.Tables.chats;
import static kefu.derive.Tables.of;
import static kefu.derive.Tables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kefu.derive.DeriveRules;
import kefu.derive.Inquiries;
import kefu.derive.OrderAttribution;
import kefu.derive.Receptions;
import kefu.derive.RefundAttribution;
import kefu.derive.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ShopMetricsTest {

  private static final DeriveRules RULES = DeriveRules.defaults();

  private static void assertMoney(String expected, Object actual) {
    assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual),
        "expected " + expected + " got " + actual);
  }

  @Test
  void anOrderExportWithoutChatsOrRefundsReproducesTheExportTotalsForAPeriodHoldingAllOrders() {
    // like the real Tmall export: order grain, refund_amount column, no buyer, no chats
    Dataset<Row> orders = of(Tables.ORDERS + ", refund_amount DECIMAL(14,2)",
        row("1", null, "tmall", null, null, null, null, "178.80", "2020-02-21 00:00:00", null,
            "0"),
        row("2", null, "tmall", null, null, null, null, "21.00", "2020-02-20 23:59:00",
            "2020-02-21 00:00:10", "0"),
        row("3", null, "tmall", null, null, null, null, "37.00", "2020-02-29 23:50:00",
            "2020-03-01 00:01:00", "37.00"),
        row("4", null, "tmall", null, null, null, null, "99.90", "2020-02-01 08:00:00",
            "2020-02-01 08:00:30", "10.00"));
    Dataset<Row> receptions = Receptions.build(chats(), RULES);
    Dataset<Row> attributed = OrderAttribution.attribute(orders, receptions, RULES);
    Dataset<Row> refunds = RefundAttribution.attribute(null, attributed);
    Dataset<Row> inquiries = Inquiries.build(receptions, orders, RULES);
    Map<String, Row> m = new HashMap<>();
    for (Row r : PeriodMarts.of(receptions, inquiries, attributed, refunds, null, orders,
        List.of(Period.parse("2020-02"), Period.parse("2020Q1"))).shopMetrics().rows()) {
      m.put(r.getAs("period"), r);
    }
    Row feb = m.get("2020-02");
    assertEquals(4L, (long) feb.getAs("orders_created"));
    assertEquals(3L, (long) feb.getAs("orders_paid"));
    // sum of amount paid of all orders (the unpaid one has amount 0 in real exports; here the
    // paid ones): 21.00 + 37.00 + 99.90
    assertMoney("157.90", feb.getAs("paid_amount"));
    assertMoney("47.00", feb.getAs("refunded_amount"));
    assertMoney("157.90", feb.getAs("silent_paid_amount"));
    assertMoney("0.00", feb.getAs("agent_paid_amount"));
    assertEquals(0.75, (double) feb.getAs("payment_rate"), 1e-12);
    assertEquals(1.0, (double) feb.getAs("silent_share"), 1e-12);
    assertEquals(0L, (long) feb.getAs("receptions"));
    assertNull(feb.getAs("reply_rate"));
    // by paid date, the order paid on 1 March is a March sale
    assertMoney("120.90", feb.getAs("sales_gross"));
    assertMoney("157.90", m.get("2020Q1").getAs("sales_gross"));
    // no ratings read: no DSR, which is not a DSR of 0
    assertNull(feb.getAs("dsr_rated_orders"));
    assertNull(feb.getAs("dsr_service_avg"));
    assertNull(feb.getAs("dsr_rolling_days"));
    assertNull(feb.getAs("dsr_rolling_rated_orders"));
  }

  @Test
  void shopDsrCountsEveryRatingOfThePeriodAndTheRollingWindowEndingWithIt() {
    Dataset<Row> orders = Tables.orders(
        row("o1", null, "s1", "b1", "i1", "apparel", "1", "50.00", "2025-10-05 12:00:00",
            "2025-10-05 12:01:00"),
        row("o2", null, "s1", "b2", "i1", "apparel", "1", "50.00", "2025-10-28 12:00:00",
            "2025-10-28 12:01:00"),
        row("o7", null, "s1", "b3", "i1", "apparel", "1", "50.00", "2025-10-11 12:00:00",
            "2025-10-12 12:00:00"));
    // description, service, logistics; o8 and o9 are not in the orders table, o7 has no
    // rating time (dated by its payment, 12 Oct), r2 gave no logistics score
    Dataset<Row> ratings = of(Tables.RATINGS,
        row("o1", "s1", "2025-10-10 12:00:00", "5", "4", "3"),
        row("o2", "s1", "2025-11-02 12:00:00", "4", "2", null),
        row("o9", "s1", "2025-10-20 12:00:00", "3", "3", "3"),
        row("o8", "s1", "2025-06-15 12:00:00", "1", "1", "1"),
        row("o7", "s1", null, "2", "5", "4"),
        row("o6", "s2", "2025-10-03 12:00:00", "5", "5", "5"));
    Dataset<Row> receptions = Receptions.build(chats(), RULES);
    Dataset<Row> attributed = OrderAttribution.attribute(orders, receptions, RULES);
    Map<String, Row> m = new HashMap<>();
    for (Row r : PeriodMarts.of(receptions, Inquiries.build(receptions, orders, RULES),
        attributed, null, ratings, orders,
        List.of(Period.parse("2025-10"), Period.parse("2025Q4"))).shopMetrics().rows()) {
      m.put(r.getAs("shop_id") + " " + r.getAs("period"), r);
    }
    Row oct = m.get("s1 2025-10");
    // October: o1 (5,4,3), o9 (3,3,3), o7 (2,5,4)
    assertEquals(3L, (long) oct.getAs("dsr_rated_orders"));
    assertEquals(10L, (long) oct.getAs("dsr_description_sum"));
    assertEquals(3L, (long) oct.getAs("dsr_description_count"));
    assertEquals(10.0 / 3, (double) oct.getAs("dsr_description_avg"), 1e-12);
    assertEquals(4.0, (double) oct.getAs("dsr_service_avg"), 1e-12);
    assertEquals(10.0 / 3, (double) oct.getAs("dsr_logistics_avg"), 1e-12);
    // the 180 days ending 31 Oct start on 5 May: o8 (1,1,1) of 15 June too
    assertEquals(180, (int) oct.getAs("dsr_rolling_days"));
    assertEquals(4L, (long) oct.getAs("dsr_rolling_rated_orders"));
    assertEquals(11.0 / 4, (double) oct.getAs("dsr_rolling_description_avg"), 1e-12);
    assertEquals(13.0 / 4, (double) oct.getAs("dsr_rolling_service_avg"), 1e-12);
    assertEquals(11.0 / 4, (double) oct.getAs("dsr_rolling_logistics_avg"), 1e-12);
    Row q4 = m.get("s1 2025Q4");
    // the quarter adds o2 (4,2,-); its window starts on 5 July, after o8
    assertEquals(4L, (long) q4.getAs("dsr_rated_orders"));
    assertEquals(3.5, (double) q4.getAs("dsr_description_avg"), 1e-12);
    assertEquals(3.5, (double) q4.getAs("dsr_service_avg"), 1e-12);
    assertEquals(3L, (long) q4.getAs("dsr_logistics_count"));
    assertEquals(10.0 / 3, (double) q4.getAs("dsr_logistics_avg"), 1e-12);
    assertEquals(4L, (long) q4.getAs("dsr_rolling_rated_orders"));
    assertEquals(3.5, (double) q4.getAs("dsr_rolling_description_avg"), 1e-12);
    // a shop with ratings and no orders still has its DSR
    assertEquals(1L, (long) m.get("s2 2025-10").getAs("dsr_rated_orders"));
    assertEquals(5.0, (double) m.get("s2 2025-10").getAs("dsr_service_avg"), 1e-12);
  }
}
