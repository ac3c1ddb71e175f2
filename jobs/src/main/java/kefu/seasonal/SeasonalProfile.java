package kefu.seasonal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code seasonal_profile} mart: per metric (category ALL) a day-of-week index (1 = Monday
 * ... 7 = Sunday) and a month-of-year index (1-12), each normalised to mean 1 over its keys, with
 * the trend taken out first (classical multiplicative decomposition):
 * <ul>
 *   <li>weekday: value / centred 28-day moving average (a 2x28 MA: 29 days, the two ends at half
 *       weight). 28 days hold each weekday exactly four times, so the trend carries no weekday
 *       effect; days within 14 days of either end of the data have no trend and are skipped;
 *   <li>month: a 28-day (or any sub-year) average would absorb the month effect itself, and a
 *       12-month centred average needs years of data, so the month index instead divides the
 *       weekday-adjusted value by a least-squares linear trend over the whole series, then
 *       averages per month. With one year of data month and trend are only separated as far as
 *       the trend is linear.
 * </ul>
 * A rate's daily value is numerator / denominator (days with a zero denominator are skipped); a
 * count's is the day's numerator. {@code days} = the days behind each index.
 */
public final class SeasonalProfile {
  private SeasonalProfile() {}

  /** Half-width of the centred moving average (28 days). */
  static final int HALF_WINDOW = 14;

  public static final StructType SCHEMA = new StructType()
      .add("metric", DataTypes.StringType, false)
      .add("profile", DataTypes.StringType, false)
      .add("key", DataTypes.IntegerType, false)
      .add("index", DataTypes.DoubleType, false)
      .add("days", DataTypes.IntegerType, false);

  /** The profile from {@link SeasonalSeries#daily}. */
  public static LocalTable build(LocalTable daily) {
    return new LocalTable(SCHEMA, rows(DailyValues.of(daily)));
  }

  static List<Row> rows(DailyValues values) {
    List<Row> rows = new ArrayList<>();
    if (values.first == null) {
      return rows;
    }
    int n = (int) (values.last.toEpochDay() - values.first.toEpochDay() + 1);
    for (SeasonalMetric m : values.metrics) {
      Double[] value = new Double[n];
      for (int i = 0; i < n; i++) {
        double[] v = values.get(m, SeasonalSeries.ALL, values.first.plusDays(i));
        value[i] = v[1] == 0 ? null : v[0] / v[1];
      }
      double[] weekday = weekdayIndex(values.first, value, m.name(), rows);
      monthIndex(values.first, value, weekday, m.name(), rows);
    }
    return rows;
  }

  /** Adds the weekday rows; returns the 7 indices (all 1 when there is too little data). */
  private static double[] weekdayIndex(LocalDate first, Double[] value, String metric,
      List<Row> rows) {
    double[] sum = new double[7];
    int[] days = new int[7];
    for (int i = HALF_WINDOW; i < value.length - HALF_WINDOW; i++) {
      Double trend = centredAverage(value, i);
      if (value[i] != null && trend != null && trend > 0) {
        int wd = first.plusDays(i).getDayOfWeek().getValue() - 1;
        sum[wd] += value[i] / trend;
        days[wd]++;
      }
    }
    double[] index = normalised(sum, days);
    if (index == null) {
      double[] ones = new double[7];
      java.util.Arrays.fill(ones, 1.0);
      return ones;
    }
    for (int wd = 0; wd < 7; wd++) {
      if (days[wd] > 0) {
        rows.add(LocalTable.row(SCHEMA, metric, "weekday", wd + 1, index[wd], days[wd]));
      }
    }
    return index;
  }

  /** 2x28 centred moving average at day i, or null if a day in the window has no value. */
  static Double centredAverage(Double[] value, int i) {
    double s = 0;
    for (int k = -HALF_WINDOW; k <= HALF_WINDOW; k++) {
      Double v = value[i + k];
      if (v == null) {
        return null;
      }
      s += Math.abs(k) == HALF_WINDOW ? v / 2 : v;
    }
    return s / (2 * HALF_WINDOW);
  }

  private static void monthIndex(LocalDate first, Double[] value, double[] weekday,
      String metric, List<Row> rows) {
    double[] adjusted = new double[value.length];
    boolean[] present = new boolean[value.length];
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int count = 0;
    for (int i = 0; i < value.length; i++) {
      int wd = first.plusDays(i).getDayOfWeek().getValue() - 1;
      if (value[i] != null && weekday[wd] > 0) {
        adjusted[i] = value[i] / weekday[wd];
        present[i] = true;
        sx += i;
        sy += adjusted[i];
        sxx += (double) i * i;
        sxy += i * adjusted[i];
        count++;
      }
    }
    if (count == 0) {
      return;
    }
    double slope = count > 1 && count * sxx - sx * sx != 0
        ? (count * sxy - sx * sy) / (count * sxx - sx * sx) : 0;
    double intercept = (sy - slope * sx) / count;
    double[] sum = new double[12];
    int[] days = new int[12];
    for (int i = 0; i < value.length; i++) {
      double trend = intercept + slope * i;
      if (present[i] && trend > 0) {
        int month = first.plusDays(i).getMonthValue() - 1;
        sum[month] += adjusted[i] / trend;
        days[month]++;
      }
    }
    double[] index = normalised(sum, days);
    if (index == null) {
      return;
    }
    for (int mo = 0; mo < 12; mo++) {
      if (days[mo] > 0) {
        rows.add(LocalTable.row(SCHEMA, metric, "month", mo + 1, index[mo], days[mo]));
      }
    }
  }

  /** Mean per key scaled so the keys with data average 1; null if none has data. */
  private static double[] normalised(double[] sum, int[] days) {
    double total = 0;
    int keys = 0;
    double[] mean = new double[sum.length];
    for (int k = 0; k < sum.length; k++) {
      if (days[k] > 0) {
        mean[k] = sum[k] / days[k];
        total += mean[k];
        keys++;
      }
    }
    if (keys == 0 || total == 0) {
      return null;
    }
    double scale = keys / total;
    for (int k = 0; k < sum.length; k++) {
      mean[k] *= scale;
    }
    return mean;
  }
}
