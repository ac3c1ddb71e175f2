package kefu.derive;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The agent funnel of the domain brief (Part 1, "Derived facts"), in plain Java and in the
 * brief's words, to check kefu's Spark derive against. Default rules only: 30 minutes of silence,
 * bot messages are no replies, 7-day after-sales lookback, attribution on the event's day or the
 * day before, payment judgment (付款判定).
 *
 * <ul>
 *   <li>A reception is a conversation of one buyer with the shop, split after 30 minutes of
 *       silence; a buyer message still waiting for a reply keeps it open until the first reply on
 *       the same business day (so does every message of that day until then).
 *   <li>It is credited to each agent who replied in it (a transfer credits both), from that
 *       agent's first reply in it (when the agent received the buyer).
 *   <li>An inquiry is a buyer-started reception whose buyer created no order in the shop in the
 *       7 days before it started; 询单人数 = distinct buyers per agent and business day of the
 *       reception's start.
 *   <li>The inquiry of day d is ordered / paid when the buyer created an order in the shop on d
 *       or d+1 / such an order was paid; paid the next day (询单→次日付款) when such an order was
 *       paid by the end of business day d+1.
 *   <li>答问比 counts, per agent and day of the reception's start: the agent's messages in the
 *       receptions the agent replied in, over the buyer messages there that the agent answered
 *       (the next reply is the agent's) or, after the reception's last reply, that came after the
 *       agent's reply as the last one; messages of a reception nobody replied to count for nobody.
 *   <li>A paid order's sale goes to the last agent who received the buyer at or before payment,
 *       on the payment's business day or the day before; it is dated by the payment's day.
 * </ul>
 */
final class FunnelReference {
  private FunnelReference() {}

  static final Duration SILENCE = Duration.ofMinutes(30);
  static final Duration AFTER_SALES_LOOKBACK = Duration.ofDays(7);
  static final int CONVERSION_DAYS = 1;
  static final int NEXT_DAY_PAYMENT_DAYS = 1;
  static final int ATTRIBUTION_DAYS = 1;

  /** One chat message; {@code sender} is buyer, agent or bot. */
  record Message(String shop, String buyer, String agent, String sender, Instant at) {
    boolean isBuyer() {
      return sender.equals("buyer");
    }

    boolean isReply() {
      return sender.equals("agent");
    }
  }

  /** One order line ({@code paidAt} null = unpaid; a missing amount adds nothing, as in SQL). */
  record OrderLine(String orderId, String shop, String buyer, BigDecimal amountPaid,
      Instant createdAt, Instant paidAt) {
    OrderLine {
      amountPaid = amountPaid == null ? BigDecimal.ZERO : amountPaid;
    }
  }

  record AgentDayKey(String shop, String agent, LocalDate day) {}

  /** The funnel of one agent on one business day; money in yuan with 2 decimals. */
  record AgentDay(long receptions, long inquiryBuyers, long orderedBuyers, long paidBuyers,
      long paidNextDayBuyers, BigDecimal inquiryPaidAmount, BigDecimal sales,
      long buyerMessages, long agentMessages) {
    AgentDay {
      inquiryPaidAmount = inquiryPaidAmount.setScale(2);
      sales = sales.setScale(2);
    }

    static AgentDay reception(long buyerMessages, long agentMessages) {
      return new AgentDay(1, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, buyerMessages,
          agentMessages);
    }

    static AgentDay sale(BigDecimal amount) {
      return new AgentDay(0, 0, 0, 0, 0, BigDecimal.ZERO, amount, 0, 0);
    }

    AgentDay plus(AgentDay o) {
      return new AgentDay(receptions + o.receptions, inquiryBuyers + o.inquiryBuyers,
          orderedBuyers + o.orderedBuyers, paidBuyers + o.paidBuyers,
          paidNextDayBuyers + o.paidNextDayBuyers,
          inquiryPaidAmount.add(o.inquiryPaidAmount), sales.add(o.sales),
          buyerMessages + o.buyerMessages, agentMessages + o.agentMessages);
    }
  }

  /** A reception: its messages in time order. */
  record Reception(List<Message> messages) {
    Message first() {
      return messages.get(0);
    }

    boolean isBuyerStarted() {
      return first().isBuyer();
    }

    /**
     * The agent's messages in this reception and the buyer messages the agent answered (the next
     * reply is the agent's) or, with no reply after them, last replied before.
     */
    long[] buyerAndAgentMessages(String agent) {
      long buyer = 0;
      long replies = 0;
      for (int i = 0; i < messages.size(); i++) {
        Message m = messages.get(i);
        if (m.isReply()) {
          replies += agentOf(m).equals(agent) ? 1 : 0;
        } else if (m.isBuyer()) {
          Message owner = nextReply(i);
          owner = owner != null ? owner : previousReply(i);
          buyer += owner != null && agentOf(owner).equals(agent) ? 1 : 0;
        }
      }
      return new long[] {buyer, replies};
    }

    private Message nextReply(int i) {
      return messages.subList(i + 1, messages.size()).stream().filter(Message::isReply)
          .findFirst().orElse(null);
    }

    private Message previousReply(int i) {
      Message last = null;
      for (Message m : messages.subList(0, i)) {
        last = m.isReply() ? m : last;
      }
      return last;
    }

    private static String agentOf(Message reply) {
      return reply.agent() == null ? "unknown" : reply.agent();
    }

    /** Each agent who replied, with their first reply. */
    Map<String, Instant> agentsReceivedAt() {
      Map<String, Instant> agents = new LinkedHashMap<>();
      for (Message m : messages) {
        if (m.isReply()) {
          agents.putIfAbsent(m.agent() == null ? "unknown" : m.agent(), m.at());
        }
      }
      return agents;
    }
  }

  /** The receptions of every buyer, by the brief's rule. */
  static List<Reception> receptions(List<Message> messages, ZoneId zone) {
    Map<List<String>, List<Message>> byBuyer = new TreeMap<>(Comparator
        .comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
    for (Message m : messages) {
      byBuyer.computeIfAbsent(List.of(m.shop(), m.buyer()), k -> new ArrayList<>()).add(m);
    }
    List<Reception> out = new ArrayList<>();
    for (List<Message> talk : byBuyer.values()) {
      // a reply in the same second as the buyer's message answers it, so it comes after it
      talk.sort(Comparator.comparing(Message::at).thenComparing(m -> m.isBuyer() ? 0 : 1));
      List<Message> current = new ArrayList<>();
      LocalDate waitingSince = null; // business day of a buyer message that waits for a reply
      for (Message m : talk) {
        boolean joins = !current.isEmpty()
            && (Duration.between(current.get(current.size() - 1).at(), m.at())
                .compareTo(SILENCE) <= 0
                || day(m.at(), zone).equals(waitingSince));
        if (!joins && !current.isEmpty()) {
          out.add(new Reception(current));
          current = new ArrayList<>();
        }
        current.add(m);
        if (m.isBuyer()) {
          waitingSince = day(m.at(), zone);
        } else if (m.isReply()) {
          waitingSince = null;
        }
      }
      out.add(new Reception(current));
    }
    return out;
  }

  /** The funnel per shop, agent and business day. */
  static Map<AgentDayKey, AgentDay> funnel(List<Message> messages, List<OrderLine> lines,
      ZoneId zone) {
    List<Reception> receptions = receptions(messages, zone);
    Map<AgentDayKey, AgentDay> out = new HashMap<>();
    Map<AgentDayKey, Set<String>> inquired = new HashMap<>();
    for (Reception r : receptions) {
      Message head = r.first();
      LocalDate day = day(head.at(), zone);
      boolean inquiry = r.isBuyerStarted() && !hasOrderBefore(lines, head, zone);
      for (String agent : r.agentsReceivedAt().keySet()) {
        AgentDayKey key = new AgentDayKey(head.shop(), agent, day);
        long[] talk = r.buyerAndAgentMessages(agent);
        add(out, key, AgentDay.reception(talk[0], talk[1]));
        if (inquiry) {
          inquired.computeIfAbsent(key, k -> new HashSet<>()).add(head.buyer());
        }
      }
    }
    inquired.forEach((key, buyers) -> {
      for (String buyer : buyers) {
        add(out, key, converted(key, buyer, lines, zone));
      }
    });
    credit(receptions, lines, zone, out);
    return out;
  }

  /** The buyer created an order in the shop in the 7 days before the reception started. */
  private static boolean hasOrderBefore(List<OrderLine> lines, Message head, ZoneId zone) {
    Instant from = head.at().minus(AFTER_SALES_LOOKBACK);
    return lines.stream().anyMatch(o -> o.createdAt() != null && o.shop().equals(head.shop())
        && o.buyer().equals(head.buyer())
        && !o.createdAt().isBefore(from) && o.createdAt().isBefore(head.at()));
  }

  /**
   * One inquiry buyer, ordered / paid by the orders created on its day or the next, paid the next
   * day when such an order's payment fell on its day or the next.
   */
  private static AgentDay converted(AgentDayKey key, String buyer, List<OrderLine> lines,
      ZoneId zone) {
    boolean ordered = false;
    boolean paid = false;
    boolean paidNextDay = false;
    BigDecimal paidAmount = BigDecimal.ZERO;
    for (OrderLine o : lines) {
      if (o.createdAt() == null) {
        continue;
      }
      LocalDate created = day(o.createdAt(), zone);
      if (o.shop().equals(key.shop()) && o.buyer().equals(buyer)
          && !created.isBefore(key.day())
          && !created.isAfter(key.day().plusDays(CONVERSION_DAYS))) {
        ordered = true;
        if (o.paidAt() != null) {
          paid = true;
          paidNextDay |= !day(o.paidAt(), zone).isAfter(key.day().plusDays(NEXT_DAY_PAYMENT_DAYS));
          paidAmount = paidAmount.add(o.amountPaid());
        }
      }
    }
    return new AgentDay(0, 1, ordered ? 1 : 0, paid ? 1 : 0, paidNextDay ? 1 : 0, paidAmount,
        BigDecimal.ZERO, 0, 0);
  }

  /** Each paid order's sale to the last agent who received the buyer before the payment. */
  private static void credit(List<Reception> receptions, List<OrderLine> lines, ZoneId zone,
      Map<AgentDayKey, AgentDay> out) {
    Map<String, List<OrderLine>> orders = new LinkedHashMap<>();
    lines.forEach(l -> orders.computeIfAbsent(l.orderId(), k -> new ArrayList<>()).add(l));
    for (List<OrderLine> order : orders.values()) {
      OrderLine head = order.get(0);
      Instant paidAt = order.stream().map(OrderLine::paidAt)
          .filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
      if (paidAt == null) {
        continue;
      }
      LocalDate paidDay = day(paidAt, zone);
      String agent = null;
      Instant latest = null;
      for (Reception r : receptions) {
        if (!r.first().shop().equals(head.shop()) || !r.first().buyer().equals(head.buyer())) {
          continue;
        }
        for (Map.Entry<String, Instant> received : r.agentsReceivedAt().entrySet()) {
          Instant at = received.getValue();
          boolean inWindow = !at.isAfter(paidAt)
              && !day(at, zone).isBefore(paidDay.minusDays(ATTRIBUTION_DAYS));
          boolean later = latest == null || at.isAfter(latest)
              || at.equals(latest) && received.getKey().compareTo(agent) > 0;
          if (inWindow && later) {
            agent = received.getKey();
            latest = at;
          }
        }
      }
      if (agent != null) {
        BigDecimal amount = order.stream().map(OrderLine::amountPaid)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
        add(out, new AgentDayKey(head.shop(), agent, paidDay),
            AgentDay.sale(amount));
      }
    }
  }

  private static void add(Map<AgentDayKey, AgentDay> out, AgentDayKey key, AgentDay day) {
    out.merge(key, day, AgentDay::plus);
  }

  static LocalDate day(Instant at, ZoneId zone) {
    return at.atZone(zone).toLocalDate();
  }
}
