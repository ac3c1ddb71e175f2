package kefu.derive;

import static kefu.derive.Tables.chats;
import static kefu.derive.Tables.order;
import static kefu.derive.Tables.orders;
import static kefu.derive.Tables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class OrderAttributionTest {

  /** One short conversation: the buyer asks, the agent answers a minute later. */
  private static String[][] talk(String buyer, String agent, String at, String answeredAt) {
    return new String[][] {
        row("s1", buyer, null, "buyer", at), row("s1", buyer, agent, "agent", answeredAt)};
  }

  private static Dataset<Row> chatsOf(String[][]... talks) {
    return chats(java.util.Arrays.stream(talks).flatMap(java.util.Arrays::stream)
        .toArray(String[][]::new));
  }

  private static Map<String, Row> byLine(Dataset<Row> attributed) {
    Map<String, Row> m = new HashMap<>();
    for (Row r : attributed.collectAsList()) {
      String line = r.getAs("line_id");
      m.put(r.getAs("order_id") + (line == null ? "" : "/" + line), r);
    }
    return m;
  }

  @Test
  void anOrderJustAfterMidnightIsCreditedToThePreviousDaysReceptionButNotTwoDaysBack() {
    Dataset<Row> chats = chatsOf(
        talk("b1", "a1", "2025-10-01 23:50:00", "2025-10-01 23:51:00"),
        talk("b2", "a1", "2025-09-30 23:50:00", "2025-09-30 23:51:00"));
    Dataset<Row> orders = orders(
        order("o1", "b1", "100.00", "2025-10-02 00:05:00", "2025-10-02 00:06:00"),
        order("o2", "b2", "100.00", "2025-10-02 00:05:00", "2025-10-02 00:06:00"));
    DeriveRules rules = DeriveRules.defaults();
    Map<String, Row> out = byLine(
        OrderAttribution.attribute(orders, Receptions.build(chats, rules), rules));
    assertEquals("a1", out.get("o1").getAs("order_agent_id"));
    assertEquals("a1", out.get("o1").getAs("credited_agent_id"));
    assertFalse((boolean) out.get("o1").getAs("is_silent"));
    assertEquals("2025-10-02", out.get("o1").getAs("created_date").toString());
    assertNull(out.get("o2").getAs("credited_agent_id"));
    assertTrue((boolean) out.get("o2").getAs("is_silent"));
  }

  @Test
  void withTwoAgentsTheLastOneBeforeTheOrderWinsAndAllLinesGetTheSameAgent() {
    Dataset<Row> chats = chatsOf(
        talk("b1", "a1", "2025-10-01 09:00:00", "2025-10-01 09:01:00"),
        talk("b1", "a2", "2025-10-01 14:00:00", "2025-10-01 14:01:00"),
        // after the order: must not count
        talk("b1", "a3", "2025-10-01 18:00:00", "2025-10-01 18:01:00"));
    Dataset<Row> orders = orders(
        row("o1", "l1", "s1", "b1", "i1", "shoes", "1", "60.00", "2025-10-01 15:00:00",
            "2025-10-01 15:01:00"),
        row("o1", "l2", "s1", "b1", "i2", "bags", "2", "40.00", "2025-10-01 15:00:00",
            "2025-10-01 15:01:00"));
    DeriveRules rules = DeriveRules.defaults();
    Map<String, Row> out = byLine(
        OrderAttribution.attribute(orders, Receptions.build(chats, rules), rules));
    assertEquals("a2", out.get("o1/l1").getAs("credited_agent_id"));
    assertEquals("a2", out.get("o1/l2").getAs("credited_agent_id"));
    assertEquals("bags", out.get("o1/l2").getAs("category"));
  }

  @Test
  void aTransferredReceptionCreditsTheOrderToTheAgentWhoTookOver() {
    Dataset<Row> chats = chats(
        row("s1", "b1", null, "buyer", "2025-10-01 10:00:00"),
        row("s1", "b1", "a1", "agent", "2025-10-01 10:00:30"),
        row("s1", "b1", null, "buyer", "2025-10-01 10:02:00"),
        row("s1", "b1", "a2", "agent", "2025-10-01 10:03:00"));
    Dataset<Row> orders = orders(
        order("o1", "b1", "100.00", "2025-10-01 10:10:00", "2025-10-01 10:11:00"));
    DeriveRules rules = DeriveRules.defaults();
    Row o1 = OrderAttribution.attribute(orders, Receptions.build(chats, rules), rules).first();
    assertEquals("a2", o1.getAs("credited_agent_id"));
  }

  @Test
  void twoAgentsReplyingInTheSameSecondCreditTheGreaterAgentIdInSparksStringOrder() {
    Dataset<Row> chats = chats(
        row("s1", "b1", null, "buyer", "2025-10-01 10:00:00"),
        row("s1", "b1", "a1", "agent", "2025-10-01 10:00:30"),
        row("s1", "b1", "a2", "agent", "2025-10-01 10:00:30"),
        // UTF-8 puts the emoji after U+FF01; Java's UTF-16 compareTo puts it before
        row("s1", "b2", null, "buyer", "2025-10-01 10:00:00"),
        row("s1", "b2", "客服\uFF01", "agent", "2025-10-01 10:00:30"),
        row("s1", "b2", "客服\uD83D\uDE00", "agent", "2025-10-01 10:00:30"));
    Dataset<Row> orders = orders(
        order("o1", "b1", "100.00", "2025-10-01 10:10:00", "2025-10-01 10:11:00"),
        order("o2", "b2", "100.00", "2025-10-01 10:10:00", "2025-10-01 10:11:00"));
    DeriveRules rules = DeriveRules.defaults();
    Map<String, Row> out = byLine(
        OrderAttribution.attribute(orders, Receptions.build(chats, rules), rules));
    assertEquals("a2", out.get("o1").getAs("credited_agent_id"));
    assertEquals("客服\uD83D\uDE00", out.get("o2").getAs("credited_agent_id"));
  }

  @Test
  void aReceptionAtTheInstantOfPaymentCountsAndOneAMicrosecondLaterDoesNot() {
    Dataset<Row> chats = chats(
        row("s1", "b1", null, "buyer", "2025-10-01 09:00:00"),
        row("s1", "b1", "a1", "agent", "2025-10-01 09:00:10"),
        row("s1", "b1", null, "buyer", "2025-10-01 11:00:00"),
        row("s1", "b1", "a2", "agent", "2025-10-01 11:00:00.000001"),
        row("s1", "b2", null, "buyer", "2025-10-01 09:00:00"),
        row("s1", "b2", "a1", "agent", "2025-10-01 09:00:10"),
        row("s1", "b2", null, "buyer", "2025-10-01 11:00:00"),
        row("s1", "b2", "a2", "agent", "2025-10-01 11:00:00"));
    Dataset<Row> orders = orders(
        order("o1", "b1", "100.00", "2025-10-01 10:00:00", "2025-10-01 11:00:00"),
        order("o2", "b2", "100.00", "2025-10-01 10:00:00", "2025-10-01 11:00:00"));
    DeriveRules rules = DeriveRules.defaults();
    Map<String, Row> out = byLine(
        OrderAttribution.attribute(orders, Receptions.build(chats, rules), rules));
    assertEquals("a1", out.get("o1").getAs("payment_agent_id"));
    assertEquals("a2", out.get("o2").getAs("payment_agent_id"));
  }

  @Test
  void anOrderWithoutAnyReceptionIsSilent() {
    Dataset<Row> chats = chatsOf(talk("b9", "a1", "2025-10-01 09:00:00", "2025-10-01 09:01:00"));
    Dataset<Row> orders = orders(
        order("o1", "b1", "100.00", "2025-10-01 10:10:00", "2025-10-01 10:11:00"),
        order("o2", "b1", "50.00", "2025-10-01 10:10:00", null));
    DeriveRules rules = DeriveRules.defaults();
    Map<String, Row> out = byLine(
        OrderAttribution.attribute(orders, Receptions.build(chats, rules), rules));
    assertNull(out.get("o1").getAs("credited_agent_id"));
    assertTrue((boolean) out.get("o1").getAs("is_silent"));
    assertTrue((boolean) out.get("o2").getAs("is_silent"));
  }

  @Test
  void aPaymentTwoDaysLaterGoesToThePaymentAgentUnlessTheJudgmentIsByOrder() {
    Dataset<Row> chats = chatsOf(
        talk("b1", "a1", "2025-10-01 10:00:00", "2025-10-01 10:01:00"),
        talk("b1", "a2", "2025-10-03 09:00:00", "2025-10-03 09:01:00"),
        talk("b2", "a1", "2025-10-01 10:00:00", "2025-10-01 10:01:00"));
    Dataset<Row> orders = orders(
        order("o1", "b1", "100.00", "2025-10-01 11:00:00", "2025-10-03 10:00:00"),
        // paid two days later with nobody around the payment
        order("o2", "b2", "80.00", "2025-10-01 11:00:00", "2025-10-03 10:00:00"),
        // never paid
        order("o3", "b2", "30.00", "2025-10-01 11:00:00", null));
    DeriveRules payment = DeriveRules.defaults();
    Dataset<Row> receptions = Receptions.build(chats, payment);
    Map<String, Row> byPayment = byLine(OrderAttribution.attribute(orders, receptions, payment));
    assertEquals("a1", byPayment.get("o1").getAs("order_agent_id"));
    assertEquals("a2", byPayment.get("o1").getAs("payment_agent_id"));
    assertEquals("a2", byPayment.get("o1").getAs("credited_agent_id"));
    assertEquals("2025-10-03", byPayment.get("o1").getAs("paid_date").toString());
    assertEquals("a1", byPayment.get("o2").getAs("order_agent_id"));
    assertNull(byPayment.get("o2").getAs("credited_agent_id"));
    assertTrue((boolean) byPayment.get("o2").getAs("is_silent"));
    assertNull(byPayment.get("o3").getAs("credited_agent_id"));
    assertFalse((boolean) byPayment.get("o3").getAs("is_silent"));

    DeriveRules order = payment.withJudgment(Judgment.ORDER);
    Map<String, Row> byOrder = byLine(OrderAttribution.attribute(orders, receptions, order));
    assertEquals("a1", byOrder.get("o1").getAs("credited_agent_id"));
    assertEquals("a1", byOrder.get("o2").getAs("credited_agent_id"));
    assertEquals("a1", byOrder.get("o3").getAs("credited_agent_id"));
    assertFalse((boolean) byOrder.get("o2").getAs("is_silent"));
  }

  @Test
  void oneJoinAttributesUnderEveryWindowAsEachWindowAloneWould() {
    Dataset<Row> chats = chatsOf(
        talk("b1", "a3", "2025-09-28 10:00:00", "2025-09-28 10:01:00"),
        talk("b1", "a1", "2025-09-30 10:00:00", "2025-09-30 10:01:00"),
        talk("b2", "a3", "2025-09-28 10:00:00", "2025-09-28 10:01:00"),
        talk("b3", "a0", "2025-10-01 08:00:00", "2025-10-01 08:01:00"));
    Dataset<Row> orders = orders(
        order("o1", "b1", "100.00", "2025-10-01 11:00:00", "2025-10-01 11:05:00"),
        order("o2", "b2", "80.00", "2025-10-01 11:00:00", null),
        order("o3", "b3", "30.00", "2025-10-01 11:00:00", "2025-10-01 11:05:00"));
    DeriveRules defaults = DeriveRules.defaults();
    Dataset<Row> receptions = Receptions.build(chats, defaults);
    Dataset<Row> windowed = OrderAttribution.withWindowAgents(orders, receptions, 3, 0, 1);

    // o1: a1 the day before, a3 three days before; o2: a3 three days before; o3: a0 that day
    Map<Integer, String[]> orderAgents = Map.of(
        0, new String[] {null, null, "a0"},
        1, new String[] {"a1", null, "a0"},
        3, new String[] {"a1", "a3", "a0"});
    for (int w : List.of(0, 1, 3)) {
      for (Judgment j : Judgment.values()) {
        DeriveRules rules = new DeriveRules(30, false, 7, w, j);
        Dataset<Row> oneJoin = OrderAttribution.credit(windowed, rules);
        Dataset<Row> alone = OrderAttribution.attribute(orders, receptions, rules);
        assertEquals(List.of(alone.columns()), List.of(oneJoin.columns()));
        assertEquals(0, oneJoin.exceptAll(alone).count() + alone.exceptAll(oneJoin).count(),
            "window " + w + ", " + j);
        Map<String, Row> out = byLine(oneJoin);
        for (int i = 0; i < 3; i++) {
          String expected = orderAgents.get(w)[i];
          String id = "o" + (i + 1);
          assertEquals(expected, out.get(id).getAs("order_agent_id"), id + " window " + w);
          assertEquals(expected == null, (boolean) out.get(id).getAs("is_silent"),
              id + " window " + w);
        }
      }
    }
  }
}
