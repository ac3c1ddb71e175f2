package kefu.derive;

import static kefu.derive.Tables.order;
import static kefu.derive.Tables.row;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kefu.derive.FunnelReference.AgentDay;
import kefu.derive.FunnelReference.AgentDayKey;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Nine buyers of shop s1 and two agents around 2025-10-01/03 (shop time, Asia/Shanghai), one rule
 * of the brief's funnel each, with the funnel worked out by hand in {@link #EXPECTED}.
 */
final class FunnelCases {
  private FunnelCases() {}

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final LocalDate OCT1 = LocalDate.of(2025, 10, 1);
  static final LocalDate OCT2 = LocalDate.of(2025, 10, 2);

  static final String[][] CHATS = {
      // b1: a1 answers 35 minutes late on the same day: one buyer-started reception of a1, an
      // inquiry on 10-01 (kefu used to start a reception of a1 at 10:35 without the question)
      row("s1", "b1", null, "buyer", "2025-10-01 10:00:00"),
      row("s1", "b1", "a1", "agent", "2025-10-01 10:35:00"),
      // b2: writes at 23:50, a2 answers 35 minutes later on the next business day: the question
      // stays unanswered in a reception of nobody, a2's reception starts at 00:25 and is no
      // inquiry although b2 then writes
      row("s1", "b2", null, "buyer", "2025-10-01 23:50:00"),
      row("s1", "b2", "a2", "agent", "2025-10-02 00:25:00"),
      row("s1", "b2", null, "buyer", "2025-10-02 00:26:00"),
      row("s1", "b2", "a2", "agent", "2025-10-02 00:27:00"),
      // b3: inquires with a1 on 10-01; a1 follows up the next morning (agent-started: a reception
      // of a1 on 10-02, no inquiry)
      row("s1", "b3", null, "buyer", "2025-10-01 14:00:00"),
      row("s1", "b3", "a1", "agent", "2025-10-01 14:01:00"),
      row("s1", "b3", "a1", "agent", "2025-10-02 10:00:00"),
      row("s1", "b3", null, "buyer", "2025-10-02 10:02:00"),
      row("s1", "b3", "a1", "agent", "2025-10-02 10:03:00"),
      // b4: ordered on 09-28, within 7 days: an after-sales reception of a2, no inquiry
      row("s1", "b4", null, "buyer", "2025-10-01 09:00:00"),
      row("s1", "b4", "a2", "agent", "2025-10-01 09:01:00"),
      // b5: a1 transfers to a2: one reception, an inquiry for each
      row("s1", "b5", null, "buyer", "2025-10-01 16:00:00"),
      row("s1", "b5", "a1", "agent", "2025-10-01 16:01:00"),
      row("s1", "b5", null, "buyer", "2025-10-01 16:02:00"),
      row("s1", "b5", "a2", "agent", "2025-10-01 16:03:00"),
      row("s1", "b5", null, "buyer", "2025-10-01 16:04:00"),
      row("s1", "b5", "a2", "agent", "2025-10-01 16:05:00"),
      // b6: a1 hands over and a2 greets, the buyer does not write again: a2 replied in the
      // reception, so it is a2's inquiry too
      row("s1", "b6", null, "buyer", "2025-10-01 20:00:00"),
      row("s1", "b6", "a1", "agent", "2025-10-01 20:01:00"),
      row("s1", "b6", "a2", "agent", "2025-10-01 20:02:00"),
      // b7 and b8 inquire with a1 on 10-01 and order on 10-02: b7 pays at 23:59:59 on 10-02 (paid
      // the next day), b8 at 00:00:30 on 10-03 (paid in the end, not the next day)
      row("s1", "b7", null, "buyer", "2025-10-01 12:00:00"),
      row("s1", "b7", "a1", "agent", "2025-10-01 12:01:00"),
      row("s1", "b8", null, "buyer", "2025-10-01 13:00:00"),
      row("s1", "b8", "a1", "agent", "2025-10-01 13:01:00"),
      // b9: 3 buyer and 2 agent messages in one reception of a1, no order
      row("s1", "b9", null, "buyer", "2025-10-01 15:00:00"),
      row("s1", "b9", "a1", "agent", "2025-10-01 15:01:00"),
      row("s1", "b9", null, "buyer", "2025-10-01 15:02:00"),
      row("s1", "b9", null, "buyer", "2025-10-01 15:03:00"),
      row("s1", "b9", "a1", "agent", "2025-10-01 15:04:00")};

  static final String[][] ORDERS = {
      // b1 orders after the late reply: converts a1's inquiry, paid after a1 received b1
      order("o1", "b1", "100.00", "2025-10-01 11:00:00", "2025-10-01 11:01:00"),
      // b2's order goes to a2, who received b2 at 00:25
      order("o2", "b2", "50.00", "2025-10-02 09:00:00", "2025-10-02 09:05:00"),
      // b3 orders on d+1 of the inquiry: converted; paid after a1's follow-up
      order("o3", "b3", "80.00", "2025-10-02 10:10:00", "2025-10-02 10:11:00"),
      // b4's earlier order (nobody received b4 before it: silent), then one after the chat
      order("o4a", "b4", "30.00", "2025-09-28 12:00:00", "2025-09-28 12:01:00"),
      order("o4b", "b4", "40.00", "2025-10-01 09:30:00", "2025-10-01 09:31:00"),
      // b5 orders on d and pays the next morning: both inquiries convert; a2 received b5 last
      order("o5", "b5", "200.00", "2025-10-01 16:10:00", "2025-10-02 08:00:00"),
      // b7 pays in the last second of d+1; a1 (received 10-01, the day before) gets the sale
      order("o7", "b7", "60.00", "2025-10-02 23:00:00", "2025-10-02 23:59:59"),
      // b8 pays 30 s into d+2: paid but not the next day; nobody received b8 on 10-02 or 10-03,
      // so the sale is silent
      order("o8", "b8", "90.00", "2025-10-02 12:00:00", "2025-10-03 00:00:30")};

  /**
   * Receptions: a1 on 10-01 b1, b3, b5, b6, b7, b8, b9 (7), on 10-02 b3's follow-up (1); a2 on
   * 10-01 b4, b5, b6 (3), on 10-02 b2's (1); plus b2's unanswered one of nobody.
   * 询单人数: a1 10-01 {b1, b3, b5, b6, b7, b8, b9} = 7; a2 10-01 {b5, b6} = 2 (b4 after-sales);
   * none on 10-02 (both receptions agent-started).
   * Ordered / paid (created 10-01 or 10-02): a1 b1 (o1), b3 (o3), b5 (o5), b7 (o7), b8 (o8) =
   * 5 / 5, paid amount 100 + 80 + 200 + 60 + 90 = 530; a2 b5 = 1 / 1, 200.
   * 询单→次日付款 (paid by the end of 10-02): a1 b1 (10-01 11:01, the same day), b3 (10-02 10:11),
   * b5 (10-02 08:00), b7 (10-02 23:59:59) = 4, not b8 (10-03 00:00:30); a2 b5 = 1.
   * Credited sales (payment agent, by payment day): o1 100 a1 10-01; o2 50 a2 10-02; o3 80 a1
   * 10-02; o4a silent; o4b 40 a2 10-01 (received 09:01); o5 200 a2 10-02 (a2 16:03 after a1 16:01);
   * o7 60 a1 10-02 (received 10-01); o8 silent (a1 received b8 on 10-01, two days before).
   * Buyer / agent messages of the parts (答问比): a1 10-01 b1 1/1, b3 1/1, b5 1/1 (the 16:00
   * question a1 answered), b6 1/1, b7 1/1, b8 1/1, b9 3/2 = 9/8; a1 10-02 b3's follow-up 1/2;
   * a2 10-01 b4 1/1, b5 2/2, b6 0/1 (a2 greeted after a1's answer) = 3/4; a2 10-02 b2 1/2 (the
   * 23:50 question is in the unanswered reception of nobody).
   */
  static final Map<AgentDayKey, AgentDay> EXPECTED = Map.of(
      new AgentDayKey("s1", "a1", OCT1),
      new AgentDay(7, 7, 5, 5, 4, money("530.00"), money("100.00"), 9, 8),
      new AgentDayKey("s1", "a1", OCT2),
      new AgentDay(1, 0, 0, 0, 0, money("0"), money("140.00"), 1, 2),
      new AgentDayKey("s1", "a2", OCT1),
      new AgentDay(3, 2, 1, 1, 1, money("200.00"), money("40.00"), 3, 4),
      new AgentDayKey("s1", "a2", OCT2),
      new AgentDay(1, 0, 0, 0, 0, money("0"), money("250.00"), 1, 2));

  static Dataset<Row> chats() {
    return Tables.chats(CHATS);
  }

  static Dataset<Row> orders() {
    return Tables.orders(ORDERS);
  }

  static List<FunnelReference.Message> messages() {
    List<FunnelReference.Message> out = new ArrayList<>();
    for (String[] c : CHATS) {
      out.add(new FunnelReference.Message(c[0], c[1], c[2], c[3], instant(c[4])));
    }
    return out;
  }

  static List<FunnelReference.OrderLine> orderLines() {
    List<FunnelReference.OrderLine> out = new ArrayList<>();
    for (String[] o : ORDERS) {
      out.add(new FunnelReference.OrderLine(o[0], o[2], o[3], money(o[7]), instant(o[8]),
          o[9] == null ? null : instant(o[9])));
    }
    return out;
  }

  static BigDecimal money(String yuan) {
    return new BigDecimal(yuan).setScale(2);
  }

  private static Instant instant(String shopTime) {
    return LocalDateTime.parse(shopTime.replace(' ', 'T')).atZone(ZONE).toInstant();
  }
}
