package kefu.derive;

import static kefu.derive.Tables.chats;
import static kefu.derive.Tables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ReceptionsTest {

  private static List<Row> rows(Dataset<Row> chats, DeriveRules rules) {
    return Receptions.build(chats, rules).orderBy("started_at", "agent_started_at").collectAsList();
  }

  @Test
  void silenceOfMoreThanThirtyMinutesStartsANewReceptionEvenWhenInputIsOutOfOrder() {
    Dataset<Row> chats = chats(
        row("s1", "b1", "a1", "agent", "2025-10-01 10:41:00"),
        row("s1", "b1", null, "buyer", "2025-10-01 10:00:00"),
        row("s1", "b1", "a1", "agent", "2025-10-01 10:01:00"),
        // 10:01 -> 10:31 is exactly 30 minutes: same reception
        row("s1", "b1", null, "buyer", "2025-10-01 10:31:00"),
        row("s1", "b1", "a1", "agent", "2025-10-01 10:32:00"),
        // 10:32 -> 11:03 is 31 minutes: a new reception
        row("s1", "b1", null, "buyer", "2025-10-01 11:13:00"),
        row("s1", "b1", "a1", "agent", "2025-10-01 11:14:00"));
    List<Row> r = rows(chats, DeriveRules.defaults());
    assertEquals(2, r.size());
    assertEquals(2L, (long) r.get(0).getAs("buyer_messages"));
    assertEquals(3L, (long) r.get(0).getAs("agent_messages"));
    assertEquals(1L, (long) r.get(1).getAs("buyer_messages"));
    assertEquals("s1|b1|" + 1759284000L, r.get(0).getAs("reception_id"));
    assertEquals(java.sql.Date.valueOf("2025-10-01").toString(),
        r.get(0).getAs("reception_date").toString());
  }

  @Test
  void replyRateFirstAndAverageResponseTimeComeFromBuyerMessagesAndTheNextReply() {
    Dataset<Row> chats = chats(
        row("s1", "b1", null, "buyer", "2025-10-01 10:00:00"),
        row("s1", "b1", null, "buyer", "2025-10-01 10:00:20"),
        row("s1", "b1", "a1", "agent", "2025-10-01 10:00:50"),
        row("s1", "b1", null, "buyer", "2025-10-01 10:05:00"),
        row("s1", "b1", "a1", "agent", "2025-10-01 10:05:10"),
        row("s1", "b1", null, "buyer", "2025-10-01 10:06:00"),
        // another buyer nobody answered
        row("s1", "b2", null, "buyer", "2025-10-01 12:00:00"));
    List<Row> r = rows(chats, DeriveRules.defaults());
    assertEquals(2, r.size());
    Row a1 = r.get(0);
    assertEquals("a1", a1.getAs("agent_id"));
    assertEquals(4L, (long) a1.getAs("buyer_messages"));
    // waits: 50 s, 30 s, 10 s; the trailing 10:06 message got no reply
    assertEquals(3L, (long) a1.getAs("answered_buyer_messages"));
    assertEquals(90L, (long) a1.getAs("response_seconds_sum"));
    assertEquals(50L, (long) a1.getAs("first_response_seconds"));
    assertTrue((boolean) a1.getAs("is_replied"));
    Row unanswered = r.get(1);
    assertNull(unanswered.getAs("agent_id"));
    assertFalse((boolean) unanswered.getAs("is_replied"));
    assertNull(unanswered.getAs("first_response_seconds"));
  }

  @Test
  void aBotReplyIsIgnoredByDefaultAndCountsWhenSwitchedOn() {
    Dataset<Row> chats = chats(
        row("s1", "b1", null, "buyer", "2025-10-01 10:00:00"),
        row("s1", "b1", null, "bot", "2025-10-01 10:00:01"),
        row("s1", "b1", "a1", "agent", "2025-10-01 10:02:00"));
    List<Row> byDefault = rows(chats, DeriveRules.defaults());
    assertEquals(1, byDefault.size());
    assertEquals("a1", byDefault.get(0).getAs("agent_id"));
    assertEquals(120L, (long) byDefault.get(0).getAs("first_response_seconds"));
    assertEquals(1L, (long) byDefault.get(0).getAs("agent_messages"));

    List<Row> botCounts = rows(chats, DeriveRules.defaults().withBotRepliesCount(true));
    assertEquals(2, botCounts.size());
    assertEquals(Receptions.BOT_AGENT, botCounts.get(0).getAs("agent_id"));
    assertEquals(1L, (long) botCounts.get(0).getAs("first_response_seconds"));
    assertEquals("a1", botCounts.get(1).getAs("agent_id"));
    assertNull(botCounts.get(1).getAs("first_response_seconds"));
    assertFalse((boolean) botCounts.get(1).getAs("is_replied"));
  }

  @Test
  void aTransferGivesEachAgentTheirPartOfTheReception() {
    Dataset<Row> chats = chats(
        row("s1", "b1", null, "buyer", "2025-10-01 10:00:00"),
        row("s1", "b1", "a1", "agent", "2025-10-01 10:00:30"),
        row("s1", "b1", null, "buyer", "2025-10-01 10:02:00"),
        row("s1", "b1", "a2", "agent", "2025-10-01 10:03:00"),
        row("s1", "b1", "a2", "agent", "2025-10-01 10:03:30"));
    List<Row> r = rows(chats, DeriveRules.defaults());
    assertEquals(2, r.size());
    assertEquals((String) r.get(0).getAs("reception_id"), (String) r.get(1).getAs("reception_id"));
    assertEquals("a1", r.get(0).getAs("agent_id"));
    assertEquals(1L, (long) r.get(0).getAs("buyer_messages"));
    assertEquals(30L, (long) r.get(0).getAs("first_response_seconds"));
    assertEquals("a2", r.get(1).getAs("agent_id"));
    assertEquals(1L, (long) r.get(1).getAs("buyer_messages"));
    assertEquals(60L, (long) r.get(1).getAs("response_seconds_sum"));
    assertEquals(2L, (long) r.get(1).getAs("agent_messages"));
    assertNull(r.get(1).getAs("first_response_seconds"));
    assertTrue((boolean) r.get(1).getAs("is_replied"));
  }
}
