package kefu.facts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.types.DataTypes.LongType;

import java.util.ArrayList;
import java.util.List;
import kefu.marts.Period;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The shop's DSR ratings per period mask, for kefu.marts.ShopMetrics: one aggregate
 * ({@code shop_ratings}: shop_id, mask, rolling_mask, rated_orders, dsr_&lt;score&gt;_sum and
 * _count for description, service, logistics). {@code mask} holds the periods the rating date
 * falls in; {@code rolling_mask} the periods whose rolling window (the {@code rollingDays} days
 * ending with the period's last day) holds it. Every rating counts, also one whose order is not
 * in the orders table: ratings carry their shop. A rating is dated by its rating time, else by its
 * order's sale date (paid, else created), as the agents' DSR; one with neither has no period.
 */
public final class RatingFacts {
  private RatingFacts() {}

  public static final String FACT = "shop_ratings";
  /** The rolling DSR window's default length: widely repeated as Taobao's, but unsourced. */
  public static final int DEFAULT_ROLLING_DAYS = 180;
  public static final List<String> SCORES = List.of("description", "service", "logistics");

  /** @param attributedOrders the orders (line grain) with created_date and paid_date */
  public static Dataset<Row> shopRatings(Dataset<Row> ratings, Dataset<Row> attributedOrders,
      List<Period> periods, int rollingDays) {
    Dataset<Row> saleDates = attributedOrders.groupBy(col("order_id").as("s_order_id"))
        .agg(min(coalesce(col("paid_date"), col("created_date"))).as("s_sale_date"));
    Column date = coalesce(to_date(col("rated_at")), col("s_sale_date"));
    List<Column> aggs = new ArrayList<>();
    for (String score : SCORES) {
      aggs.add(coalesce(sum(col("dsr_" + score).cast(LongType)), lit(0L))
          .as("dsr_" + score + "_sum"));
      aggs.add(count("dsr_" + score).as("dsr_" + score + "_count"));
    }
    return ratings.filter(col("shop_id").isNotNull())
        .join(saleDates, col("order_id").equalTo(col("s_order_id")), "left")
        .withColumn("mask", PeriodMask.of(date, periods))
        .withColumn("rolling_mask", PeriodMask.of(date, rollingWindows(periods, rollingDays)))
        .filter(col("mask").notEqual(0).or(col("rolling_mask").notEqual(0)))
        .groupBy(col("shop_id"), col("mask"), col("rolling_mask"))
        .agg(count(lit(1)).as("rated_orders"), aggs.toArray(Column[]::new));
  }

  /** Per period (same index), the {@code days} days ending with its last day. */
  static List<Period> rollingWindows(List<Period> periods, int days) {
    if (days < 1) {
      throw new IllegalArgumentException("the DSR rolling window must be at least 1 day: "
          + days);
    }
    List<Period> windows = new ArrayList<>();
    for (Period p : periods) {
      windows.add(new Period(p.label(), p.type(), p.endExclusive().minusDays(days),
          p.endExclusive()));
    }
    return windows;
  }
}
