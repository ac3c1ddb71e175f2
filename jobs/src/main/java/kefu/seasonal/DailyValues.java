package kefu.seasonal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;

/**
 * The daily series as values: per metric and category, the numerator and denominator of each
 * day (days x categories, a few thousand rows a year), for the bootstrap and the decomposition.
 */
final class DailyValues {
  final List<SeasonalMetric> metrics;
  final TreeSet<String> categories = new TreeSet<>();
  /** First and last business date of category ALL (days in between without a row are zeros). */
  LocalDate first;
  LocalDate last;
  private final Map<String, double[]> values = new HashMap<>();

  private DailyValues(List<SeasonalMetric> metrics) {
    this.metrics = metrics;
  }

  static DailyValues of(LocalTable daily) {
    DailyValues v = new DailyValues(SeasonalMetric.catalogue(daily.schema().fieldNames()));
    for (Row row : daily.rows()) {
      LocalDate day = toDate(row.getAs("business_date"));
      String category = row.getAs("category");
      v.categories.add(category);
      if (SeasonalSeries.ALL.equals(category)) {
        v.first = v.first == null || day.isBefore(v.first) ? day : v.first;
        v.last = v.last == null || day.isAfter(v.last) ? day : v.last;
      }
      for (SeasonalMetric m : v.metrics) {
        Double num = number(row, m.numerator());
        if (num == null) {
          continue;
        }
        double den = m.isRate() ? valueOr0(number(row, m.denominator())) : 1.0;
        v.values.put(key(m.name(), category, day), new double[] {num, den});
      }
    }
    return v;
  }

  /** Built by tests from plain numbers: {@code put(metric, category, day, num, den)}. */
  static DailyValues of(List<SeasonalMetric> metrics) {
    return new DailyValues(metrics);
  }

  DailyValues put(String metric, String category, LocalDate day, double num, double den) {
    categories.add(category);
    if (SeasonalSeries.ALL.equals(category)) {
      first = first == null || day.isBefore(first) ? day : first;
      last = last == null || day.isAfter(last) ? day : last;
    }
    values.put(key(metric, category, day), new double[] {num, den});
    return this;
  }

  /** {numerator, denominator} of a day; a day without a row is {0, 0} (count: {0, 1}). */
  double[] get(SeasonalMetric metric, String category, LocalDate day) {
    double[] v = values.get(key(metric.name(), category, day));
    return v != null ? v : new double[] {0, metric.isRate() ? 0 : 1};
  }

  boolean inRange(LocalDate day) {
    return first != null && !day.isBefore(first) && !day.isAfter(last);
  }

  private static String key(String metric, String category, LocalDate day) {
    return metric + '\u0001' + category + '\u0001' + day;
  }

  private static double valueOr0(Double d) {
    return d == null ? 0 : d;
  }

  private static Double number(Row row, String column) {
    Object o = row.getAs(column);
    if (o == null) {
      return null;
    }
    return o instanceof BigDecimal b ? b.doubleValue() : ((Number) o).doubleValue();
  }

  private static LocalDate toDate(Object o) {
    return o instanceof LocalDate d ? d : ((java.sql.Date) o).toLocalDate();
  }
}
