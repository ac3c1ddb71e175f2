package kefu.facts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Chat demand by shop and day, the aggregates kefu.sourcing.Demand turns into the demand mart
 * (day types, months and the all-shops rows are driver work on these):
 * <ul>
 *   <li>{@link #hours}: (shop_id, date, hour, receptions, buyer_messages, handled_receptions,
 *       handle_seconds_sum): whole receptions by the local hour they started; handled = replied,
 *       handle seconds = ended_at − started_at of replied receptions (null without one);
 *   <li>{@link #inquiries}: (shop_id, date, inquiries): distinct buyer-day inquiries;
 *   <li>{@link #busy}: (shop_id, date, agent_reception_seconds, agent_busy_seconds): agent parts
 *       (first reply → reception end, at least 1 s) merged into busy blocks per agent (a part
 *       starting after every earlier part of the agent ended opens a new block), by the block's
 *       start date: the seconds of the parts and of the blocks.
 * </ul>
 */
public final class DemandFacts {
  private DemandFacts() {}

  public static Dataset<Row> hours(Dataset<Row> receptions) {
    return receptions
        .groupBy("reception_id", "shop_id")
        .agg(min("started_at").as("started_at"), max("ended_at").as("ended_at"),
            min("reception_date").as("date"), sum("buyer_messages").as("buyer_messages"),
            max(col("is_replied").cast(IntegerType)).as("replied"))
        .withColumn("handle_seconds",
            unix_seconds(col("ended_at")).minus(unix_seconds(col("started_at"))))
        .groupBy(col("shop_id"), col("date"), hour(col("started_at")).as("hour"))
        .agg(count(lit(1)).as("receptions"), sum("buyer_messages").as("buyer_messages"),
            sum("replied").as("handled_receptions"),
            sum(when(col("replied").equalTo(1), col("handle_seconds"))).as("handle_seconds_sum"));
  }

  public static Dataset<Row> inquiries(Dataset<Row> inquiries) {
    return inquiries.select(col("shop_id"), col("buyer_key"), col("inquiry_date").as("date"))
        .distinct()
        .groupBy("shop_id", "date").agg(count(lit(1)).as("inquiries"));
  }

  public static Dataset<Row> busy(Dataset<Row> receptions) {
    Dataset<Row> parts = receptions
        .filter(col("agent_id").isNotNull().and(col("agent_started_at").isNotNull()))
        .select(col("shop_id"), col("agent_id"),
            unix_seconds(col("agent_started_at")).as("s"),
            greatest(unix_seconds(col("ended_at")), unix_seconds(col("agent_started_at")).plus(1))
                .as("e"));
    WindowSpec byAgent = Window.partitionBy("shop_id", "agent_id").orderBy("s", "e");
    Column previousEnd = max("e").over(byAgent.rowsBetween(Window.unboundedPreceding(), -1));
    return parts
        .withColumn("opens", when(previousEnd.isNull().or(col("s").gt(previousEnd)), 1)
            .otherwise(0))
        .withColumn("block", sum("opens").over(byAgent.rowsBetween(Window.unboundedPreceding(),
            Window.currentRow())))
        .groupBy("shop_id", "agent_id", "block")
        .agg(min("s").as("s"), max("e").minus(min("s")).as("busy"),
            sum(col("e").minus(col("s"))).as("open"))
        .groupBy(col("shop_id"), to_date(col("s").cast(TimestampType)).as("date"))
        .agg(sum("open").as("agent_reception_seconds"), sum("busy").as("agent_busy_seconds"));
  }
}
