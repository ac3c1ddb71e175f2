package kefu.derive;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The agent funnel of the domain brief (Part 1, "Derived facts"), in plain Java and in the
 * brief's words: the tests check kefu's Spark derive against it, and {@code kefu generate} writes
 * the 赤兔 per-agent exports with it, so a generated export states what kefu computes from the
 * same chats and orders. Default rules only: 30 minutes of silence, bot messages are no replies,
 * 7-day after-sales lookback, attribution on the event's day or the day before, payment judgment
 * (付款判定).
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
 *       or d+1 / such an order was paid (paid by the end of d+1: 次日付款).
 *   <li>答问比: an agent's messages in a reception over the buyer messages of the agent's part
 *       of it (a buyer message belongs to the agent of the next reply, after the last reply to
 *       the previous one's); buyer messages of a reception nobody replied to count for nobody.
 *   <li>A paid order's sale goes to the last agent who received the buyer at or before payment,
 *       on the payment's business day or the day before; it is dated by the payment's day.
 * </ul>
 *
 * <p>Every rule looks at one buyer of one shop only, so the funnel is worked out buyer by buyer
 * ({@link #ofBuyer}) and summed: linear in the history, and a generator can stream it.
 */
public final class FunnelReference {
  private FunnelReference() {}

  static final Duration SILENCE = Duration.ofMinutes(30);
  static final Duration AFTER_SALES_LOOKBACK = Duration.ofDays(7);
  static final int CONVERSION_DAYS = 1;
  static final int ATTRIBUTION_DAYS = 1;

  /** One chat message; {@code sender} is buyer, agent or bot. */
  public record Message(String shop, String buyer, String agent, String sender, Instant at) {
    boolean isBuyer() {
      return sender.equals("buyer");
    }

    boolean isReply() {
      return sender.equals("agent");
    }

    /** The agent a reply is credited to (an agent message without agent id: "unknown"). */
    String replyAgent() {
      return agent == null ? "unknown" : agent;
    }
  }

  /**
   * One order line ({@code paidAt} null = unpaid; a missing amount adds nothing, as in SQL;
   * {@code quantity} the line's units, 0 when unknown).
   */
  public record OrderLine(String orderId, String shop, String buyer, BigDecimal amountPaid,
      Instant createdAt, Instant paidAt, long quantity) {
    public OrderLine {
      amountPaid = amountPaid == null ? BigDecimal.ZERO : amountPaid;
    }

    /** A line whose units do not matter. */
    public OrderLine(String orderId, String shop, String buyer, BigDecimal amountPaid,
        Instant createdAt, Instant paidAt) {
      this(orderId, shop, buyer, amountPaid, createdAt, paidAt, 0);
    }
  }

  public record AgentDayKey(String shop, String agent, LocalDate day) {}

  /**
   * The funnel of one agent on one business day; money in yuan with 2 decimals; the messages are
   * the agent's parts of its receptions (答问比 = agentMessages / buyerMessages).
   */
  public record AgentDay(long receptions, long inquiryBuyers, long orderedBuyers, long paidBuyers,
      long paidNextDayBuyers, BigDecimal inquiryPaidAmount, BigDecimal sales, long buyerMessages,
      long agentMessages) {
    public AgentDay {
      inquiryPaidAmount = inquiryPaidAmount.setScale(2);
      sales = sales.setScale(2);
    }

    AgentDay plus(AgentDay o) {
      return new AgentDay(receptions + o.receptions, inquiryBuyers + o.inquiryBuyers,
          orderedBuyers + o.orderedBuyers, paidBuyers + o.paidBuyers,
          paidNextDayBuyers + o.paidNextDayBuyers, inquiryPaidAmount.add(o.inquiryPaidAmount),
          sales.add(o.sales), buyerMessages + o.buyerMessages, agentMessages + o.agentMessages);
    }
  }

  /** A reception: its messages in time order. */
  public record Reception(List<Message> messages) {
    public Message first() {
      return messages.get(0);
    }

    public boolean isBuyerStarted() {
      return first().isBuyer();
    }

    /** Each agent who replied, with their first reply, in the order they first replied. */
    public Map<String, Instant> agentsReceivedAt() {
      Map<String, Instant> agents = new LinkedHashMap<>();
      for (Message m : messages) {
        if (m.isReply()) {
          agents.putIfAbsent(m.replyAgent(), m.at());
        }
      }
      return agents;
    }

    /**
     * Each replying agent's part of the reception, as kefu's receptions split it: a buyer message
     * belongs to the agent of the next reply (after the last reply, of the previous one) and
     * waited until that next reply; the reception's first buyer message's wait is the first
     * response time, on the part of the agent who gave it. Buyer messages nobody replied to in
     * the whole reception belong to no part.
     */
    public Map<String, Part> parts() {
      int n = messages.size();
      Message[] nextReply = new Message[n];
      Message following = null;
      for (int i = n - 1; i >= 0; i--) {
        if (messages.get(i).isReply()) {
          following = messages.get(i);
        }
        nextReply[i] = following;
      }
      Instant firstBuyerAt = messages.stream().filter(Message::isBuyer).map(Message::at)
          .findFirst().orElse(null);
      Map<String, Part> parts = new LinkedHashMap<>();
      Message previousReply = null;
      for (int i = 0; i < n; i++) {
        Message m = messages.get(i);
        if (m.isReply()) {
          previousReply = m;
          parts.computeIfAbsent(m.replyAgent(), a -> new Part()).agentMessages++;
        } else if (m.isBuyer()) {
          Message answer = nextReply[i];
          Message owner = answer != null ? answer : previousReply;
          if (owner == null) {
            continue;
          }
          Part p = parts.computeIfAbsent(owner.replyAgent(), a -> new Part());
          p.buyerMessages++;
          if (answer != null) {
            long wait = answer.at().getEpochSecond() - m.at().getEpochSecond();
            p.answered++;
            p.responseSeconds += wait;
            if (m.at().equals(firstBuyerAt)) { // buyer messages of the same second: the longest
              p.firstResponseSeconds = p.firstResponseSeconds == null ? wait
                  : Math.max(p.firstResponseSeconds, wait);
            }
          }
        }
      }
      return parts;
    }
  }

  /** One agent's part of a reception: message counts and waits in whole seconds. */
  public static final class Part {
    public long buyerMessages;
    public long answered;
    public long responseSeconds;
    /** The reception's first response when this agent gave it, else null. */
    public Long firstResponseSeconds;
    public long agentMessages;
  }

  /** One inquiry buyer of an agent on a day and what became of it within the window. */
  public record Inquiry(AgentDayKey key, boolean ordered, boolean paid, boolean paidNextDay,
      BigDecimal paidAmount) {}

  /** One paid order credited to an agent on its payment's day. */
  public record Sale(AgentDayKey key, String orderId, BigDecimal amount, long units) {}

  /**
   * What one buyer's history gives: the receptions (those nobody replied to included), each
   * (reception, replying agent) with the reception's day, the inquiries (one per agent and day)
   * and the credited sales.
   */
  public record BuyerFunnel(String shop, String buyer, List<Reception> receptions,
      List<Received> received, List<Inquiry> inquiries, List<Sale> sales) {}

  /** A reception as one agent's: the agent replied in it; dated by the reception's start. */
  public record Received(AgentDayKey key, Reception reception, boolean inquiry) {}

  /** The receptions of every buyer, by the brief's rule. */
  public static List<Reception> receptions(List<Message> messages, ZoneId zone) {
    List<Reception> out = new ArrayList<>();
    byBuyer(messages, Message::shop, Message::buyer)
        .forEach((k, talk) -> out.addAll(buyerReceptions(talk, zone)));
    return out;
  }

  /** The receptions of one buyer of one shop. */
  private static List<Reception> buyerReceptions(List<Message> buyerMessages, ZoneId zone) {
    List<Message> talk = new ArrayList<>(buyerMessages);
    // a reply in the same second as the buyer's message answers it, so it comes after it
    talk.sort(Comparator.comparing(Message::at).thenComparing(m -> m.isBuyer() ? 0 : 1));
    List<Reception> out = new ArrayList<>();
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
    if (!current.isEmpty()) {
      out.add(new Reception(current));
    }
    return out;
  }

  /** The funnel per shop, agent and business day. */
  public static Map<AgentDayKey, AgentDay> funnel(List<Message> messages, List<OrderLine> lines,
      ZoneId zone) {
    Map<List<String>, List<OrderLine>> linesByBuyer =
        byBuyer(lines, OrderLine::shop, OrderLine::buyer);
    Map<AgentDayKey, AgentDay> out = new HashMap<>();
    byBuyer(messages, Message::shop, Message::buyer).forEach((k, talk) -> add(out,
        ofBuyer(talk, linesByBuyer.getOrDefault(k, List.of()), zone)));
    return out;
  }

  /** Adds one buyer's funnel to the per-agent-day sums. */
  public static void add(Map<AgentDayKey, AgentDay> out, BuyerFunnel buyer) {
    BigDecimal zero = BigDecimal.ZERO;
    for (Received r : buyer.received()) {
      Part talk = r.reception().parts().get(r.key().agent());
      out.merge(r.key(), new AgentDay(1, 0, 0, 0, 0, zero, zero, talk.buyerMessages,
          talk.agentMessages), AgentDay::plus);
    }
    for (Inquiry i : buyer.inquiries()) {
      out.merge(i.key(), new AgentDay(0, 1, i.ordered() ? 1 : 0, i.paid() ? 1 : 0,
          i.paidNextDay() ? 1 : 0, i.paidAmount(), zero, 0, 0), AgentDay::plus);
    }
    for (Sale s : buyer.sales()) {
      out.merge(s.key(), new AgentDay(0, 0, 0, 0, 0, zero, s.amount(), 0, 0), AgentDay::plus);
    }
  }

  /**
   * The funnel of one buyer of one shop: {@code messages} are all of this buyer's chat messages
   * with the shop, {@code lines} all of this buyer's order lines in the shop.
   */
  public static BuyerFunnel ofBuyer(List<Message> messages, List<OrderLine> lines, ZoneId zone) {
    Message any = messages.get(0);
    List<Reception> receptions = buyerReceptions(messages, zone);
    List<Received> received = new ArrayList<>();
    Map<AgentDayKey, Boolean> inquired = new LinkedHashMap<>();
    for (Reception r : receptions) {
      Message head = r.first();
      LocalDate day = day(head.at(), zone);
      boolean inquiry = r.isBuyerStarted() && !hasOrderBefore(lines, head);
      for (String agent : r.agentsReceivedAt().keySet()) {
        AgentDayKey key = new AgentDayKey(head.shop(), agent, day);
        received.add(new Received(key, r, inquiry));
        if (inquiry) {
          inquired.put(key, true);
        }
      }
    }
    List<Inquiry> inquiries = new ArrayList<>();
    for (AgentDayKey key : inquired.keySet()) {
      inquiries.add(converted(key, lines, zone));
    }
    return new BuyerFunnel(any.shop(), any.buyer(), receptions, received, inquiries,
        credit(receptions, lines, zone));
  }

  /** The buyer created an order in the shop in the 7 days before the reception started. */
  private static boolean hasOrderBefore(List<OrderLine> lines, Message head) {
    Instant from = head.at().minus(AFTER_SALES_LOOKBACK);
    return lines.stream().anyMatch(o -> o.createdAt() != null
        && !o.createdAt().isBefore(from) && o.createdAt().isBefore(head.at()));
  }

  /** One inquiry buyer, ordered / paid by the orders created on its day or the next. */
  private static Inquiry converted(AgentDayKey key, List<OrderLine> lines, ZoneId zone) {
    boolean ordered = false;
    boolean paid = false;
    boolean paidNextDay = false;
    BigDecimal paidAmount = BigDecimal.ZERO;
    LocalDate lastDay = key.day().plusDays(CONVERSION_DAYS);
    for (OrderLine o : lines) {
      if (o.createdAt() == null) {
        continue;
      }
      LocalDate created = day(o.createdAt(), zone);
      if (!created.isBefore(key.day()) && !created.isAfter(lastDay)) {
        ordered = true;
        if (o.paidAt() != null) {
          paid = true;
          paidNextDay |= !day(o.paidAt(), zone).isAfter(lastDay);
          paidAmount = paidAmount.add(o.amountPaid());
        }
      }
    }
    return new Inquiry(key, ordered, paid, paidNextDay, paidAmount.setScale(2));
  }

  /** Each paid order's sale to the last agent who received the buyer before the payment. */
  private static List<Sale> credit(List<Reception> receptions, List<OrderLine> lines,
      ZoneId zone) {
    Map<String, List<OrderLine>> orders = new LinkedHashMap<>();
    lines.forEach(l -> orders.computeIfAbsent(l.orderId(), k -> new ArrayList<>()).add(l));
    List<Sale> out = new ArrayList<>();
    for (List<OrderLine> order : orders.values()) {
      OrderLine head = order.get(0);
      Instant paidAt = order.stream().map(OrderLine::paidAt)
          .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
      if (paidAt == null) {
        continue;
      }
      LocalDate paidDay = day(paidAt, zone);
      String agent = null;
      Instant latest = null;
      for (Reception r : receptions) {
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
        long units = order.stream().mapToLong(OrderLine::quantity).sum();
        out.add(new Sale(new AgentDayKey(head.shop(), agent, paidDay), head.orderId(),
            amount.setScale(2), units));
      }
    }
    return out;
  }

  /** Items grouped by shop and buyer (items without a buyer can match no chat: left out). */
  private static <T> Map<List<String>, List<T>> byBuyer(List<T> items,
      java.util.function.Function<T, String> shop, java.util.function.Function<T, String> buyer) {
    Map<List<String>, List<T>> out = new LinkedHashMap<>();
    for (T item : items) {
      if (shop.apply(item) != null && buyer.apply(item) != null) {
        out.computeIfAbsent(List.of(shop.apply(item), buyer.apply(item)),
            k -> new ArrayList<>()).add(item);
      }
    }
    return out;
  }

  public static LocalDate day(Instant at, ZoneId zone) {
    return at.atZone(zone).toLocalDate();
  }
}
