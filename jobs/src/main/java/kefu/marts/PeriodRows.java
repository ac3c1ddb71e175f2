package kefu.marts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kefu.facts.PeriodMask;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;

/**
 * A mart at (grain, period) grain, summed on the driver: every fact row adds its measures to the
 * rows of each period it belongs to (its date, or its {@link PeriodMask}). Counts are longs and
 * money decimal(14,2); a measure no fact gave is 0. A period row exists once any fact gave it.
 */
public final class PeriodRows {
  private final List<Period> periods;
  private final String[] money;
  private final Map<List<String>, Map<String, Object>> rows = new TreeMap<>((a, b) -> {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  });

  /** @param money the measures that are money (the others are counts) */
  PeriodRows(List<Period> periods, String... money) {
    this.periods = periods;
    this.money = money;
  }

  /**
   * Adds each row of {@code fact} to the periods of its {@code mask} column, the fact's columns
   * named as {@code measures}' keys going to the mart columns named as their values.
   */
  PeriodRows addByMask(LocalTable fact, String[] grain, Map<String, String> measures) {
    return addByMask(fact, "mask", grain, measures);
  }

  /** As {@link #addByMask(LocalTable, String[], Map)}, by the mask in {@code maskColumn}. */
  PeriodRows addByMask(LocalTable fact, String maskColumn, String[] grain,
      Map<String, String> measures) {
    for (Row r : fact.rows()) {
      for (Period p : PeriodMask.periods(r.<Long>getAs(maskColumn), periods)) {
        Map<String, Object> row = row(r, grain, p);
        measures.forEach((from, to) -> add(row, to, r.getAs(from)));
      }
    }
    return this;
  }

  /**
   * Adds the counts of {@code fact} (mask, paid_mask, count) of distinct things: to
   * {@code counted} in the periods of the mask, to {@code paidCounted} in those of the paid mask.
   */
  PeriodRows addDistinct(LocalTable fact, String[] grain, String count, String counted,
      String paidCounted) {
    for (Row r : fact.rows()) {
      long n = r.<Long>getAs(count);
      for (Period p : PeriodMask.periods(r.<Long>getAs("mask"), periods)) {
        add(row(r, grain, p), counted, n);
      }
      if (paidCounted != null) {
        for (Period p : PeriodMask.periods(r.<Long>getAs("paid_mask"), periods)) {
          add(row(r, grain, p), paidCounted, n);
        }
      }
    }
    return this;
  }

  /** Adds each dated row of {@code table} to the periods that hold its {@code dateColumn}. */
  PeriodRows addByDate(LocalTable table, String dateColumn, String[] grain, String... measures) {
    for (Row r : table.rows()) {
      java.time.LocalDate date = ((java.sql.Date) r.getAs(dateColumn)).toLocalDate();
      for (Period p : periods) {
        if (p.contains(date)) {
          Map<String, Object> row = row(r, grain, p);
          for (String m : measures) {
            add(row, m, r.getAs(m));
          }
        }
      }
    }
    return this;
  }

  private Map<String, Object> row(Row r, String[] grain, Period p) {
    List<String> key = new ArrayList<>();
    for (String g : grain) {
      key.add(r.getAs(g));
    }
    key.add(p.type());
    key.add(p.label());
    return rows.computeIfAbsent(key, k -> new LinkedHashMap<>());
  }

  private static void add(Map<String, Object> row, String measure, Object value) {
    if (value instanceof BigDecimal b) {
      row.merge(measure, b, (x, y) -> ((BigDecimal) x).add((BigDecimal) y));
    } else if (value != null) {
      row.merge(measure, ((Number) value).longValue(), (x, y) -> (Long) x + (Long) y);
    }
  }

  /** Each period row: its key (grain values, period_type, period) and its measures. */
  interface RowWriter {
    Row write(List<String> key, Measures measures);
  }

  /** The measures of one period row, 0 where no fact gave them. */
  final class Measures {
    private final Map<String, Object> values;

    private Measures(Map<String, Object> values) {
      this.values = values;
    }

    long count(String measure) {
      Object v = values.get(measure);
      return v == null ? 0L : (Long) v;
    }

    BigDecimal money(String measure) {
      Object v = values.get(measure);
      return (v == null ? BigDecimal.ZERO : (BigDecimal) v).setScale(2, RoundingMode.HALF_UP);
    }

    /** The value of a measure as the mart stores it. */
    Object value(String measure) {
      return java.util.Arrays.asList(money).contains(measure) ? money(measure) : count(measure);
    }
  }

  List<Row> rows(RowWriter writer) {
    List<Row> out = new ArrayList<>(rows.size());
    forEach((key, measures) -> out.add(writer.write(key, measures)));
    return out;
  }

  /** Each period row's key and measures, in key order (to look across rows before writing). */
  void forEach(java.util.function.BiConsumer<List<String>, Measures> visitor) {
    rows.forEach((key, values) -> visitor.accept(key, new Measures(values)));
  }

  /** numerator / denominator as doubles; null when the denominator is 0. */
  static Double ratio(double numerator, double denominator) {
    return denominator > 0 ? numerator / denominator : null;
  }

  /** A money amount per unit (e.g. 客单价), to the fen; null when the denominator is 0. */
  public static BigDecimal moneyPer(BigDecimal amount, long units) {
    return units > 0 ? amount.divide(BigDecimal.valueOf(units), 16, RoundingMode.HALF_UP)
        .setScale(2, RoundingMode.HALF_UP) : null;
  }
}
