package kefu.pay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * pay_distribution: per scheme x period (month, quarter, year, and 'all' = every paid month) x
 * dimension ('all'; 'category' = the agent-month's main category; 'season' = peak/normal month),
 * the distribution of agent-month net pay: exact statistics and seeded bootstrap intervals over
 * the payroll rows (agents x months x schemes).
 */
public final class PayDistribution {
  private PayDistribution() {}

  private static final org.apache.spark.sql.types.DecimalType MONEY =
      DataTypes.createDecimalType(14, 2);

  public static final StructType SCHEMA = schema();

  private static StructType schema() {
    StructType s = new StructType().add("scheme_id", DataTypes.StringType)
        .add("period_type", DataTypes.StringType).add("period", DataTypes.StringType)
        .add("dimension", DataTypes.StringType).add("dimension_value", DataTypes.StringType)
        .add("n", DataTypes.LongType);
    for (String m : List.of("mean", "median", "p10", "p25", "p75", "p90", "min", "max")) {
      s = s.add(m, MONEY);
    }
    return s.add("gini", DataTypes.DoubleType)
        .add("full_time_n", DataTypes.LongType)
        .add("below_min_wage_n", DataTypes.LongType)
        .add("share_below_min_wage", DataTypes.DoubleType)
        .add("total_payroll", MONEY)
        .add("total_sales", MONEY)
        .add("payroll_pct_of_sales", DataTypes.DoubleType)
        .add("paid_orders", DataTypes.LongType)
        .add("cost_per_paid_order", MONEY)
        .add("median_ci_low", MONEY).add("median_ci_high", MONEY)
        .add("gini_ci_low", DataTypes.DoubleType).add("gini_ci_high", DataTypes.DoubleType)
        .add("bootstrap_resamples", DataTypes.IntegerType);
  }

  /** The category of agent-months without credited sales (no main category). */
  public static final String NO_MAIN_CATEGORY = "(none)";

  private record PayRow(String scheme, String month, String quarter, String season,
      String category, double netPay, Boolean below, double sales, long orders) {}

  static LocalTable compute(PayConfig config, List<PayrollRow> payroll) {
    List<PayRow> rows = new ArrayList<>();
    for (PayrollRow p : payroll) {
      AgentMonth m = p.agentMonth();
      rows.add(new PayRow(p.schemeId(), p.month(), m.month().quarter(), m.month().season(),
          m.credit().mainCategory() == null ? NO_MAIN_CATEGORY : m.credit().mainCategory(),
          p.netPay().doubleValue(), p.isBelowMinWage(), m.credit().sales().doubleValue(),
          m.activity().paidOrders()));
    }
    String allPeriod = rows.stream().map(PayRow::month).min(String::compareTo).orElse("")
        + ".." + rows.stream().map(PayRow::month).max(String::compareTo).orElse("");
    // group key -> rows; TreeMap keeps output order deterministic.
    Map<List<String>, List<PayRow>> groups = new TreeMap<>((a, b) -> String.join("\u0000", a)
        .compareTo(String.join("\u0000", b)));
    for (PayRow r : rows) {
      String[][] periods = {{"month", r.month()}, {"quarter", r.quarter()},
          {"year", r.month().substring(0, 4)}, {"all", allPeriod}};
      String[][] dims = {{"all", "all"}, {"category", r.category()}, {"season", r.season()}};
      for (String[] p : periods) {
        for (String[] d : dims) {
          groups.computeIfAbsent(List.of(r.scheme(), p[0], p[1], d[0], d[1]),
              k -> new ArrayList<>()).add(r);
        }
      }
    }
    List<Row> out = new ArrayList<>();
    for (var e : groups.entrySet()) {
      out.add(statsRow(e.getKey(), e.getValue(), config));
    }
    return new LocalTable(SCHEMA, out);
  }

  static Row statsRow(List<String> key, List<PayRow> rows, PayConfig config) {
    double[] pay = rows.stream().mapToDouble(PayRow::netPay).toArray();
    Arrays.sort(pay);
    double total = Arrays.stream(pay).sum();
    double sales = rows.stream().mapToDouble(PayRow::sales).sum();
    long orders = rows.stream().mapToLong(PayRow::orders).sum();
    long fullTime = rows.stream().filter(r -> r.below() != null).count();
    long below = rows.stream().filter(r -> Boolean.TRUE.equals(r.below())).count();
    int resamples = config.bootstrapResamples();
    double[] ci = PayStats.bootstrap(pay, resamples,
        config.bootstrapSeed() ^ String.join("|", key).hashCode());
    return LocalTable.row(SCHEMA, key.get(0), key.get(1), key.get(2), key.get(3), key.get(4),
        (long) pay.length, money(total / pay.length), money(PayStats.percentile(pay, 0.5)),
        money(PayStats.percentile(pay, 0.10)), money(PayStats.percentile(pay, 0.25)),
        money(PayStats.percentile(pay, 0.75)), money(PayStats.percentile(pay, 0.90)),
        money(pay[0]), money(pay[pay.length - 1]), nan(PayStats.gini(pay)), fullTime, below,
        fullTime == 0 ? null : (double) below / fullTime, money(total), money(sales),
        sales > 0 ? total / sales : null, orders, orders > 0 ? money(total / orders) : null,
        money(ci[0]), money(ci[1]), nan(ci[2]), nan(ci[3]), resamples);
  }

  static BigDecimal money(double v) {
    return Double.isNaN(v) ? null : BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
  }

  private static Double nan(double v) {
    return Double.isNaN(v) ? null : v;
  }

}
