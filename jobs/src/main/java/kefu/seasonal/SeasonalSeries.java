package kefu.seasonal;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.bool_or;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * The daily series behind the seasonal analyses: one row per business_date x category (category
 * {@value #ALL} = all categories together) with additive numerator/denominator columns, so any
 * window's level is a plain sum. Columns:
 * <ul>
 *   <li>{@code orders}: distinct orders by created_date;
 *   <li>{@code paid_orders}, {@code paid_amount} (decimal), {@code sold_units}: paid lines by
 *       paid_date;
 *   <li>{@code inquiry_buyers}, {@code inquiry_paid_buyers}: distinct shop x buyer by
 *       inquiry_date;
 *   <li>{@code refunded_units_by_sale}, {@code returned_units_by_sale}: refunded units by the
 *       sale date of the refunded order, so post-promotion return waves count against the event
 *       in which the goods were sold (denominator: sold_units);
 *   <li>{@code refunds_completed}, {@code returns_completed}, {@code refunded_units_completed}:
 *       by completed_date (the after-sales workload of the day);
 *   <li>chat, category ALL only (null elsewhere): {@code receptions}, {@code replied_receptions},
 *       {@code first_response_seconds_sum}, {@code first_response_count},
 *       {@code peak_receptions_per_agent} (max over the day's 24 hours of receptions started in
 *       the hour / distinct agents with a reception started in that hour);
 *   <li>per pay scheme S: {@code pay_net__S} (decimal(18,4)) and {@code pay_agent_days__S}: each
 *       agent-month's net_pay spread evenly over that agent's active days of the month (a day
 *       with receptions or paid orders in agent_daily, the payroll's own definition of
 *       active_days), under the agent's main category; so a window's pay level is the daily
 *       equivalent pay per active agent-day. Agent-months without an active day are left out.
 * </ul>
 * Missing categories are reported as 'unknown' so the categories add up to ALL (except for
 * distinct counts, where a buyer or order in two categories counts once in ALL).
 */
public final class SeasonalSeries {
  private SeasonalSeries() {}

  public static final String ALL = "ALL";

  /** Count columns filled with 0 on days without activity. */
  static final List<String> COUNTS = List.of("orders", "paid_orders", "paid_amount", "sold_units",
      "inquiry_buyers", "inquiry_paid_buyers", "refunded_units_by_sale", "returned_units_by_sale",
      "refunds_completed", "returns_completed", "refunded_units_completed");
  static final List<String> CHAT = List.of("receptions", "replied_receptions",
      "first_response_seconds_sum", "first_response_count", "peak_receptions_per_agent");

  /**
   * The daily series. {@code payroll} and {@code agentDaily} may be null (then no pay columns).
   */
  public static Dataset<Row> daily(Dataset<Row> attributedOrders, Dataset<Row> attributedRefunds,
      Dataset<Row> inquiries, Dataset<Row> receptions, Dataset<Row> payroll,
      Dataset<Row> agentDaily) {
    List<Dataset<Row>> parts = new ArrayList<>(List.of(
        orders(attributedOrders), paid(attributedOrders), refundsBySale(attributedRefunds),
        refundsCompleted(attributedRefunds), inquiries(inquiries), chat(receptions),
        peak(receptions)));
    List<String> payColumns = new ArrayList<>();
    if (payroll != null && agentDaily != null) {
      // scheme ids are config-sized: collecting them is collecting an aggregate
      List<String> schemes = payroll.select("scheme_id").distinct().orderBy("scheme_id")
          .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
      if (!schemes.isEmpty()) {
        parts.add(pay(payroll, agentDaily, schemes));
      }
      for (String s : schemes) {
        payColumns.add(SeasonalMetric.PAY_PREFIX + s);
        payColumns.add(SeasonalMetric.PAY_DAYS_PREFIX + s);
      }
    }
    Dataset<Row> union = parts.get(0);
    for (Dataset<Row> p : parts.subList(1, parts.size())) {
      union = union.unionByName(p, true);
    }
    List<Column> sums = new ArrayList<>();
    List<String> all = new ArrayList<>(COUNTS);
    all.addAll(CHAT);
    all.addAll(payColumns);
    for (String c : all) {
      sums.add(c.equals("peak_receptions_per_agent") ? max(q(c)).as(c) : sum(q(c)).as(c));
    }
    Dataset<Row> daily = union.groupBy("business_date", "category")
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
    List<Column> out = new ArrayList<>(List.of(col("business_date"), col("category")));
    for (String c : COUNTS) {
      out.add(coalesce(q(c), lit(0).cast(c.equals("paid_amount") ? "decimal(18,2)" : "bigint"))
          .cast(c.equals("paid_amount") ? "decimal(18,2)" : "bigint").as(c));
    }
    Column isAll = col("category").equalTo(ALL);
    for (String c : CHAT) {
      boolean fraction = c.equals("peak_receptions_per_agent");
      out.add(when(isAll, coalesce(q(c), lit(0))).cast(fraction ? "double" : "bigint").as(c));
    }
    for (String c : payColumns) {
      boolean money = c.startsWith(SeasonalMetric.PAY_PREFIX);
      out.add(coalesce(q(c), lit(0)).cast(money ? "decimal(18,4)" : "bigint").as(c));
    }
    return daily.select(out.toArray(Column[]::new));
  }

  private static Column q(String name) {
    return col("`" + name + "`");
  }

  /** Every row twice: once under its category ('unknown' if none), once under ALL. */
  static Dataset<Row> withAll(Dataset<Row> rows) {
    return rows.withColumn("category",
        explode(array(coalesce(col("category"), lit("unknown")), lit(ALL))));
  }

  private static Dataset<Row> orders(Dataset<Row> orders) {
    return withAll(orders.where(col("created_date").isNotNull()))
        .groupBy(col("created_date").as("business_date"), col("category"))
        .agg(countDistinct("order_id").as("orders"));
  }

  private static Dataset<Row> paid(Dataset<Row> orders) {
    return withAll(orders.where(col("paid_date").isNotNull()))
        .groupBy(col("paid_date").as("business_date"), col("category"))
        .agg(countDistinct("order_id").as("paid_orders"),
            sum("amount_paid").as("paid_amount"),
            sum("quantity").cast("bigint").as("sold_units"));
  }

  private static Dataset<Row> refundsBySale(Dataset<Row> refunds) {
    return withAll(refunds.where(col("sale_date").isNotNull()))
        .groupBy(col("sale_date").as("business_date"), col("category"))
        .agg(sum("refunded_units").as("refunded_units_by_sale"),
            sum(when(col("is_return"), col("refunded_units")).otherwise(0))
                .as("returned_units_by_sale"));
  }

  private static Dataset<Row> refundsCompleted(Dataset<Row> refunds) {
    return withAll(refunds.where(col("completed_date").isNotNull()))
        .groupBy(col("completed_date").as("business_date"), col("category"))
        .agg(count(lit(1)).as("refunds_completed"),
            sum(when(col("is_return"), 1).otherwise(0)).as("returns_completed"),
            sum("refunded_units").as("refunded_units_completed"));
  }

  /**
   * Distinct buyers by grouping to one row per buyer first: two distinct counts over different
   * columns in one aggregation would make Spark expand every inquiry into two rows.
   */
  private static Dataset<Row> inquiries(Dataset<Row> inquiries) {
    Column known = col("shop_id").isNotNull().and(col("buyer_key").isNotNull());
    return withAll(inquiries.where(col("inquiry_date").isNotNull()))
        .groupBy(col("inquiry_date").as("business_date"), col("category"), col("shop_id"),
            col("buyer_key"))
        .agg(bool_or(col("paid")).as("paid"))
        .groupBy("business_date", "category")
        .agg(count(when(known, 1)).as("inquiry_buyers"),
            count(when(known.and(col("paid")), 1)).as("inquiry_paid_buyers"));
  }

  private static Dataset<Row> chat(Dataset<Row> receptions) {
    return receptions.where(col("reception_date").isNotNull())
        .groupBy(col("reception_date").as("business_date"))
        .agg(count(lit(1)).as("receptions"),
            sum(when(col("is_replied"), 1).otherwise(0)).as("replied_receptions"),
            sum("first_response_seconds").as("first_response_seconds_sum"),
            count("first_response_seconds").as("first_response_count"))
        .withColumn("category", lit(ALL));
  }

  private static Dataset<Row> peak(Dataset<Row> receptions) {
    return receptions.where(col("reception_date").isNotNull().and(col("started_at").isNotNull()))
        .groupBy(col("reception_date").as("business_date"), hour(col("started_at")).as("hour"))
        .agg(count(lit(1)).as("started"),
            countDistinct(col("shop_id"), col("agent_id")).as("agents"))
        .where(col("agents").gt(0))
        .groupBy("business_date")
        .agg(max(col("started").cast(DataTypes.DoubleType).divide(col("agents")))
            .as("peak_receptions_per_agent"))
        .withColumn("category", lit(ALL));
  }

  private static Dataset<Row> pay(Dataset<Row> payroll, Dataset<Row> agentDaily,
      List<String> schemes) {
    Dataset<Row> activeDays = agentDaily
        .where(col("receptions").gt(0).or(col("paid_orders").gt(0)))
        .select(col("shop_id"), col("agent_id"), col("business_date"),
            date_format(col("business_date"), "yyyy-MM").as("month"))
        .distinct();
    var agentMonth = Window.partitionBy("shop_id", "agent_id", "month", "scheme_id");
    Dataset<Row> spread = payroll
        .select(col("shop_id"), col("agent_id"), col("month"), col("scheme_id"),
            col("main_category").as("category"), col("net_pay"))
        .join(activeDays, new String[] {"shop_id", "agent_id", "month"})
        .withColumn("daily_pay", col("net_pay").cast("decimal(18,4)")
            .divide(count(lit(1)).over(agentMonth)).cast("decimal(18,4)"));
    List<Column> aggs = new ArrayList<>();
    for (String s : schemes) {
      Column mine = col("scheme_id").equalTo(s);
      aggs.add(sum(when(mine, col("daily_pay"))).as(SeasonalMetric.PAY_PREFIX + s));
      aggs.add(sum(when(mine, 1).otherwise(0)).as(SeasonalMetric.PAY_DAYS_PREFIX + s));
    }
    return withAll(spread).groupBy("business_date", "category")
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
  }
}
