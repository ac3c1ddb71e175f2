package kefu.derive;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Walks each buyer's messages in time order (the partition must be sorted by shop, buyer,
 * sent_at, sender_rank) and emits one row per reception and agent part, holding one reception in
 * memory at a time. {@link Receptions} defines the rules; this is their single pass: the windows
 * that expressed them needed three sorts of every message, this needs the one.
 *
 * <p>A message joins the reception before it when it follows within the gap, or when a buyer
 * message is still waiting for a reply (the buyer's last message that is a buyer message or a
 * reply is the buyer's) and was sent on the message's business day.
 */
final class ReceptionParts implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** The input columns, in this order. */
  static final String[] INPUT = {"shop_id", "buyer_key", "sent_at", "is_buyer", "is_reply",
      "reply_agent", "sent_day"};

  static final StructType OUTPUT = new StructType()
      .add("shop_id", DataTypes.StringType)
      .add("buyer_key", DataTypes.StringType)
      .add("started_at", DataTypes.TimestampType)
      .add("ended_at", DataTypes.TimestampType)
      .add("agent_id", DataTypes.StringType)
      .add("agent_started_at", DataTypes.TimestampType)
      .add("buyer_messages", DataTypes.LongType)
      .add("answered_buyer_messages", DataTypes.LongType)
      .add("response_seconds_sum", DataTypes.LongType)
      .add("first_response_seconds", DataTypes.LongType)
      .add("agent_messages", DataTypes.LongType)
      .add("is_buyer_started", DataTypes.BooleanType);

  private final long gapSeconds;

  ReceptionParts(long gapSeconds) {
    this.gapSeconds = gapSeconds;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> sorted) {
    return new Iterator<>() {
      private final List<Row> reception = new ArrayList<>();
      private Iterator<Row> ready = Collections.emptyIterator();
      /** The business day of the buyer message still waiting for a reply, else null. */
      private Integer waitingDay;

      @Override
      public boolean hasNext() {
        while (!ready.hasNext() && (sorted.hasNext() || !reception.isEmpty())) {
          ready = nextReception().iterator();
        }
        return ready.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return ready.next();
      }

      /** Reads up to the first message of the next reception (kept) and emits this one's parts. */
      private List<Row> nextReception() {
        while (sorted.hasNext()) {
          Row m = sorted.next();
          boolean sameBuyer = !reception.isEmpty() && sameBuyer(reception.get(0), m);
          if (!sameBuyer) {
            waitingDay = null;
          }
          boolean continues = sameBuyer
              && (seconds(m) - seconds(reception.get(reception.size() - 1)) <= gapSeconds
                  || waitingDay != null && waitingDay == day(m));
          remember(m);
          if (!continues && !reception.isEmpty()) {
            List<Row> parts = parts(reception);
            reception.clear();
            reception.add(m);
            return parts;
          }
          reception.add(m);
        }
        List<Row> parts = parts(reception);
        reception.clear();
        return parts;
      }

      /** A buyer message waits until the next reply; bot messages that are no reply do not count. */
      private void remember(Row m) {
        if (isBuyer(m)) {
          waitingDay = day(m);
        } else if (isReply(m)) {
          waitingDay = null;
        }
      }
    };
  }

  /** The business day (days since the epoch in the session zone) the message was sent on. */
  private static int day(Row m) {
    return m.getInt(6);
  }

  private static boolean sameBuyer(Row a, Row b) {
    return Objects.equals(a.getString(0), b.getString(0)) && a.getString(1).equals(b.getString(1));
  }

  /** Epoch seconds, as Spark's unix_seconds (floor). */
  private static long seconds(Row m) {
    return Math.floorDiv(m.getTimestamp(2).getTime(), 1000L);
  }

  private static boolean isBuyer(Row m) {
    return m.getBoolean(3);
  }

  private static boolean isReply(Row m) {
    return m.getBoolean(4);
  }

  /**
   * A buyer message belongs to the next reply's agent (or, after the last reply, the previous
   * reply's) and waited until that next reply; a reply belongs to its own agent.
   */
  private static List<Row> parts(List<Row> messages) {
    int n = messages.size();
    Row[] nextReply = new Row[n];
    Row following = null;
    for (int i = n - 1; i >= 0; i--) {
      if (isReply(messages.get(i))) {
        following = messages.get(i);
      }
      nextReply[i] = following;
    }
    Timestamp firstBuyerAt = null;
    for (Row m : messages) {
      if (isBuyer(m)) {
        firstBuyerAt = m.getTimestamp(2);
        break;
      }
    }
    Map<String, Part> parts = new LinkedHashMap<>();
    Row previousReply = null;
    for (int i = 0; i < n; i++) {
      Row m = messages.get(i);
      if (isReply(m)) {
        previousReply = m;
        parts.computeIfAbsent(m.getString(5), a -> new Part()).reply(m.getTimestamp(2));
      } else if (isBuyer(m)) {
        Row answer = nextReply[i];
        Row owner = answer != null ? answer : previousReply;
        Long wait = answer == null ? null : seconds(answer) - seconds(m);
        boolean first = m.getTimestamp(2).equals(firstBuyerAt);
        parts.computeIfAbsent(owner == null ? null : owner.getString(5), a -> new Part())
            .buyer(wait, first);
      }
    }
    Row head = messages.get(0);
    Timestamp started = head.getTimestamp(2);
    Timestamp ended = messages.get(n - 1).getTimestamp(2);
    List<Row> out = new ArrayList<>(parts.size());
    parts.forEach((agent, p) -> out.add(RowFactory.create(head.getString(0), head.getString(1),
        started, ended, agent, p.agentStartedAt, p.buyerMessages, p.answered, p.responseSum,
        p.firstResponse, p.agentMessages, isBuyer(head))));
    return out;
  }

  /** The running sums of one agent part. */
  private static final class Part {
    Timestamp agentStartedAt;
    long buyerMessages;
    long answered;
    long responseSum;
    Long firstResponse;
    long agentMessages;

    void reply(Timestamp at) {
      agentMessages++;
      if (agentStartedAt == null || at.before(agentStartedAt)) {
        agentStartedAt = at;
      }
    }

    void buyer(Long wait, boolean firstOfReception) {
      buyerMessages++;
      if (wait != null) {
        answered++;
        responseSum += wait;
        if (firstOfReception) {
          firstResponse = firstResponse == null ? wait : Math.max(firstResponse, wait);
        }
      }
    }
  }
}
