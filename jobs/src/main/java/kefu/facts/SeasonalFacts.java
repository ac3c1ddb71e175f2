package kefu.facts;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.bool_or;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The daily series behind the seasonal analyses, before pay (kefu.seasonal.SeasonalSeries adds
 * the pay columns and the zeros): one row per business_date x category ({@link #ALL} = all
 * categories together, a missing category is 'unknown') with the day's sums, null where the day
 * had none of a measure:
 * <ul>
 *   <li>{@code orders}: distinct orders by created_date;
 *   <li>{@code paid_orders}, {@code paid_amount}, {@code sold_units}: paid lines by paid_date;
 *   <li>{@code inquiry_buyers}, {@code inquiry_paid_buyers}: distinct shop x buyer by
 *       inquiry_date;
 *   <li>{@code refunded_units_by_sale}, {@code returned_units_by_sale}: refunded units by the sale
 *       date of the refunded order;
 *   <li>{@code refunds_completed}, {@code returns_completed}, {@code refunded_units_completed}:
 *       by completed_date;
 *   <li>chat, category ALL only: {@code receptions}, {@code replied_receptions},
 *       {@code first_response_seconds_sum}, {@code first_response_count},
 *       {@code peak_receptions_per_agent} (max over the day's 24 hours of receptions started in
 *       the hour / distinct agents with a reception started in that hour).
 * </ul>
 * Distinct counts under ALL count a buyer or order in two categories once.
 */
public final class SeasonalFacts {
  private SeasonalFacts() {}

  public static final String ALL = "ALL";

  /** The measures summed per day (peak_receptions_per_agent is a maximum). */
  public static final List<String> MEASURES = List.of("orders", "paid_orders", "paid_amount",
      "sold_units", "inquiry_buyers", "inquiry_paid_buyers", "refunded_units_by_sale",
      "returned_units_by_sale", "refunds_completed", "returns_completed",
      "refunded_units_completed", "receptions", "replied_receptions",
      "first_response_seconds_sum", "first_response_count", "peak_receptions_per_agent");

  public static Dataset<Row> daily(Dataset<Row> attributedOrders, Dataset<Row> attributedRefunds,
      Dataset<Row> inquiries, Dataset<Row> receptions) {
    List<Dataset<Row>> parts = List.of(orders(attributedOrders), paid(attributedOrders),
        refundsBySale(attributedRefunds), refundsCompleted(attributedRefunds),
        inquiries(inquiries), chat(receptions), peak(receptions));
    Dataset<Row> union = parts.get(0);
    for (Dataset<Row> p : parts.subList(1, parts.size())) {
      union = union.unionByName(p, true);
    }
    List<Column> sums = new ArrayList<>();
    for (String c : MEASURES) {
      sums.add(c.equals("peak_receptions_per_agent") ? max(c).as(c) : sum(c).as(c));
    }
    return union.groupBy("business_date", "category")
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
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
            sum("quantity").cast(LongType).as("sold_units"));
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
        .agg(max(col("started").cast(DoubleType).divide(col("agents")))
            .as("peak_receptions_per_agent"))
        .withColumn("category", lit(ALL));
  }
}
