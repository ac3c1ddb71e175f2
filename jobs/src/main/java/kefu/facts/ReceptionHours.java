package kefu.facts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.when;

import kefu.derive.Receptions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Hours each agent spent in receptions, per month: (shop_id, agent_id, month, reception_hours),
 * the basis of hourly pay. Overlapping reception parts are merged first (agents chat with several
 * buyers at once), then the merged busy intervals are summed per month of their start. People
 * only: bot and unattributed parts are left out.
 *
 * <p>They depend on the receptions only, not on attribution or the scheme, so a review computes
 * them once for every replay (the sensitivity's rules included): the merge sorts every reception
 * part of the agent.
 */
public final class ReceptionHours {
  private ReceptionHours() {}

  /** @param receptions one row per (reception, agent part): shop_id, agent_id, started_at, ended_at */
  public static Dataset<Row> byAgentMonth(Dataset<Row> receptions) {
    var byAgent = Window.partitionBy("shop_id", "agent_id").orderBy("started_at", "ended_at");
    var before = byAgent.rowsBetween(Window.unboundedPreceding(), -1);
    return receptions
        .filter(Receptions.isPerson(col("agent_id"))
            .and(col("ended_at").geq(col("started_at"))))
        .withColumn("previous_end", max("ended_at").over(before))
        .withColumn("starts_busy", when(col("previous_end").isNull()
            .or(col("started_at").gt(col("previous_end"))), 1).otherwise(0))
        .withColumn("busy_id", sum("starts_busy").over(byAgent))
        .groupBy("shop_id", "agent_id", "busy_id")
        .agg(min("started_at").as("busy_start"), max("ended_at").as("busy_end"))
        .withColumn("month", date_format(col("busy_start"), "yyyy-MM"))
        .groupBy("shop_id", "agent_id", "month")
        .agg(sum(unix_timestamp(col("busy_end")).minus(unix_timestamp(col("busy_start"))))
            .divide(3600.0).as("reception_hours"));
  }
}
