package kefu.sourcing;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Collects the small aggregates the cost model needs to the driver: the demand mart (≤ 24 rows
 * per shop × month × day type), monthly sales and paid orders, and in-house payroll totals.
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
    Map<String, double[]> pay = new HashMap<>();
    if (payroll != null) {
      String scheme = config.staffing().payrollScheme();
      Column chosen = StaffingParameters.CURRENT.equalsIgnoreCase(scheme)
          ? col("is_current_scheme") : col("scheme_id").equalTo(scheme);
      Dataset<Row> inHouse = payroll.filter(chosen.and(col("sourcing").equalTo("in_house")));
      for (Row r : withAll(inHouse).groupBy("shop_id", "month")
          .agg(sum("net_pay").cast("double").as("pay"),
              countDistinct("shop_id", "agent_id").as("agents")).collectAsList()) {
        pay.put(key(r.getString(0), r.getString(1)), new double[] {
            r.isNullAt(2) ? 0 : r.getDouble(2), r.getLong(3)});
      }
    }
    Map<String, List<HourDemand>> hours = new TreeMap<>();
    for (Row r : demand.select("shop_id", "month", "day_type", "hour", "days", "receptions",
        "buyer_messages", "inquiries", "aht_seconds", "observed_concurrency").collectAsList()) {
      hours.computeIfAbsent(key(r.getString(0), r.getString(1)), k -> new ArrayList<>())
          .add(new HourDemand(r.getString(2), r.getInt(3), r.getInt(4), r.getLong(5),
              r.getLong(6), r.getDouble(7), r.isNullAt(8) ? 0 : r.getDouble(8),
              r.isNullAt(9) ? null : r.getDouble(9)));
    }
    List<ShopMonth> months = new ArrayList<>();
    hours.forEach((k, h) -> {
      String[] parts = k.split("\u0000");
      double[] s = sales.getOrDefault(k, new double[] {0, 0});
      double[] p = pay.get(k);
      months.add(new ShopMonth(parts[0], parts[1], h, s[0], (long) s[1],
          p == null ? null : p[0], p == null ? 0 : (int) p[1]));
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
