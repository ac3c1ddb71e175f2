package kefu.seasonal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import kefu.derive.Receptions;
import kefu.facts.SeasonalFacts;
import kefu.spark.Ddl;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The daily series behind the seasonal analyses (the seasonal_daily mart): one row per
 * business_date x category (category {@value #ALL} = all categories together) with additive
 * numerator/denominator columns, so any window's level is a plain sum. The day's counts come from
 * the row tier ({@link SeasonalFacts}, where the columns are described), 0 on days without; the
 * chat columns are for category ALL only (null elsewhere); then per pay scheme S:
 * {@code pay_net__S} (decimal(18,4)) and {@code pay_agent_days__S}: each agent-month's net_pay
 * spread evenly over that agent's active days of the month (a day with receptions or paid orders
 * in agent_daily, the payroll's own definition of active_days), under the agent's main category;
 * so a window's pay level is the daily equivalent pay per active agent-day. Agent-months without
 * an active day are left out.
 *
 * <p>Missing categories are reported as 'unknown' so the categories add up to ALL (except for
 * distinct counts, where a buyer or order in two categories counts once in ALL).
 */
public final class SeasonalSeries {
  private SeasonalSeries() {}

  public static final String ALL = SeasonalFacts.ALL;

  /** Count columns filled with 0 on days without activity. */
  static final List<String> COUNTS = List.of("orders", "paid_orders", "paid_amount", "sold_units",
      "inquiry_buyers", "inquiry_paid_buyers", "refunded_units_by_sale", "returned_units_by_sale",
      "refunds_completed", "returns_completed", "refunded_units_completed");
  static final List<String> CHAT = List.of("receptions", "replied_receptions",
      "first_response_seconds_sum", "first_response_count", "peak_receptions_per_agent");

  /** The columns of the series with pay columns for {@code schemes}. */
  public static StructType schema(List<String> schemes) {
    StructType s = Ddl.schema("business_date DATE, category STRING");
    for (String c : COUNTS) {
      s = s.add(c, c.equals("paid_amount") ? DataTypes.createDecimalType(18, 2)
          : DataTypes.LongType);
    }
    for (String c : CHAT) {
      s = s.add(c, c.equals("peak_receptions_per_agent") ? DataTypes.DoubleType
          : DataTypes.LongType);
    }
    for (String scheme : schemes) {
      s = s.add(SeasonalMetric.PAY_PREFIX + scheme, DataTypes.createDecimalType(18, 4))
          .add(SeasonalMetric.PAY_DAYS_PREFIX + scheme, DataTypes.LongType);
    }
    return s;
  }

  /**
   * The series from the row tier's daily sums ({@link SeasonalFacts#daily}), the payroll history
   * mart and the agent_daily mart; {@code payroll} and {@code agentDaily} may be null (then no
   * pay columns).
   */
  public static LocalTable daily(LocalTable facts, LocalTable payroll, LocalTable agentDaily) {
    Map<Key, Object[]> days = new TreeMap<>();
    for (Row r : facts.rows()) {
      Object[] v = days.computeIfAbsent(key(r.getAs("business_date"), r.getAs("category")),
          k -> new Object[COUNTS.size() + CHAT.size()]);
      for (int i = 0; i < v.length; i++) {
        String c = i < COUNTS.size() ? COUNTS.get(i) : CHAT.get(i - COUNTS.size());
        v[i] = r.getAs(c);
      }
    }
    List<String> schemes = new ArrayList<>();
    Map<Key, Map<String, Pay>> pay = new HashMap<>();
    if (payroll != null && agentDaily != null) {
      schemes.addAll(new TreeSet<>(payroll.rows().stream()
          .map(r -> r.<String>getAs("scheme_id")).toList()));
      spreadPay(payroll, agentDaily, pay);
      pay.keySet().forEach(k -> days.computeIfAbsent(k,
          x -> new Object[COUNTS.size() + CHAT.size()]));
    }
    StructType schema = schema(schemes);
    List<Row> rows = new ArrayList<>(days.size());
    days.forEach((k, v) -> {
      List<Object> row = new ArrayList<>(List.of(java.sql.Date.valueOf(k.date()), k.category()));
      for (int i = 0; i < COUNTS.size(); i++) {
        row.add(COUNTS.get(i).equals("paid_amount")
            ? (v[i] == null ? BigDecimal.ZERO : (BigDecimal) v[i]).setScale(2,
                RoundingMode.HALF_UP)
            : v[i] == null ? 0L : ((Number) v[i]).longValue());
      }
      boolean all = ALL.equals(k.category());
      for (int i = 0; i < CHAT.size(); i++) {
        Object c = v[COUNTS.size() + i];
        boolean fraction = CHAT.get(i).equals("peak_receptions_per_agent");
        row.add(!all ? null : fraction ? (c == null ? 0.0 : ((Number) c).doubleValue())
            : c == null ? 0L : ((Number) c).longValue());
      }
      Map<String, Pay> byScheme = pay.getOrDefault(k, Map.of());
      for (String s : schemes) {
        Pay p = byScheme.get(s);
        row.add(p == null ? BigDecimal.ZERO.setScale(4) : p.net);
        row.add(p == null ? 0L : p.agentDays);
      }
      rows.add(LocalTable.row(schema, row.toArray()));
    });
    return new LocalTable(schema, rows);
  }

  private record Key(LocalDate date, String category) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = date.compareTo(o.date);
      return c != 0 ? c : category.compareTo(o.category);
    }
  }

  private static Key key(Object date, String category) {
    return new Key(date instanceof LocalDate d ? d : ((java.sql.Date) date).toLocalDate(),
        category);
  }

  private static final class Pay {
    BigDecimal net = BigDecimal.ZERO.setScale(4);
    long agentDays;
  }

  /** Each agent-month's net pay spread evenly over its active days, under its main category. */
  private static void spreadPay(LocalTable payroll, LocalTable agentDaily,
      Map<Key, Map<String, Pay>> pay) {
    Map<String, List<LocalDate>> activeDays = new HashMap<>();
    for (Row r : agentDaily.rows()) {
      String agent = r.getAs("agent_id");
      if (Receptions.isPerson(agent) && (((Number) r.getAs("receptions")).longValue() > 0
          || ((Number) r.getAs("paid_orders")).longValue() > 0)) {
        LocalDate day = key(r.getAs("business_date"), "").date();
        activeDays.computeIfAbsent(r.getAs("shop_id") + "\u0000" + agent + "\u0000"
            + day.toString().substring(0, 7), x -> new ArrayList<>()).add(day);
      }
    }
    for (Row p : payroll.rows()) {
      List<LocalDate> active = activeDays.get(p.getAs("shop_id") + "\u0000"
          + p.getAs("agent_id") + "\u0000" + p.getAs("month"));
      if (active == null) {
        continue;
      }
      String scheme = p.getAs("scheme_id");
      String main = p.getAs("main_category");
      BigDecimal daily = ((BigDecimal) p.getAs("net_pay"))
          .divide(BigDecimal.valueOf(active.size()), 4, RoundingMode.HALF_UP);
      for (LocalDate day : active) {
        for (String category : List.of(main == null ? "unknown" : main, ALL)) {
          Pay sum = pay.computeIfAbsent(new Key(day, category), k -> new HashMap<>())
              .computeIfAbsent(scheme, k -> new Pay());
          sum.net = sum.net.add(daily);
          sum.agentDays++;
        }
      }
    }
  }
}
