package kefu.derive;

import static kefu.canonical.CanonicalSchema.AGENT;
import static kefu.canonical.CanonicalSchema.BOT;
import static kefu.canonical.CanonicalSchema.BUYER;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Receptions (接待): chat messages of one buyer with one shop, split after more than
 * {@code sessionGapMinutes} of silence (silence is measured over every message, bot ones too).
 * A buyer message still waiting for a reply keeps its reception open until the first reply on
 * the same business day (the session zone): a late reply is a slow response in the buyer's
 * reception, not a new reception started by the agent. So is any message the buyer sends
 * meanwhile; after the business day ends, the silence rule applies again.
 *
 * <p>Grain: one row per reception and agent part. Each buyer message belongs to the agent whose
 * reply answered it (the next reply in the reception); a buyer message after the last reply
 * belongs to the agent who replied last before it. A reception nobody replied to gives one row
 * with a null {@code agent_id}. A transfer (A then B) gives two rows, each with its own messages.
 *
 * <p>Columns: {@code reception_id} ({@code shop|buyer|start epoch seconds}), {@code shop_id},
 * {@code buyer_key}, {@code agent_id}, {@code started_at}, {@code ended_at} (the reception's),
 * {@code agent_started_at} (this agent's first reply, null for the no-agent row),
 * {@code reception_date} (business date of the start), {@code buyer_messages},
 * {@code answered_buyer_messages}, {@code response_seconds_sum} (sum over answered buyer messages
 * of the wait until the next reply), {@code first_response_seconds} (the reception's first buyer
 * message to the first reply after it; only on the row of the agent who gave that reply, else
 * null), {@code agent_messages}, {@code is_replied} (this part answered at least one buyer
 * message), {@code is_buyer_started} (the reception's first message is the buyer's; only those
 * can be inquiries).
 *
 * <p>Bot messages are replies only when {@code botRepliesCount}; they are then credited to their
 * {@code agent_id} or to {@code "bot"}. An agent message without agent id goes to
 * {@code "unknown"}.
 */
public final class Receptions {
  private Receptions() {}

  public static final String BOT_AGENT = "bot";
  public static final String UNKNOWN_AGENT = "unknown";

  /** The placeholder ids for bot replies and unattributed agent messages are not people. */
  public static boolean isPerson(String agentId) {
    return agentId != null && !agentId.equals(BOT_AGENT) && !agentId.equals(UNKNOWN_AGENT);
  }

  /** {@link #isPerson(String)} as a Spark predicate. */
  public static Column isPerson(Column agentId) {
    return agentId.isNotNull().and(agentId.isin(BOT_AGENT, UNKNOWN_AGENT).unary_$bang());
  }

  public static Dataset<Row> build(Dataset<Row> chats, DeriveRules rules) {
    Column sender = col("sender");
    Column isBuyer = sender.equalTo(BUYER);
    Column isReply = rules.botRepliesCount() ? sender.isin(AGENT, BOT) : sender.equalTo(AGENT);
    Column replyAgent = when(sender.equalTo(BOT), coalesce(col("agent_id"), lit(BOT_AGENT)))
        .otherwise(coalesce(col("agent_id"), lit(UNKNOWN_AGENT)));

    Dataset<Row> messages = chats
        .filter(sender.isin(BUYER, AGENT, BOT)
            .and(col("sent_at").isNotNull()).and(col("buyer_key").isNotNull()))
        .select(
            col("shop_id"), col("buyer_key"), col("sent_at"),
            isBuyer.as("is_buyer"),
            isReply.as("is_reply"),
            when(isReply, replyAgent).as("reply_agent"),
            // a reply stamped in the same second as the question sorts after it
            when(isBuyer, lit(0)).otherwise(lit(1)).as("sender_rank"),
            unix_date(to_date(col("sent_at"))).as("sent_day"));

    // One shuffle and one sort by the buyer's timeline; ReceptionParts then splits it in a
    // single pass (as windows, the reception bounds and replies needed two more sorts).
    Dataset<Row> parts = messages
        .repartition(col("shop_id"), col("buyer_key"))
        // The buyer's hash leads: it is the sorter's 8-byte prefix, so nearly every comparison
        // ends there instead of comparing shop and buyer strings (at 1M orders those string
        // comparisons were ~4% of the run's CPU). Shop and buyer follow, so a buyer's messages
        // stay together when two buyers' hashes collide.
        .sortWithinPartitions(xxhash64(col("shop_id"), col("buyer_key")), col("shop_id"),
            col("buyer_key"), col("sent_at"), col("sender_rank"))
        .select(Arrays.stream(ReceptionParts.INPUT).map(c -> col(c)).toArray(Column[]::new))
        .mapPartitions(new ReceptionParts(rules.sessionGapMinutes() * 60L),
            Encoders.row(ReceptionParts.OUTPUT));

    return parts.select(
        concat_ws("|", col("shop_id"), col("buyer_key"),
            unix_seconds(col("started_at")).cast(StringType)).as("reception_id"),
        col("shop_id"), col("buyer_key"), col("agent_id"),
        col("started_at"), col("ended_at"), col("agent_started_at"),
        to_date(col("started_at")).as("reception_date"),
        col("buyer_messages"), col("answered_buyer_messages"), col("response_seconds_sum"),
        col("first_response_seconds"), col("agent_messages"),
        col("answered_buyer_messages").gt(0).as("is_replied"), col("is_buyer_started"));
  }
}
