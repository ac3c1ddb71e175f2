package kefu.seasonal;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The {@code category_pay} mart: what agents of a category earn under each scheme. Each agent
 * is assigned to the category most of their credited paid sales (amount_paid of lines credited
 * to them, paid in the payroll's months) came from; agents without credited sales keep the
 * payroll's main_category, else 'unknown'.
 *
 * <p>One row per category x period x scheme, where period is the whole span of the payroll's
 * months ({@code 2024-01..2024-12}, period_type 'period') and each month (period_type 'month').
 * Pay figures are over agent-months' net_pay. A cell with fewer than
 * {@link CategoryPayOptions#minAgents()} agents is suppressed: every pay figure is null and
 * suppression_note says why (counts and activity stay, they reveal no one's pay).
 *
 * <p>Columns: category, period_type, period, scheme_id, scheme_name, is_current_scheme, agents,
 * agent_months, mixed_agents, pay_mean, pay_p10, pay_p25, pay_median, pay_p75, pay_p90 (decimal
 * 14,2), paid_orders, pay_per_paid_order (decimal 14,2), inquiry_buyers, inquiry_paid_buyers,
 * conversion, sold_units, return_count, return_rate (return_count / paid_orders, paid sub-orders
 * from the payroll), suppressed, suppression_note. Activity columns are null without agent_daily.
 */
public final class CategoryPay {
  private CategoryPay() {}

  public static final List<String> PAY_COLUMNS = List.of("pay_mean", "pay_p10", "pay_p25",
      "pay_median", "pay_p75", "pay_p90", "pay_per_paid_order");

  /**
   * Per agent (shop_id, agent_id): main_category, main_category_share (null when taken from
   * the payroll), is_mixed.
   */
  public static Dataset<Row> assignments(Dataset<Row> payroll, Dataset<Row> attributedOrders,
      CategoryPayOptions options) {
    Dataset<Row> months = payroll.select("month").distinct();
    Dataset<Row> sales = attributedOrders
        .where(col("paid_date").isNotNull().and(col("credited_agent_id").isNotNull()))
        .withColumn("month", date_format(col("paid_date"), "yyyy-MM"))
        .join(months, "month")
        .groupBy(col("shop_id"), col("credited_agent_id").as("agent_id"),
            coalesce(col("category"), lit("unknown")).as("category"))
        .agg(sum("amount_paid").as("sales"));
    var agent = Window.partitionBy("shop_id", "agent_id");
    Dataset<Row> main = sales
        .withColumn("total", sum("sales").over(agent))
        .withColumn("rank", row_number().over(agent.orderBy(col("sales").desc(),
            col("category"))))
        .where(col("rank").equalTo(1).and(col("total").gt(0)))
        .select(col("shop_id"), col("agent_id"), col("category").as("sales_category"),
            col("sales").cast("double").divide(col("total").cast("double"))
                .as("main_category_share"));
    Dataset<Row> fromPayroll = payroll.groupBy("shop_id", "agent_id")
        .agg(first("main_category", true).as("payroll_category"));
    return fromPayroll.join(main, new String[] {"shop_id", "agent_id"}, "left")
        .select(col("shop_id"), col("agent_id"),
            coalesce(col("sales_category"), col("payroll_category"), lit("unknown"))
                .as("main_category"),
            col("main_category_share"),
            coalesce(col("main_category_share").lt(lit(options.mixedShare())), lit(false))
                .as("is_mixed"));
  }

  /** The mart; {@code agentDaily} may be null (then the activity columns are null). */
  public static Dataset<Row> build(Dataset<Row> payroll, Dataset<Row> attributedOrders,
      Dataset<Row> agentDaily, CategoryPayOptions options) {
    Dataset<Row> agentMonths = payroll
        .select("shop_id", "agent_id", "month", "scheme_id", "scheme_name", "is_current_scheme",
            "net_pay", "paid_orders")
        .join(assignments(payroll, attributedOrders, options), new String[] {"shop_id",
            "agent_id"});
    if (agentDaily != null) {
      Dataset<Row> activity = agentDaily
          .withColumn("month", date_format(col("business_date"), "yyyy-MM"))
          .groupBy("shop_id", "agent_id", "month")
          .agg(sum("inquiry_buyers").as("inquiry_buyers"),
              sum("inquiry_paid_buyers").as("inquiry_paid_buyers"),
              sum("sold_units").as("sold_units"), sum("return_count").as("return_count"));
      agentMonths = agentMonths.join(activity, new String[] {"shop_id", "agent_id", "month"},
          "left");
    } else {
      for (String c : List.of("inquiry_buyers", "inquiry_paid_buyers", "sold_units",
          "return_count")) {
        agentMonths = agentMonths.withColumn(c, lit(null).cast("bigint"));
      }
    }
    // the whole span as one period label, computed in the plan (no collect)
    Dataset<Row> span = payroll.agg(concat(min("month"), lit(".."), max("month")).as("span"));
    Dataset<Row> whole = agentMonths.crossJoin(span)
        .withColumn("period_type", lit("period")).withColumn("period", col("span")).drop("span");
    Dataset<Row> monthly = agentMonths.withColumn("period_type", lit("month"))
        .withColumn("period", col("month"));
    return summarise(whole.unionByName(monthly), options);
  }

  private static Dataset<Row> summarise(Dataset<Row> rows, CategoryPayOptions options) {
    Dataset<Row> cells = rows
        .groupBy(col("main_category").as("category"), col("period_type"), col("period"),
            col("scheme_id"))
        .agg(first("scheme_name").as("scheme_name"),
            first("is_current_scheme").as("is_current_scheme"),
            countDistinct("shop_id", "agent_id").as("agents"),
            count(lit(1)).as("agent_months"),
            countDistinct(when(col("is_mixed"), col("shop_id")), col("agent_id"))
                .as("mixed_agents"),
            // in decimal: a mean of doubles depends on the order executors add them up
            avg(col("net_pay")).as("mean"),
            expr("percentile(cast(net_pay as double), array(0.1, 0.25, 0.5, 0.75, 0.9))")
                .as("q"),
            sum("net_pay").as("net_pay_total"),
            sum("paid_orders").cast("bigint").as("paid_orders"),
            sum("inquiry_buyers").cast("bigint").as("inquiry_buyers"),
            sum("inquiry_paid_buyers").cast("bigint").as("inquiry_paid_buyers"),
            sum("sold_units").cast("bigint").as("sold_units"),
            sum("return_count").cast("bigint").as("return_count"));
    Column suppressed = col("agents").lt(lit(options.minAgents()));
    return cells.select(
        col("category"), col("period_type"), col("period"), col("scheme_id"),
        col("scheme_name"), col("is_current_scheme"), col("agents"), col("agent_months"),
        col("mixed_agents"),
        shown(suppressed, col("mean")).as("pay_mean"),
        shown(suppressed, col("q").getItem(0)).as("pay_p10"),
        shown(suppressed, col("q").getItem(1)).as("pay_p25"),
        shown(suppressed, col("q").getItem(2)).as("pay_median"),
        shown(suppressed, col("q").getItem(3)).as("pay_p75"),
        shown(suppressed, col("q").getItem(4)).as("pay_p90"),
        col("paid_orders"),
        shown(suppressed, when(col("paid_orders").gt(0),
            col("net_pay_total").cast("double").divide(col("paid_orders"))))
            .as("pay_per_paid_order"),
        col("inquiry_buyers"), col("inquiry_paid_buyers"),
        ratio(col("inquiry_paid_buyers"), col("inquiry_buyers")).as("conversion"),
        col("sold_units"), col("return_count"),
        ratio(col("return_count"), col("paid_orders")).as("return_rate"),
        suppressed.as("suppressed"),
        when(suppressed, concat(lit("fewer than " + options.minAgents() + " agents ("),
            col("agents").cast("string"), lit("): pay figures withheld so no individual's pay "
                + "can be inferred"))).as("suppression_note"))
        .orderBy("category", "period_type", "period", "scheme_id");
  }

  private static Column shown(Column suppressed, Column money) {
    return when(not(suppressed), money.cast("decimal(14,2)"));
  }

  private static Column ratio(Column numerator, Column denominator) {
    return when(denominator.gt(0), numerator.cast("double").divide(denominator));
  }

  static List<String> columns() {
    return new ArrayList<>(List.of("category", "period_type", "period", "scheme_id",
        "scheme_name", "is_current_scheme", "agents", "agent_months", "mixed_agents", "pay_mean",
        "pay_p10", "pay_p25", "pay_median", "pay_p75", "pay_p90", "paid_orders",
        "pay_per_paid_order", "inquiry_buyers", "inquiry_paid_buyers", "conversion",
        "sold_units", "return_count", "return_rate", "suppressed", "suppression_note"));
  }
}
