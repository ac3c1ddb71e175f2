package kefu.derive;

import static kefu.derive.Tables.chats;
import static kefu.derive.Tables.order;
import static kefu.derive.Tables.orders;
import static kefu.derive.Tables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class InquiriesTest {

  private static Map<String, Row> byBuyer(Dataset<Row> inquiries) {
    Map<String, Row> m = new HashMap<>();
    for (Row r : inquiries.collectAsList()) {
      m.put(r.getAs("buyer_key"), r);
    }
    return m;
  }

  @Test
  void aBuyerWhoOrderedInThePreviousSevenDaysIsAfterSalesNotAnInquiry() {
    Dataset<Row> chats = chats(
        row("s1", "b1", null, "buyer", "2025-10-05 10:00:00"),
        row("s1", "b1", "a1", "agent", "2025-10-05 10:01:00"),
        row("s1", "b2", null, "buyer", "2025-10-05 10:00:00"),
        row("s1", "b2", "a1", "agent", "2025-10-05 10:01:00"));
    Dataset<Row> orders = orders(
        order("o1", "b1", "10.00", "2025-09-28 10:30:00", "2025-09-28 10:31:00"),
        // 7 days and 30 minutes before: outside the lookback
        order("o2", "b2", "10.00", "2025-09-28 09:30:00", "2025-09-28 09:31:00"));
    DeriveRules rules = DeriveRules.defaults();
    Map<String, Row> out = byBuyer(Inquiries.build(Receptions.build(chats, rules), orders, rules));
    assertEquals(1, out.size());
    assertTrue(out.containsKey("b2"));
    assertEquals("a1", out.get("b2").getAs("agent_id"));
    assertEquals("2025-10-05", out.get("b2").getAs("inquiry_date").toString());
  }

  @Test
  void theFunnelOfTheHandMadeCasesIsTheOneWorkedOutByHand() {
    DeriveRules rules = DeriveRules.defaults();
    Dataset<Row> orders = FunnelCases.orders();
    Dataset<Row> receptions = Receptions.build(FunnelCases.chats(), rules);
    Dataset<Row> agentDaily = kefu.marts.AgentDaily.build(receptions,
        Inquiries.build(receptions, orders, rules),
        OrderAttribution.attribute(orders, receptions, rules), null, null, orders);
    assertEquals(FunnelCases.EXPECTED, AgentDailyFunnel.of(agentDaily.collectAsList()));
  }

  @Test
  void onlyBuyerStartedReceptionsAreInquiriesAndEveryAgentWhoRepliedGetsOne() {
    DeriveRules rules = DeriveRules.defaults();
    Dataset<Row> inquiries = Inquiries.build(Receptions.build(FunnelCases.chats(), rules),
        FunnelCases.orders(), rules);
    List<String> keys = inquiries.orderBy("agent_id", "buyer_key").collectAsList().stream()
        .map(r -> r.getAs("agent_id") + " " + r.getAs("buyer_key") + " " + r.getAs("inquiry_date"))
        .toList();
    // b2's and b3's receptions of 10-02 were started by the agent; b4 is after-sales; b6's a2
    // greeted after a1 without a word of the buyer in between
    assertEquals(List.of("a1 b1 2025-10-01", "a1 b3 2025-10-01", "a1 b5 2025-10-01",
        "a1 b6 2025-10-01", "a1 b7 2025-10-01", "a1 b8 2025-10-01", "a1 b9 2025-10-01",
        "a2 b5 2025-10-01", "a2 b6 2025-10-01"), keys);
  }

  @Test
  void conversionCountsOrdersOnTheInquiryDayAndTheNextButNotTheDayAfter() {
    String[][] talks = new String[8][];
    String[] buyers = {"b1", "b2", "b3", "b4"};
    for (int i = 0; i < buyers.length; i++) {
      talks[2 * i] = row("s1", buyers[i], null, "buyer", "2025-10-01 10:00:00");
      talks[2 * i + 1] = row("s1", buyers[i], "a1", "agent", "2025-10-01 10:01:00");
    }
    Dataset<Row> orders = orders(
        order("o1", "b1", "100.00", "2025-10-02 23:00:00", "2025-10-03 08:00:00"),
        order("o2", "b2", "100.00", "2025-10-03 00:10:00", "2025-10-03 00:11:00"),
        order("o3", "b3", "70.00", "2025-10-01 18:00:00", null),
        order("o4", "b4", "20.00", "2025-10-01 12:00:00", "2025-10-01 12:01:00"),
        order("o5", "b4", "30.00", "2025-10-02 12:00:00", "2025-10-02 12:01:00"));
    DeriveRules rules = DeriveRules.defaults();
    Map<String, Row> out = byBuyer(
        Inquiries.build(Receptions.build(chats(talks), rules), orders, rules));
    assertEquals(4, out.size());
    assertTrue((boolean) out.get("b1").getAs("ordered"));
    assertTrue((boolean) out.get("b1").getAs("paid"));
    assertEquals("shoes", out.get("b1").getAs("category"));
    assertFalse((boolean) out.get("b2").getAs("ordered"));
    assertFalse((boolean) out.get("b2").getAs("paid"));
    assertNull(out.get("b2").getAs("category"));
    assertTrue((boolean) out.get("b3").getAs("ordered"));
    assertFalse((boolean) out.get("b3").getAs("paid"));
    assertEquals(0, new BigDecimal("50.00").compareTo(out.get("b4").getAs("paid_amount")));
    // 询单→次日付款: b1's order of d+1 was paid on d+2 (paid, not the next day); b4 paid on d and
    // d+1; b2 and b3 paid nothing that converts
    assertFalse((boolean) out.get("b1").getAs("paid_next_day"));
    assertTrue((boolean) out.get("b4").getAs("paid_next_day"));
    assertFalse((boolean) out.get("b2").getAs("paid_next_day"));
    assertFalse((boolean) out.get("b3").getAs("paid_next_day"));
  }
}
