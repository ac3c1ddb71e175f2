package kefu.marts;

import static kefu.derive.Tables.chats;
import static kefu.derive.Tables.of;
import static kefu.derive.Tables.order;
import static kefu.derive.Tables.orders;
import static kefu.derive.Tables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.ArrayList;
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

class AgentMetricsTest {

  private static final DeriveRules RULES = DeriveRules.defaults();

  /** Agent metrics keyed "agent period". */
  private static Map<String, Row> metrics(Dataset<Row> chats, Dataset<Row> orders,
      Dataset<Row> refunds, Dataset<Row> ratings, String... periods) {
    Dataset<Row> receptions = Receptions.build(chats, RULES);
    Dataset<Row> inquiries = Inquiries.build(receptions, orders, RULES);
    Dataset<Row> attributed = OrderAttribution.attribute(orders, receptions, RULES);
    Dataset<Row> attributedRefunds = RefundAttribution.attribute(refunds, attributed);
    List<Period> list = new ArrayList<>();
    for (String p : periods) {
      list.add(Period.parse(p));
    }
    Map<String, Row> out = new HashMap<>();
    for (Row r : PeriodMarts.of(receptions, inquiries, attributed, attributedRefunds, ratings,
        orders, list).agentMetrics().rows()) {
      out.put(r.getAs("agent_id") + " " + r.getAs("period"), r);
    }
    return out;
  }

  private static void talk(List<String[]> rows, String buyer, String agent, String day) {
    rows.add(row("s1", buyer, null, "buyer", day + " 10:00:00"));
    rows.add(row("s1", buyer, agent, "agent", day + " 10:00:40"));
  }

  private static void assertMoney(String expected, Object actual) {
    assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual),
        "expected " + expected + " got " + actual);
  }

  @Test
  void aPeriodSumsDailyNumeratorsAndDenominatorsAndARefundCountsInTheMonthItCompleted() {
    List<String[]> chatRows = new ArrayList<>();
    // day 1: two inquiries, one pays (daily rate 1/2); day 2: four inquiries, one pays (1/4)
    talk(chatRows, "b1", "a1", "2025-10-01");
    talk(chatRows, "b2", "a1", "2025-10-01");
    for (String b : new String[] {"b3", "b4", "b5", "b6"}) {
      talk(chatRows, b, "a1", "2025-10-02");
    }
    Dataset<Row> orders = orders(
        row("o1", null, "s1", "b1", "i1", "shoes", "2", "100.00", "2025-10-01 11:00:00",
            "2025-10-01 11:05:00"),
        order("o2", "b3", "50.00", "2025-10-02 11:00:00", "2025-10-02 11:05:00"));
    Dataset<Row> refunds = of(Tables.REFUNDS,
        row("r1", "o1", null, "s1", "2025-11-03 09:00:00", "100.00", "true", "退款成功", "f",
            "1"));
    Dataset<Row> ratings = of(Tables.RATINGS,
        row("o1", "s1", "2025-10-05 08:00:00", "5", "4", "3"),
        row("o2", "s1", "2025-10-06 08:00:00", "3", "4", "5"));

    Map<String, Row> m = metrics(chats(chatRows.toArray(new String[0][])), orders, refunds,
        ratings, "2025-10", "2025-11", "2025Q4");

    Row october = m.get("a1 2025-10");
    assertEquals(6L, (long) october.getAs("inquiry_buyers"));
    assertEquals(2L, (long) october.getAs("inquiry_paid_buyers"));
    // 2/6, not the mean of the daily rates (1/2 + 1/4) / 2 = 0.375
    assertEquals(2.0 / 6, (double) october.getAs("inquiry_conversion"), 1e-12);
    assertEquals(1.0, (double) october.getAs("order_payment_rate"), 1e-12);
    assertMoney("150.00", october.getAs("sales_gross"));
    assertMoney("0.00", october.getAs("refund_amount"));
    assertMoney("75.00", october.getAs("average_order_value"));
    assertEquals(3L, (long) october.getAs("sold_units"));
    assertEquals(6L, (long) october.getAs("receptions"));
    assertEquals(1.0, (double) october.getAs("reply_rate"), 1e-12);
    assertEquals(40.0, (double) october.getAs("first_response_seconds_avg"), 1e-12);
    assertEquals(40.0, (double) october.getAs("response_seconds_avg"), 1e-12);
    assertEquals(4.0, (double) october.getAs("dsr_description_avg"), 1e-12);
    assertEquals(2L, (long) october.getAs("dsr_service_count"));
    assertEquals(0.0, (double) october.getAs("refund_rate_units"), 1e-12);

    // the refund of an October sale completed in November: counted for a1 in November
    Row november = m.get("a1 2025-11");
    assertMoney("100.00", november.getAs("refund_amount"));
    assertEquals(2L, (long) november.getAs("refunded_units"));
    assertEquals(1L, (long) november.getAs("return_count"));
    assertMoney("0.00", november.getAs("sales_gross"));
    assertMoney("-100.00", november.getAs("sales_net"));
    assertNull(november.getAs("refund_rate_units"), "no units sold in November");
    assertNull(november.getAs("inquiry_conversion"));

    Row quarter = m.get("a1 2025Q4");
    assertEquals("quarter", quarter.getAs("period_type"));
    assertEquals(2.0 / 6, (double) quarter.getAs("inquiry_conversion"), 1e-12);
    assertMoney("50.00", quarter.getAs("sales_net"));
    assertEquals(2.0 / 3, (double) quarter.getAs("refund_rate_units"), 1e-12);
    assertEquals(0.5, (double) quarter.getAs("return_rate"), 1e-12);
    assertEquals(100.0 / 150, (double) quarter.getAs("refund_rate_amount"), 1e-12);
  }

  /**
   * 询单→次日付款成功率 and 答问比 in the three marts, by hand. October 2025, shop s1:
   * <ul>
   *   <li>b1 (10-01) asks three times, a1 answers twice; orders on 10-01, pays 10-02 20:00 (the
   *       next day);
   *   <li>b2 (10-01) is answered by a1, then transferred to a2 after a second question; orders on
   *       10-02, pays 10-03 09:00 (paid, not the next day);
   *   <li>b3 (10-02) asks and nobody answers: a reception of nobody, no inquiry;
   *   <li>b4 (10-02) is answered by a2 and pays the same day.
   * </ul>
   * a1: inquiries b1, b2 = 2, paid the next day 1 (b1); buyer messages 3 + 1 = 4, own 2 + 1 = 3.
   * a2: inquiries b2, b4 = 2, next day 1 (b4); buyer messages 1 + 1 = 2, own 1 + 1 = 2.
   * Shop: buyer-days b1, b2, b4 = 3, next day 2; buyer messages 3 + 2 + 1 + 1 = 7 (b3's too),
   * agent messages 2 + 2 + 0 + 1 = 5.
   */
  @Test
  void nextDayPaymentRateAndAnswerRatioOfAgentsShopAndMainCategory() {
    Dataset<Row> chats = chats(
        row("s1", "b1", null, "buyer", "2025-10-01 10:00:00"),
        row("s1", "b1", "a1", "agent", "2025-10-01 10:01:00"),
        row("s1", "b1", null, "buyer", "2025-10-01 10:02:00"),
        row("s1", "b1", null, "buyer", "2025-10-01 10:03:00"),
        row("s1", "b1", "a1", "agent", "2025-10-01 10:04:00"),
        row("s1", "b2", null, "buyer", "2025-10-01 11:00:00"),
        row("s1", "b2", "a1", "agent", "2025-10-01 11:01:00"),
        row("s1", "b2", null, "buyer", "2025-10-01 11:02:00"),
        row("s1", "b2", "a2", "agent", "2025-10-01 11:03:00"),
        row("s1", "b3", null, "buyer", "2025-10-02 09:00:00"),
        row("s1", "b4", null, "buyer", "2025-10-02 12:00:00"),
        row("s1", "b4", "a2", "agent", "2025-10-02 12:00:30"));
    Dataset<Row> orders = orders(
        order("o1", "b1", "30.00", "2025-10-01 12:00:00", "2025-10-02 20:00:00"),
        order("o2", "b2", "40.00", "2025-10-02 10:00:00", "2025-10-03 09:00:00"),
        order("o4", "b4", "50.00", "2025-10-02 13:00:00", "2025-10-02 13:01:00"));
    Dataset<Row> receptions = Receptions.build(chats, RULES);
    PeriodMarts marts = PeriodMarts.of(receptions, Inquiries.build(receptions, orders, RULES),
        OrderAttribution.attribute(orders, receptions, RULES), null, null, orders,
        List.of(Period.parse("2025-10")));
    Map<String, Row> agents = new HashMap<>();
    marts.agentMetrics().rows().forEach(r -> agents.put(r.getAs("agent_id"), r));

    Row a1 = agents.get("a1");
    assertEquals(2L, (long) a1.getAs("inquiry_buyers"));
    assertEquals(2L, (long) a1.getAs("inquiry_paid_buyers"));
    assertEquals(1L, (long) a1.getAs("inquiry_paid_next_day_buyers"));
    assertEquals(0.5, (double) a1.getAs("inquiry_next_day_payment_rate"), 1e-12);
    assertEquals(1.0, (double) a1.getAs("inquiry_conversion"), 1e-12);
    assertEquals(4L, (long) a1.getAs("buyer_messages"));
    assertEquals(3L, (long) a1.getAs("agent_messages"));
    assertEquals(0.75, (double) a1.getAs("answer_ratio"), 1e-12);
    Row a2 = agents.get("a2");
    assertEquals(1L, (long) a2.getAs("inquiry_paid_next_day_buyers"));
    assertEquals(0.5, (double) a2.getAs("inquiry_next_day_payment_rate"), 1e-12);
    assertEquals(2L, (long) a2.getAs("buyer_messages"));
    assertEquals(2L, (long) a2.getAs("agent_messages"));
    assertEquals(1.0, (double) a2.getAs("answer_ratio"), 1e-12);

    Row shop = marts.shopMetrics().rows().get(0);
    assertEquals(3L, (long) shop.getAs("inquiry_buyers"));
    assertEquals(2L, (long) shop.getAs("inquiry_paid_next_day_buyers"));
    assertEquals(2.0 / 3, (double) shop.getAs("inquiry_next_day_payment_rate"), 1e-12);
    assertEquals(7L, (long) shop.getAs("buyer_messages"));
    assertEquals(5L, (long) shop.getAs("agent_messages"));
    assertEquals(5.0 / 7, (double) shop.getAs("answer_ratio"), 1e-12);

    // the shop's inquiries are in its main (only) category
    Row shoes = marts.categoryMetrics().rows().get(0);
    assertEquals("shoes", shoes.getAs("category"));
    assertEquals(2L, (long) shoes.getAs("inquiry_paid_next_day_buyers"));
    assertEquals(2.0 / 3, (double) shoes.getAs("inquiry_next_day_payment_rate"), 1e-12);
  }

  @Test
  void anAgentWhoOnlyWritesHasNoAnswerRatioAndNoInquiriesNoNextDayRate() {
    // a1 follows up a buyer who does not answer: agent messages without buyer messages
    Dataset<Row> chats = chats(row("s1", "b1", "a1", "agent", "2025-10-01 10:00:00"));
    Map<String, Row> m = metrics(chats, Tables.noOrders(), null, null, "2025-10");
    Row a1 = m.get("a1 2025-10");
    assertEquals(1L, (long) a1.getAs("agent_messages"));
    assertEquals(0L, (long) a1.getAs("buyer_messages"));
    assertNull(a1.getAs("answer_ratio"), "1 ÷ 0 buyer messages: no ratio, not 0 or infinity");
    assertNull(a1.getAs("inquiry_next_day_payment_rate"));
  }

  @Test
  void aTransferGivesBothAgentsReceptionCreditAndTheSaleToTheLastOne() {
    Dataset<Row> chats = chats(
        row("s1", "b1", null, "buyer", "2025-10-01 10:00:00"),
        row("s1", "b1", "a1", "agent", "2025-10-01 10:00:30"),
        row("s1", "b1", null, "buyer", "2025-10-01 10:02:00"),
        row("s1", "b1", "a2", "agent", "2025-10-01 10:03:00"));
    Dataset<Row> orders = orders(
        order("o1", "b1", "100.00", "2025-10-01 10:10:00", "2025-10-01 10:11:00"));
    Map<String, Row> m = metrics(chats, orders, null, null, "2025-10");
    assertEquals(1L, (long) m.get("a1 2025-10").getAs("receptions"));
    assertEquals(1L, (long) m.get("a2 2025-10").getAs("receptions"));
    assertEquals(30.0, (double) m.get("a1 2025-10").getAs("first_response_seconds_avg"), 1e-12);
    assertNull(m.get("a2 2025-10").getAs("first_response_seconds_avg"));
    assertEquals(60.0, (double) m.get("a2 2025-10").getAs("response_seconds_avg"), 1e-12);
    assertEquals(0L, (long) m.get("a1 2025-10").getAs("paid_orders"));
    assertEquals(1L, (long) m.get("a2 2025-10").getAs("paid_orders"));
    assertMoney("100.00", m.get("a2 2025-10").getAs("sales_gross"));
    // both agents received the inquiring buyer, who then paid
    assertEquals(1.0, (double) m.get("a1 2025-10").getAs("inquiry_conversion"), 1e-12);
    assertEquals(1.0, (double) m.get("a2 2025-10").getAs("inquiry_conversion"), 1e-12);
  }
}
