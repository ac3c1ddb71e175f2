package kefu.sourcing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;

/**
 * The shop-months the cost model prices, from small tables: the demand mart (≤ 24 rows per
 * shop × month × day type, with the month's covered days), monthly sales and paid orders per
 * shop, and in-house payroll totals by the agents' city tier (each also summed over all shops).
 */
public final class ShopMonths {
  private ShopMonths() {}

  /**
   * @param payroll the payroll mart or null (then wages are modelled)
   * @param shopSales (shop_id, month, sales, credited_sales, paid_orders) of every paid line,
   *     or null
   */
  public static List<ShopMonth> of(LocalTable demand, LocalTable payroll, LocalTable shopSales,
      SourcingConfig config) {
    Map<String, double[]> sales = new HashMap<>();
    if (shopSales != null) {
      Map<String, BigDecimal> amounts = new HashMap<>();
      Map<String, BigDecimal> credited = new HashMap<>();
      Map<String, Long> orders = new HashMap<>();
      for (Row r : shopSales.rows()) {
        for (String shop : List.of(r.<String>getAs("shop_id"), Demand.ALL_SHOPS)) {
          String k = key(shop, r.getAs("month"));
          amounts.merge(k, r.getAs("sales"), BigDecimal::add);
          credited.merge(k, r.getAs("credited_sales"), BigDecimal::add);
          orders.merge(k, r.getAs("paid_orders"), Long::sum);
        }
      }
      amounts.forEach((k, v) -> sales.put(k, new double[] {v.doubleValue(), orders.get(k),
          credited.get(k).doubleValue()}));
    }
    Map<String, List<PayrollTier>> pay = new HashMap<>();
    if (payroll != null) {
      String scheme = config.staffing().payrollScheme();
      boolean current = StaffingParameters.CURRENT.equalsIgnoreCase(scheme);
      // Ordered by shop, month and tier, so the tiers' costs add up and are named in order.
      Map<List<Object>, BigDecimal> tierPay = new TreeMap<>(ShopMonths::compareKeys);
      Map<List<Object>, Set<String>> tierAgents = new HashMap<>();
      for (Row r : payroll.rows()) {
        boolean chosen = current ? Boolean.TRUE.equals(r.getAs("is_current_scheme"))
            : scheme.equals(r.getAs("scheme_id"));
        if (!chosen || !"in_house".equals(r.getAs("sourcing"))) {
          continue;
        }
        // agents without a city tier are priced at the configured tier
        Integer tier = r.getAs("city_tier");
        int cityTier = tier == null ? config.staffing().cityTier() : tier;
        for (String shop : List.of(r.<String>getAs("shop_id"), Demand.ALL_SHOPS)) {
          List<Object> k = List.of(shop, r.getAs("month"), cityTier);
          tierPay.merge(k, r.getAs("net_pay"), BigDecimal::add);
          tierAgents.computeIfAbsent(k, x -> new HashSet<>())
              .add(r.getAs("shop_id") + "\u0000" + r.getAs("agent_id"));
        }
      }
      tierPay.forEach((k, v) -> pay.computeIfAbsent(key((String) k.get(0), (String) k.get(1)),
          x -> new ArrayList<>()).add(new PayrollTier((int) k.get(2),
              tierAgents.get(k).size(), v.doubleValue())));
    }
    Map<String, List<HourDemand>> hours = new TreeMap<>();
    Map<String, Integer> covered = new HashMap<>();
    // Ordered: the costs add the hours up in doubles, and a different order of the same hours
    // could move a component by a cent (and a break-even crossing) from one run to the next.
    for (Row r : demand.sorted("shop_id", "month", "day_type", "hour").rows()) {
      String k = key(r.getAs("shop_id"), r.getAs("month"));
      Double aht = r.getAs("aht_seconds");
      hours.computeIfAbsent(k, x -> new ArrayList<>())
          .add(new HourDemand(r.getAs("day_type"), r.getAs("hour"), r.getAs("days"),
              r.<Long>getAs("receptions"), r.<Long>getAs("buyer_messages"),
              r.<Double>getAs("inquiries"), aht == null ? 0 : aht,
              r.getAs("observed_concurrency")));
      Integer days = r.getAs("covered_days");
      covered.put(k, days == null ? 0 : days);
    }
    List<ShopMonth> months = new ArrayList<>();
    hours.forEach((k, h) -> {
      String[] parts = k.split("\u0000");
      double[] s = sales.get(k);
      List<PayrollTier> tiers = pay.get(k);
      Double payTotal = tiers == null ? null
          : tiers.stream().mapToDouble(PayrollTier::pay).sum();
      // agents are distinct within a tier; an agent moving tiers mid-month counts in both
      int agents = tiers == null ? 0 : tiers.stream().mapToInt(PayrollTier::agents).sum();
      // a month without paid orders sold nothing; without the order table, credit is unknown
      months.add(new ShopMonth(parts[0], parts[1], h, s == null ? 0 : s[0],
          s == null ? 0 : (long) s[1], payTotal, agents, tiers, covered.getOrDefault(k, 0),
          s != null ? Double.valueOf(s[2]) : shopSales != null ? Double.valueOf(0) : null));
    });
    return months;
  }

  private static int compareKeys(List<Object> a, List<Object> b) {
    int c = ((String) a.get(0)).compareTo((String) b.get(0));
    c = c != 0 ? c : ((String) a.get(1)).compareTo((String) b.get(1));
    return c != 0 ? c : Integer.compare((int) a.get(2), (int) b.get(2));
  }

  private static String key(String shop, String month) {
    return shop + "\u0000" + month;
  }
}
