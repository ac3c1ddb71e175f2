package kefu.derive;

import static kefu.derive.Tables.chats;
import static kefu.derive.Tables.row;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
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
  void aReplyThirtyFiveMinutesLateIsASlowResponseInTheBuyersReception() {
    List<Row> r = rows(FunnelCases.chats().where("buyer_key = 'b1'"), DeriveRules.defaults());
    assertEquals(1, r.size());
    assertEquals("a1", r.get(0).getAs("agent_id"));
    assertEquals(2100L, (long) r.get(0).getAs("first_response_seconds"));
    assertEquals(1L, (long) r.get(0).getAs("answered_buyer_messages"));
    assertTrue((boolean) r.get(0).getAs("is_buyer_started"));
  }

  @Test
  void aLateReplyOnTheNextBusinessDayStartsAReceptionOfTheAgent() {
    List<Row> r = rows(FunnelCases.chats().where("buyer_key = 'b2'"), DeriveRules.defaults());
    assertEquals(2, r.size());
    // the 23:50 question stays unanswered, in a reception of nobody on 10-01
    assertNull(r.get(0).getAs("agent_id"));
    assertEquals("2025-10-01", r.get(0).getAs("reception_date").toString());
    assertTrue((boolean) r.get(0).getAs("is_buyer_started"));
    // a2's reply at 00:25 starts the next one; the buyer's 00:26 message is in it
    assertEquals("a2", r.get(1).getAs("agent_id"));
    assertEquals("2025-10-02", r.get(1).getAs("reception_date").toString());
    assertEquals(1L, (long) r.get(1).getAs("buyer_messages"));
    assertFalse((boolean) r.get(1).getAs("is_buyer_started"));
  }

  @Test
  void aBuyerWritingAgainWhileWaitingStaysInTheReceptionUntilTheReply() {
    Dataset<Row> chats = chats(
        row("s1", "b1", null, "buyer", "2025-10-01 11:00:00"),
        // 50 minutes later, still unanswered: the same reception
        row("s1", "b1", null, "buyer", "2025-10-01 11:50:00"),
        row("s1", "b1", "a1", "agent", "2025-10-01 11:55:00"),
        // answered, then 31 minutes of silence: a new reception
        row("s1", "b1", null, "buyer", "2025-10-01 12:26:00"),
        row("s1", "b1", "a1", "agent", "2025-10-01 12:27:00"));
    List<Row> r = rows(chats, DeriveRules.defaults());
    assertEquals(2, r.size());
    assertEquals(2L, (long) r.get(0).getAs("buyer_messages"));
    assertEquals(3300L, (long) r.get(0).getAs("first_response_seconds"));
    assertEquals(3300L + 300L, (long) r.get(0).getAs("response_seconds_sum"));
    assertEquals(1L, (long) r.get(1).getAs("buyer_messages"));
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

  @Test
  void repliesAndBoundsNeverCrossAReceptionOrABuyer() {
    Dataset<Row> chats = chats(
        row("s1", "b1", null, "buyer", "2025-10-01 23:00:00"),
        row("s1", "b1", "a1", "agent", "2025-10-01 23:00:30"),
        // after the last reply of its reception: a1's, unanswered (a2 replies in the next one)
        row("s1", "b1", null, "buyer", "2025-10-01 23:10:00"),
        // 50 minutes of silence into the next business day: a new reception, whose buyer waits
        // for a2, not a1 (on the same day the waiting message would have kept it open)
        row("s1", "b1", null, "buyer", "2025-10-02 00:00:00"),
        row("s1", "b1", "a2", "agent", "2025-10-02 00:02:00"),
        // another buyer, within 30 minutes of b1's messages: a reception of its own
        row("s1", "b2", null, "buyer", "2025-10-01 23:05:00"),
        // a bot message keeps the reception open: 25 and 25 minutes of silence, not 50 (and no
        // buyer message waits for a reply in between)
        row("s1", "b3", null, "buyer", "2025-10-01 12:00:00"),
        row("s1", "b3", "a1", "agent", "2025-10-01 12:01:00"),
        row("s1", "b3", null, "bot", "2025-10-01 12:26:00"),
        row("s1", "b3", null, "buyer", "2025-10-01 12:51:00"),
        row("s1", "b3", "a1", "agent", "2025-10-01 12:52:00"));
    // times as shop-local text, whatever the test JVM's zone
    List<Row> r = Receptions.build(chats, DeriveRules.defaults())
        .withColumn("start", date_format(col("started_at"), "HH:mm:ss"))
        .withColumn("end", date_format(col("ended_at"), "HH:mm:ss"))
        .orderBy("buyer_key", "started_at").collectAsList();
    assertEquals(4, r.size());
    assertPart(r.get(0), "b1", "a1", "23:00:00", "23:10:00", 2, 1, 30L, 30L, 1);
    assertPart(r.get(1), "b1", "a2", "00:00:00", "00:02:00", 1, 1, 120L, 120L, 1);
    assertPart(r.get(2), "b2", null, "23:05:00", "23:05:00", 1, 0, 0L, null, 0);
    assertPart(r.get(3), "b3", "a1", "12:00:00", "12:52:00", 2, 2, 120L, 60L, 2);
  }

  private static void assertPart(Row part, String buyer, String agent, String start, String end,
      long buyerMessages, long answered, Long responseSum, Long firstResponse,
      long agentMessages) {
    assertEquals(buyer, part.getAs("buyer_key"));
    assertEquals(agent, part.getAs("agent_id"));
    assertEquals(start, part.getAs("start"));
    assertEquals(end, part.getAs("end"));
    assertEquals(buyerMessages, (long) part.getAs("buyer_messages"));
    assertEquals(answered, (long) part.getAs("answered_buyer_messages"));
    assertEquals(responseSum, part.getAs("response_seconds_sum"));
    assertEquals(firstResponse, part.getAs("first_response_seconds"));
    assertEquals(agentMessages, (long) part.getAs("agent_messages"));
  }
}
