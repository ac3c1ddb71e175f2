package kefu.pay;

import static org.apache.spark.sql.functions.*;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The agent-month facts every component reads, built once per run from the pipeline's inputs.
 *
 * <ul>
 *   <li>{@code agentMonths}: one row per (shop_id, agent_id, month) paid — roster agents for the
 *       months they were employed, plus agents seen in the data but missing from the roster
 *       (full_time, in_house, pre_sales, default tier, employed all month) — with roster
 *       attributes, activity, KPI sums, credited money, reception hours and the minimum wage.
 *   <li>{@code categoryMonths}: (shop_id, agent_id, month, category) credited sales by paid month
 *       and credited refunds by completion month.
 *   <li>{@code agentDays}: (shop_id, agent_id, month, date, paid_orders) for daily piece rates.
 *   <li>{@code shopSilentMonths}: (shop_id, month) silent sales and silent refunds.
 * </ul>
 */
public record PayInputs(
    Dataset<Row> agentMonths,
    Dataset<Row> categoryMonths,
    Dataset<Row> agentDays,
    Dataset<Row> shopSilentMonths) {

  static final String UNKNOWN_CATEGORY = "unknown";

  public static PayInputs build(SparkSession spark, PayConfig config, Dataset<Row> agentDaily,
      Dataset<Row> attributedOrders, Dataset<Row> attributedRefunds, Dataset<Row> receptionHours,
      Dataset<Row> agents, List<String> months) {
    Dataset<Row> monthTable = monthTable(spark, config, months);
    Column inMonths = col("month").isin((Object[]) months.toArray(new String[0]));

    Dataset<Row> daily = agentDaily
        .withColumn("month", date_format(col("business_date"), "yyyy-MM"))
        .filter(inMonths);
    Dataset<Row> agentDays = daily.select(col("shop_id"), col("agent_id"), col("month"),
        col("business_date").as("date"),
        coalesce(col("paid_orders"), lit(0L)).as("paid_orders"));

    Dataset<Row> categoryMonths = categoryMonths(attributedOrders, attributedRefunds, inMonths);
    Dataset<Row> shopSilent = shopSilentMonths(attributedOrders, attributedRefunds, inMonths);

    Dataset<Row> activity = daily.groupBy("shop_id", "agent_id", "month").agg(
        count(when(col("receptions").gt(0).or(col("paid_orders").gt(0)), true)).as("active_days"),
        sumLong("receptions"), sumLong("replied_receptions"), sumLong("inquiry_buyers"),
        sumLong("inquiry_paid_buyers"), sumLong("paid_orders"),
        coalesce(sum("response_seconds_sum"), lit(0.0)).as("response_seconds_sum"),
        sumLong("answered_buyer_messages"),
        sumLong("dsr_service_sum"), sumLong("dsr_service_count"),
        sumLong("dsr_description_sum"), sumLong("dsr_description_count"),
        sumLong("dsr_logistics_sum"), sumLong("dsr_logistics_count"));

    Dataset<Row> money = categoryMonths.groupBy("shop_id", "agent_id", "month").agg(
        sum("sales_gross").as("credited_sales"),
        sum("refund_amount").as("credited_refunds"),
        sum("return_refund_amount").as("credited_return_refunds"),
        max_by(col("category"), struct(col("sales_gross"), col("category"))).as("main_category"));

    Dataset<Row> hours = receptionHours.filter(inMonths);

    Dataset<Row> employed = employedAgentMonths(config, agents, activity, monthTable);
    Dataset<Row> agentMonths = employed
        .join(activity, joinKeys(), "left")
        .join(money, joinKeys(), "left")
        .join(hours, joinKeys(), "left")
        .na().fill(0L, new String[] {"active_days", "receptions", "replied_receptions",
            "inquiry_buyers", "inquiry_paid_buyers", "paid_orders", "answered_buyer_messages",
            "dsr_service_sum", "dsr_service_count", "dsr_description_sum",
            "dsr_description_count", "dsr_logistics_sum", "dsr_logistics_count"})
        .na().fill(0.0, new String[] {"response_seconds_sum", "reception_hours"})
        .withColumn("credited_sales", money(coalesce(col("credited_sales"), lit(BigDecimal.ZERO))))
        .withColumn("credited_refunds",
            money(coalesce(col("credited_refunds"), lit(BigDecimal.ZERO))))
        .withColumn("credited_return_refunds",
            money(coalesce(col("credited_return_refunds"), lit(BigDecimal.ZERO))));
    agentMonths = MinimumWages.attach(spark, config, agentMonths, months);
    return new PayInputs(agentMonths, categoryMonths, agentDays, shopSilent);
  }

  static Column money(Column c) {
    return round(c, 2).cast(DataTypes.createDecimalType(14, 2));
  }

  private static Column sumLong(String column) {
    return coalesce(sum(col(column)), lit(0L)).cast(DataTypes.LongType).as(column);
  }

  static scala.collection.immutable.Seq<String> joinKeys() {
    return seq("shop_id", "agent_id", "month");
  }

  static scala.collection.immutable.Seq<String> seq(String... columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toList();
  }

  /** month, year, quarter, season, month_start, month_end, days_in_month for the paid months. */
  static Dataset<Row> monthTable(SparkSession spark, PayConfig config, List<String> months) {
    List<Row> rows = new ArrayList<>();
    for (String m : new TreeSet<>(months)) {
      YearMonth ym = YearMonth.parse(m);
      rows.add(RowFactory.create(m, ym.getYear(),
          ym.getYear() + "Q" + ((ym.getMonthValue() - 1) / 3 + 1),
          config.peakMonths().contains(ym.getMonthValue()) ? "peak" : "normal",
          java.sql.Date.valueOf(ym.atDay(1)), java.sql.Date.valueOf(ym.atEndOfMonth()),
          ym.lengthOfMonth()));
    }
    StructType schema = new StructType()
        .add("month", DataTypes.StringType).add("year", DataTypes.IntegerType)
        .add("quarter", DataTypes.StringType).add("season", DataTypes.StringType)
        .add("month_start", DataTypes.DateType).add("month_end", DataTypes.DateType)
        .add("days_in_month", DataTypes.IntegerType);
    return spark.createDataFrame(rows, schema);
  }

  private static Dataset<Row> employedAgentMonths(PayConfig config, Dataset<Row> agents,
      Dataset<Row> activity, Dataset<Row> monthTable) {
    Dataset<Row> dataShop = activity.groupBy("agent_id").agg(min("shop_id").as("data_shop_id"));
    Dataset<Row> roster = agents.join(dataShop, seq("agent_id"), "left")
        .select(col("agent_id"), coalesce(col("shop_id"), col("data_shop_id")).as("shop_id"),
            col("team"), col("sourcing"), col("role"), col("employment"), col("city"),
            col("city_tier"), col("hired_on"), col("left_on"))
        .filter(col("shop_id").isNotNull());
    Column start = greatest(coalesce(col("hired_on"), col("month_start")), col("month_start"));
    Column end = least(coalesce(col("left_on"), col("month_end")), col("month_end"));
    Dataset<Row> rosterMonths = roster.crossJoin(monthTable)
        .withColumn("employed_days", greatest(lit(0), datediff(end, start).plus(1)))
        .filter(col("employed_days").gt(0));
    Dataset<Row> unlisted = activity.select("shop_id", "agent_id", "month")
        .join(agents.select("agent_id"), seq("agent_id"), "left_anti")
        .join(monthTable, "month")
        .withColumn("team", lit(null).cast(DataTypes.StringType))
        .withColumn("sourcing", lit("in_house"))
        .withColumn("role", lit("pre_sales"))
        .withColumn("employment", lit("full_time"))
        .withColumn("city", lit(null).cast(DataTypes.StringType))
        .withColumn("city_tier", lit(config.defaultCityTier()))
        .withColumn("hired_on", lit(null).cast(DataTypes.DateType))
        .withColumn("left_on", lit(null).cast(DataTypes.DateType))
        .withColumn("employed_days", col("days_in_month"));
    return rosterMonths.unionByName(unlisted)
        .withColumn("city_tier", coalesce(col("city_tier").cast(DataTypes.IntegerType),
            lit(config.defaultCityTier())))
        .withColumn("employment", coalesce(col("employment"), lit("full_time")))
        .withColumn("sourcing", coalesce(col("sourcing"), lit("in_house")))
        .withColumn("role", coalesce(col("role"), lit("pre_sales")))
        .withColumn("is_full_month", col("employed_days").equalTo(col("days_in_month")));
  }

  private static Dataset<Row> categoryMonths(Dataset<Row> orders, Dataset<Row> refunds,
      Column inMonths) {
    Dataset<Row> sales = orders
        .filter(col("credited_agent_id").isNotNull().and(col("paid_date").isNotNull()))
        .withColumn("month", date_format(col("paid_date"), "yyyy-MM"))
        .filter(inMonths)
        .groupBy(col("shop_id"), col("credited_agent_id").as("agent_id"), col("month"),
            coalesce(col("category"), lit(UNKNOWN_CATEGORY)).as("category"))
        .agg(sum("amount_paid").as("sales_gross"));
    Dataset<Row> refunded = refunds
        .filter(col("credited_agent_id").isNotNull().and(col("completed_date").isNotNull()))
        .withColumn("month", date_format(col("completed_date"), "yyyy-MM"))
        .filter(inMonths)
        .groupBy(col("shop_id"), col("credited_agent_id").as("agent_id"), col("month"),
            coalesce(col("category"), lit(UNKNOWN_CATEGORY)).as("category"))
        .agg(sum("refund_amount").as("refund_amount"),
            sum(when(col("is_return"), col("refund_amount"))).as("return_refund_amount"));
    return sales.join(refunded, seq("shop_id", "agent_id", "month", "category"), "full_outer")
        .select(col("shop_id"), col("agent_id"), col("month"), col("category"),
            money(coalesce(col("sales_gross"), lit(BigDecimal.ZERO))).as("sales_gross"),
            money(coalesce(col("refund_amount"), lit(BigDecimal.ZERO))).as("refund_amount"),
            money(coalesce(col("return_refund_amount"), lit(BigDecimal.ZERO)))
                .as("return_refund_amount"));
  }

  private static Dataset<Row> shopSilentMonths(Dataset<Row> orders, Dataset<Row> refunds,
      Column inMonths) {
    Dataset<Row> sales = orders
        .filter(col("is_silent").and(col("paid_date").isNotNull()))
        .withColumn("month", date_format(col("paid_date"), "yyyy-MM"))
        .filter(inMonths)
        .groupBy("shop_id", "month").agg(sum("amount_paid").as("silent_sales_gross"));
    Dataset<Row> refunded = refunds
        .filter(col("is_silent").and(col("completed_date").isNotNull()))
        .withColumn("month", date_format(col("completed_date"), "yyyy-MM"))
        .filter(inMonths)
        .groupBy("shop_id", "month").agg(sum("refund_amount").as("silent_refunds"));
    return sales.join(refunded, seq("shop_id", "month"), "full_outer")
        .select(col("shop_id"), col("month"),
            money(coalesce(col("silent_sales_gross"), lit(BigDecimal.ZERO)))
                .as("silent_sales_gross"),
            money(coalesce(col("silent_refunds"), lit(BigDecimal.ZERO))).as("silent_refunds"));
  }
}
