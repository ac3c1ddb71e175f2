package kefu.seasonal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kefu.derive.Receptions;
import kefu.spark.Ddl;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code category_pay} mart: what agents of a category earn under each scheme. Each agent
 * is assigned to the category most of their credited paid sales (paid in the payroll's months)
 * came from; agents without credited sales keep the payroll's main_category, else 'unknown'.
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
 * from the payroll), suppressed, suppression_note. Activity columns are null without agent_daily
 * days.
 */
public final class CategoryPay {
  private CategoryPay() {}

  public static final StructType SCHEMA = Ddl.schema("category STRING, "
      + "period_type STRING, period STRING, scheme_id STRING, scheme_name STRING, "
      + "is_current_scheme BOOLEAN, agents BIGINT, agent_months BIGINT, mixed_agents BIGINT, "
      + "pay_mean DECIMAL(14,2), pay_p10 DECIMAL(14,2), pay_p25 DECIMAL(14,2), "
      + "pay_median DECIMAL(14,2), pay_p75 DECIMAL(14,2), pay_p90 DECIMAL(14,2), "
      + "paid_orders BIGINT, pay_per_paid_order DECIMAL(14,2), inquiry_buyers BIGINT, "
      + "inquiry_paid_buyers BIGINT, conversion DOUBLE, sold_units BIGINT, return_count BIGINT, "
      + "return_rate DOUBLE, suppressed BOOLEAN, suppression_note STRING");

  public static final List<String> PAY_COLUMNS = List.of("pay_mean", "pay_p10", "pay_p25",
      "pay_median", "pay_p75", "pay_p90", "pay_per_paid_order");

  private static final double[] QUANTILES = {0.1, 0.25, 0.5, 0.75, 0.9};

  /** An agent's category: the main one of their sales, its share, and whether it is mixed. */
  public record Assignment(String mainCategory, Double mainCategoryShare, boolean isMixed) {}

  /**
   * Per agent ("shop\0agent") of the payroll: the category of most of their credited paid sales
   * in the payroll's months (ties: the first name), else the payroll's main_category.
   *
   * @param sales credited sales by (shop_id, agent_id, month, category) (kefu.facts.CreditFacts)
   */
  public static Map<String, Assignment> assignments(LocalTable payroll, LocalTable sales,
      CategoryPayOptions options) {
    Set<String> months = new HashSet<>();
    Map<String, String> payrollCategory = new TreeMap<>();
    for (Row r : payroll.sorted("shop_id", "agent_id", "month").rows()) {
      months.add(r.getAs("month"));
      String agent = agent(r);
      String main = r.getAs("main_category");
      if (!payrollCategory.containsKey(agent) || payrollCategory.get(agent) == null) {
        payrollCategory.put(agent, main);
      }
    }
    Map<String, Map<String, BigDecimal>> byCategory = new HashMap<>();
    for (Row r : sales.rows()) {
      if (months.contains(r.<String>getAs("month"))) {
        byCategory.computeIfAbsent(agent(r), k -> new TreeMap<>())
            .merge(r.getAs("category"), r.getAs("sales_gross"), BigDecimal::add);
      }
    }
    Map<String, Assignment> out = new HashMap<>();
    payrollCategory.forEach((agent, fromPayroll) -> {
      String main = null;
      BigDecimal best = null;
      BigDecimal total = BigDecimal.ZERO;
      for (var e : byCategory.getOrDefault(agent, Map.of()).entrySet()) {
        total = total.add(e.getValue());
        if (best == null || e.getValue().compareTo(best) > 0) {
          main = e.getKey();
          best = e.getValue();
        }
      }
      Double share = main != null && total.signum() > 0
          ? best.doubleValue() / total.doubleValue() : null;
      String category = share != null ? main : fromPayroll != null ? fromPayroll : "unknown";
      out.put(agent, new Assignment(category, share,
          share != null && share < options.mixedShare()));
    });
    return out;
  }

  /** One agent-month of a scheme with the agent's category and activity. */
  private record AgentMonth(String shopId, String agentId, String category, boolean isMixed,
      Row payroll, long[] activity) {}

  /**
   * The mart from the period's payroll mart, the credited sales (as {@link #assignments}) and the
   * agent_daily mart (may be null: then the activity columns are null).
   */
  public static LocalTable build(LocalTable payroll, LocalTable sales, LocalTable agentDaily,
      CategoryPayOptions options) {
    Map<String, Assignment> assigned = assignments(payroll, sales, options);
    Map<String, long[]> activity = new HashMap<>();
    if (agentDaily != null) {
      for (Row r : agentDaily.rows()) {
        if (Receptions.isPerson((String) r.getAs("agent_id"))) {
          long[] a = activity.computeIfAbsent(agent(r) + "\u0000"
              + r.getAs("business_date").toString().substring(0, 7), k -> new long[4]);
          a[0] += ((Number) r.getAs("inquiry_buyers")).longValue();
          a[1] += ((Number) r.getAs("inquiry_paid_buyers")).longValue();
          a[2] += ((Number) r.getAs("sold_units")).longValue();
          a[3] += ((Number) r.getAs("return_count")).longValue();
        }
      }
    }
    String span = payroll.rows().stream().map(r -> r.<String>getAs("month")).min(String::compareTo)
        .orElse(null) + ".." + payroll.rows().stream().map(r -> r.<String>getAs("month"))
        .max(String::compareTo).orElse(null);
    Map<List<String>, List<AgentMonth>> cells = new TreeMap<>((a, b) -> String.join("\u0000", a)
        .compareTo(String.join("\u0000", b)));
    for (Row r : payroll.rows()) {
      Assignment a = assigned.get(agent(r));
      AgentMonth m = new AgentMonth(r.getAs("shop_id"), r.getAs("agent_id"), a.mainCategory(),
          a.isMixed(), r, activity.get(agent(r) + "\u0000" + r.getAs("month")));
      for (List<String> period : List.of(List.of("period", span),
          List.of("month", r.<String>getAs("month")))) {
        cells.computeIfAbsent(List.of(a.mainCategory(), period.get(0), period.get(1),
            r.getAs("scheme_id")), k -> new ArrayList<>()).add(m);
      }
    }
    List<Row> rows = new ArrayList<>();
    cells.forEach((key, months) -> rows.add(cell(key, months, options)));
    return new LocalTable(SCHEMA, rows);
  }

  private static Row cell(List<String> key, List<AgentMonth> months,
      CategoryPayOptions options) {
    Set<String> agents = new HashSet<>();
    Set<String> mixed = new HashSet<>();
    double[] pay = new double[months.size()];
    BigDecimal total = BigDecimal.ZERO;
    long paidOrders = 0;
    Long[] activity = new Long[4];
    for (int i = 0; i < months.size(); i++) {
      AgentMonth m = months.get(i);
      agents.add(m.shopId() + "\u0000" + m.agentId());
      if (m.isMixed()) {
        mixed.add(m.shopId() + "\u0000" + m.agentId());
      }
      BigDecimal net = m.payroll().getAs("net_pay");
      pay[i] = net.doubleValue();
      total = total.add(net);
      paidOrders += ((Number) m.payroll().getAs("paid_orders")).longValue();
      if (m.activity() != null) {
        for (int a = 0; a < 4; a++) {
          activity[a] = (activity[a] == null ? 0 : activity[a]) + m.activity()[a];
        }
      }
    }
    Arrays.sort(pay);
    boolean suppressed = agents.size() < options.minAgents();
    Row first = months.get(0).payroll();
    List<Object> v = new ArrayList<>(List.of(key.get(0), key.get(1), key.get(2), key.get(3),
        first.getAs("scheme_name"), first.getAs("is_current_scheme"), (long) agents.size(),
        (long) months.size(), (long) mixed.size()));
    v.add(suppressed ? null : total.divide(BigDecimal.valueOf(months.size()), 16,
        RoundingMode.HALF_UP).setScale(2, RoundingMode.HALF_UP));
    for (double q : QUANTILES) {
      v.add(suppressed ? null : fen(percentile(pay, q)));
    }
    v.add(paidOrders);
    v.add(suppressed || paidOrders == 0 ? null : fen(total.doubleValue() / paidOrders));
    v.addAll(Arrays.asList(activity[0], activity[1], ratio(activity[1], activity[0]),
        activity[2], activity[3], ratio(activity[3], paidOrders), suppressed,
        suppressed ? "fewer than " + options.minAgents() + " agents (" + agents.size()
            + "): pay figures withheld so no individual's pay can be inferred" : null));
    return LocalTable.row(SCHEMA, v.toArray());
  }

  /**
   * Linear interpolation between the order statistics around position (n - 1) p, each weighted
   * by its distance from the position.
   */
  static double percentile(double[] sorted, double p) {
    double position = (sorted.length - 1) * p;
    int lower = (int) Math.floor(position);
    int higher = (int) Math.ceil(position);
    if (higher == lower || sorted[higher] == sorted[lower]) {
      return sorted[lower];
    }
    return (higher - position) * sorted[lower] + (position - lower) * sorted[higher];
  }

  private static BigDecimal fen(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
  }

  private static Double ratio(Long numerator, Long denominator) {
    return numerator == null || denominator == null || denominator <= 0 ? null
        : (double) numerator / denominator;
  }

  private static String agent(Row r) {
    return r.getAs("shop_id") + "\u0000" + r.getAs("agent_id");
  }
}
