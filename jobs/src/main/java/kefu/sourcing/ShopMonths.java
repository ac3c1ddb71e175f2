package kefu.sourcing;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Collects the small aggregates the cost model needs to the driver: the demand mart (≤ 24 rows
 * per shop × month × day type, with the month's covered days), monthly sales and paid orders,
 * and in-house payroll totals by the agents' city tier.
 */
public final class ShopMonths {
  private ShopMonths() {}

  /**
   * @param payroll the payroll mart or null (then wages are modelled)
   * @param attributedOrders order lines with shop_id, order_id, paid_date, amount_paid, or null
   */
  public static List<ShopMonth> collect(Dataset<Row> demand, Dataset<Row> payroll,
      Dataset<Row> attributedOrders, SourcingConfig config) {
    Map<String, double[]> sales = new HashMap<>();
    if (attributedOrders != null) {
      Dataset<Row> paid = attributedOrders.filter(col("paid_date").isNotNull())
          .withColumn("month", date_format(col("paid_date"), "yyyy-MM"));
      for (Row r : withAll(paid).groupBy("shop_id", "month")
          .agg(sum("amount_paid").cast("double").as("sales"),
              countDistinct("shop_id", "order_id").as("orders")).collectAsList()) {
        sales.put(key(r.getString(0), r.getString(1)), new double[] {
            r.isNullAt(2) ? 0 : r.getDouble(2), r.getLong(3)});
      }
    }
    Map<String, List<PayrollTier>> pay = new HashMap<>();
    if (payroll != null) {
      String scheme = config.staffing().payrollScheme();
      Column chosen = StaffingParameters.CURRENT.equalsIgnoreCase(scheme)
          ? col("is_current_scheme") : col("scheme_id").equalTo(scheme);
      // agents without a city tier are priced at the configured tier
      Column tier = Arrays.asList(payroll.columns()).contains("city_tier")
          ? coalesce(col("city_tier").cast("int"), lit(config.staffing().cityTier()))
          : lit(config.staffing().cityTier());
      Dataset<Row> inHouse = payroll.filter(chosen.and(col("sourcing").equalTo("in_house")))
          .withColumn("tier", tier);
      // Ordered, so the tiers' costs add up and are named in the same order on any cluster.
      for (Row r : withAll(inHouse).groupBy("shop_id", "month", "tier")
          .agg(sum("net_pay").cast("double").as("pay"),
              countDistinct("shop_id", "agent_id").as("agents"))
          .orderBy("shop_id", "month", "tier").collectAsList()) {
        pay.computeIfAbsent(key(r.getString(0), r.getString(1)), k -> new ArrayList<>())
            .add(new PayrollTier(r.getInt(2), (int) r.getLong(4), r.isNullAt(3) ? 0
                : r.getDouble(3)));
      }
    }
    boolean hasCoveredDays = Arrays.asList(demand.columns()).contains("covered_days");
    Map<String, List<HourDemand>> hours = new TreeMap<>();
    Map<String, Integer> covered = new HashMap<>();
    // Ordered: the costs add the hours up in doubles, and a different order of the same hours
    // could move a component by a cent (and a break-even crossing) from one run to the next.
    for (Row r : demand.select(col("shop_id"), col("month"), col("day_type"), col("hour"),
        col("days"), col("receptions"), col("buyer_messages"), col("inquiries"),
        col("aht_seconds"), col("observed_concurrency"),
        hasCoveredDays ? col("covered_days") : lit(0).as("covered_days"))
        .orderBy("shop_id", "month", "day_type", "hour").collectAsList()) {
      String k = key(r.getString(0), r.getString(1));
      hours.computeIfAbsent(k, x -> new ArrayList<>())
          .add(new HourDemand(r.getString(2), r.getInt(3), r.getInt(4), r.getLong(5),
              r.getLong(6), r.getDouble(7), r.isNullAt(8) ? 0 : r.getDouble(8),
              r.isNullAt(9) ? null : r.getDouble(9)));
      covered.put(k, r.isNullAt(10) ? 0 : r.getInt(10));
    }
    List<ShopMonth> months = new ArrayList<>();
    hours.forEach((k, h) -> {
      String[] parts = k.split("\u0000");
      double[] s = sales.getOrDefault(k, new double[] {0, 0});
      List<PayrollTier> tiers = pay.get(k);
      Double payTotal = tiers == null ? null
          : tiers.stream().mapToDouble(PayrollTier::pay).sum();
      // agents are distinct within a tier; an agent moving tiers mid-month counts in both
      int agents = tiers == null ? 0 : tiers.stream().mapToInt(PayrollTier::agents).sum();
      months.add(new ShopMonth(parts[0], parts[1], h, s[0], (long) s[1], payTotal, agents,
          tiers, covered.getOrDefault(k, 0)));
    });
    return months;
  }

  private static Dataset<Row> withAll(Dataset<Row> rows) {
    return rows.unionByName(rows.withColumn("shop_id", lit(Demand.ALL_SHOPS)));
  }

  private static String key(String shop, String month) {
    return shop + "\u0000" + month;
  }
}
