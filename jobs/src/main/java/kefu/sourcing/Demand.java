package kefu.sourcing;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import kefu.calendar.PromotionCalendar;
import kefu.calendar.PromotionEvent;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The demand mart {@code sourcing_demand}: grain shop_id × month × day_type × hour (0–23, every
 * hour present), per shop and for all shops together ({@code shop_id = "all"}).
 *
 * <p>day_type: {@code normal}, {@code <event>:<phase>} on promotion days, {@code holiday} in the
 * 春节物流暂停 pause. Columns: {@code days} (days of that type with receptions in the month),
 * {@code receptions} (distinct receptions started in the hour, local time, over those days),
 * {@code buyer_messages}, {@code arrivals_per_hour} (= receptions ÷ days), {@code
 * handled_receptions}, {@code handle_seconds_sum} (ended_at − started_at of replied receptions),
 * {@code aht_seconds} (the hour's mean; the shop-month's mean in hours without replied
 * receptions), {@code inquiries} (the day type's distinct buyer-day inquiries allocated to hours
 * by their share of receptions, so hours add up), {@code inquiries_per_day}, and the
 * concurrency of the day type repeated on its hours: {@code agent_reception_seconds} (sum of
 * every agent part, first reply → reception end), {@code agent_busy_seconds} (the union of each
 * agent's parts), {@code observed_concurrency} = their ratio (mean chats an agent had open while
 * busy), and {@code covered_days}: the days of the month inside the history (first to last
 * reception date over all shops); fewer than the month's days = a partial month, whose monthly
 * fees and wages the cost model pro-rates.
 */
public final class Demand {
  private Demand() {}

  public static final String ALL_SHOPS = "all";
  /** The calendar event that marks holiday days rather than promotion days. */
  public static final String HOLIDAY_EVENT = "春节物流暂停";

  private static final String[] DAY_KEYS = {"shop_id", "month", "day_type"};

  public static Dataset<Row> build(Dataset<Row> receptions, Dataset<Row> inquiries,
      PromotionCalendar calendar) {
    SparkSession spark = receptions.sparkSession();
    Dataset<Row> dayTypes = broadcast(dayTypes(spark, calendar));

    Dataset<Row> perReception = receptions
        .groupBy("reception_id", "shop_id")
        .agg(min("started_at").as("started_at"), max("ended_at").as("ended_at"),
            min("reception_date").as("date"), sum("buyer_messages").as("buyer_messages"),
            max(col("is_replied").cast("int")).as("replied"));
    // One row per shop, date and hour (shops x days x 24, small): the days and the hourly sums
    // both come from it, and the all-shops rows are added to aggregates, not to receptions.
    Dataset<Row> shopDateHours = withDayType(perReception, dayTypes)
        .withColumn("handle_seconds",
            unix_seconds(col("ended_at")).minus(unix_seconds(col("started_at"))))
        .groupBy(col("shop_id"), col("month"), col("day_type"), col("date"),
            hour(col("started_at")).as("hour"))
        .agg(count(lit(1)).as("receptions"), sum("buyer_messages").as("buyer_messages"),
            sum("replied").as("handled_receptions"),
            sum(when(col("replied").equalTo(1), col("handle_seconds"))).as("handle_seconds_sum"))
        .localCheckpoint();

    Dataset<Row> days = shopDateHours.groupBy(DAY_KEYS[0], DAY_KEYS[1], DAY_KEYS[2])
        .agg(countDistinct("date").as("days"))
        .unionByName(shopDateHours.groupBy(DAY_KEYS[1], DAY_KEYS[2])
            .agg(countDistinct("date").as("days")).withColumn("shop_id", lit(ALL_SHOPS)));
    Dataset<Row> hourly = withAllShops(shopDateHours, List.of("month", "day_type", "hour"),
        "receptions", "buyer_messages", "handled_receptions", "handle_seconds_sum");
    Dataset<Row> hours = spark.range(0, 24).select(col("id").cast("int").as("hour"));

    Dataset<Row> grid = days.crossJoin(hours)
        .join(hourly, new String[] {"shop_id", "month", "day_type", "hour"}, "left")
        .na().fill(0, new String[] {"receptions", "buyer_messages", "handled_receptions"});

    WindowSpec shopMonth = Window.partitionBy("shop_id", "month");
    WindowSpec dayType = Window.partitionBy(DAY_KEYS[0], DAY_KEYS[1], DAY_KEYS[2]);
    Column monthAht = sum("handle_seconds_sum").over(shopMonth)
        .divide(sum("handled_receptions").over(shopMonth));
    Column hourAht = when(col("handled_receptions").gt(0),
        col("handle_seconds_sum").divide(col("handled_receptions")));
    Column dayReceptions = sum("receptions").over(dayType);

    Dataset<Row> inquiryCounts = inquiryCounts(inquiries, dayTypes);
    Dataset<Row> history = receptions.agg(min("reception_date").as("history_from"),
        max("reception_date").as("history_to"));
    Column monthStart = to_date(concat(col("month"), lit("-01")));
    Column coveredDays = datediff(least(last_day(monthStart), col("history_to")),
        greatest(monthStart, col("history_from"))).plus(1);
    Dataset<Row> concurrency = concurrency(receptions, dayTypes);

    return grid
        .withColumn("aht_seconds", coalesce(hourAht, monthAht))
        .withColumn("arrivals_per_hour", col("receptions").divide(col("days")))
        .withColumn("day_receptions", dayReceptions)
        .join(inquiryCounts, DAY_KEYS, "left")
        .join(concurrency, DAY_KEYS, "left")
        .crossJoin(history)
        .withColumn("covered_days", coveredDays)
        .withColumn("inquiries", when(col("day_receptions").gt(0), coalesce(col("day_inquiries"),
            lit(0)).multiply(col("receptions")).divide(col("day_receptions"))).otherwise(lit(0.0)))
        .withColumn("inquiries_per_day", col("inquiries").divide(col("days")))
        .withColumn("observed_concurrency", when(col("agent_busy_seconds").gt(0),
            col("agent_reception_seconds").divide(col("agent_busy_seconds"))))
        .select(col("shop_id"), col("month"), col("day_type"), col("hour"),
            col("days").cast("int").as("days"), col("receptions").cast("long").as("receptions"),
            col("buyer_messages").cast("long").as("buyer_messages"),
            col("arrivals_per_hour").cast("double").as("arrivals_per_hour"),
            col("handled_receptions").cast("long").as("handled_receptions"),
            col("handle_seconds_sum").cast("long").as("handle_seconds_sum"),
            col("aht_seconds").cast("double").as("aht_seconds"),
            col("inquiries").cast("double").as("inquiries"),
            col("inquiries_per_day").cast("double").as("inquiries_per_day"),
            col("agent_reception_seconds").cast("long").as("agent_reception_seconds"),
            col("agent_busy_seconds").cast("long").as("agent_busy_seconds"),
            col("observed_concurrency").cast("double").as("observed_concurrency"),
            col("covered_days").cast("int").as("covered_days"));
  }

  /** Every calendar day covered by an event, with its day type (calendar.on picks the phase). */
  static Dataset<Row> dayTypes(SparkSession spark, PromotionCalendar calendar) {
    TreeSet<LocalDate> covered = new TreeSet<>();
    for (PromotionEvent e : calendar.events()) {
      for (LocalDate d = e.start(); !d.isAfter(e.end()); d = d.plusDays(1)) {
        covered.add(d);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (LocalDate d : covered) {
      PromotionEvent e = calendar.on(d).orElseThrow();
      rows.add(RowFactory.create(java.sql.Date.valueOf(d),
          HOLIDAY_EVENT.equals(e.event()) ? HourDemand.HOLIDAY : e.event() + ":" + e.phase()));
    }
    StructType schema = new StructType()
        .add("calendar_date", DataTypes.DateType, false)
        .add("calendar_day_type", DataTypes.StringType, false);
    return spark.createDataFrame(rows, schema);
  }

  private static Dataset<Row> withDayType(Dataset<Row> rows, Dataset<Row> dayTypes) {
    return rows.join(dayTypes, rows.col("date").equalTo(dayTypes.col("calendar_date")), "left")
        .withColumn("day_type", coalesce(col("calendar_day_type"), lit(HourDemand.NORMAL)))
        .withColumn("month", date_format(col("date"), "yyyy-MM"))
        .drop("calendar_date", "calendar_day_type");
  }

  /**
   * The sums of {@code measures} per shop and {@code keys} (finer rows are summed up), plus
   * their sums over every shop as shop {@value #ALL_SHOPS}.
   */
  private static Dataset<Row> withAllShops(Dataset<Row> rows, List<String> keys,
      String... measures) {
    List<Column> sums = new ArrayList<>();
    for (String m : measures) {
      sums.add(sum(m).as(m));
    }
    Column first = sums.get(0);
    Column[] rest = sums.subList(1, sums.size()).toArray(Column[]::new);
    List<Column> shopKeys = new ArrayList<>(List.of(col("shop_id")));
    keys.forEach(k -> shopKeys.add(col(k)));
    // Checkpointed (small): both branches of the union read it, and each would otherwise run
    // the whole plan below it again (the busy blocks' window sort, the inquiries' distinct).
    Dataset<Row> perShop = rows.groupBy(shopKeys.toArray(Column[]::new)).agg(first, rest)
        .localCheckpoint();
    return perShop.unionByName(perShop.groupBy(keys.stream().map(functions::col)
        .toArray(Column[]::new)).agg(first, rest).withColumn("shop_id", lit(ALL_SHOPS)));
  }

  /** Distinct (shop, buyer, day) inquiries per shop × month × day type. */
  private static Dataset<Row> inquiryCounts(Dataset<Row> inquiries, Dataset<Row> dayTypes) {
    Dataset<Row> days = withDayType(inquiries.select(col("shop_id"), col("buyer_key"),
        col("inquiry_date").as("date")).distinct(), dayTypes)
        .withColumn("day_inquiries", lit(1L));
    return withAllShops(days, List.of("month", "day_type"), "day_inquiries");
  }

  /**
   * Agent parts (first reply → reception end, at least 1 s) merged into busy blocks per agent:
   * a part starting after every earlier part of the agent ended opens a new block.
   */
  private static Dataset<Row> concurrency(Dataset<Row> receptions, Dataset<Row> dayTypes) {
    Dataset<Row> parts = receptions
        .filter(col("agent_id").isNotNull().and(col("agent_started_at").isNotNull()))
        .select(col("shop_id"), col("agent_id"),
            unix_seconds(col("agent_started_at")).as("s"),
            greatest(unix_seconds(col("ended_at")), unix_seconds(col("agent_started_at")).plus(1))
                .as("e"));
    WindowSpec byAgent = Window.partitionBy("shop_id", "agent_id").orderBy("s", "e");
    Column previousEnd = max("e").over(byAgent.rowsBetween(Window.unboundedPreceding(), -1));
    parts = parts
        .withColumn("opens", when(previousEnd.isNull().or(col("s").gt(previousEnd)), 1)
            .otherwise(0))
        .withColumn("block", sum("opens").over(byAgent.rowsBetween(Window.unboundedPreceding(),
            Window.currentRow())));
    Dataset<Row> blocks = parts.groupBy("shop_id", "agent_id", "block")
        .agg(min("s").as("s"), max("e").minus(min("s")).as("busy"),
            sum(col("e").minus(col("s"))).as("open"))
        .withColumn("date", to_date(col("s").cast("timestamp")));
    return withAllShops(withDayType(blocks, dayTypes)
            .withColumnRenamed("open", "agent_reception_seconds")
            .withColumnRenamed("busy", "agent_busy_seconds"),
        List.of("month", "day_type"), "agent_reception_seconds", "agent_busy_seconds");
  }
}
