package kefu.seasonal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import kefu.calendar.PromotionCalendar;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code seasonal_effects} mart: per event x phase (and 'all', the whole event) x year x
 * category x metric, the window's level against a baseline of comparable non-event days (same
 * weekdays within {@link SeasonalOptions#baselineWeeks()} weeks of the window, no event day), the
 * uplift (ratio and difference) with a seeded percentile-bootstrap 95% interval of the ratio
 * (event days and baseline days resampled independently), and the change against the same event
 * phase a year earlier. Level of a rate = sum(numerator) / sum(denominator); of a count = mean per
 * day (numerator = sum, denominator = days). Windows with no day of data are left out.
 */
public final class SeasonalEffects {
  private SeasonalEffects() {}

  /** The phase of a row about the whole event. */
  public static final String ALL_PHASES = EventWindow.ALL_PHASES;

  public static final StructType SCHEMA = new StructType()
      .add("event", DataTypes.StringType, false)
      .add("phase", DataTypes.StringType, false)
      .add("year", DataTypes.IntegerType, false)
      .add("category", DataTypes.StringType, false)
      .add("metric", DataTypes.StringType, false)
      .add("window_start", DataTypes.DateType, false)
      .add("window_end", DataTypes.DateType, false)
      .add("event_days", DataTypes.IntegerType, false)
      .add("event_numerator", DataTypes.DoubleType, false)
      .add("event_denominator", DataTypes.DoubleType, false)
      .add("event_level", DataTypes.DoubleType, true)
      .add("baseline_days", DataTypes.IntegerType, false)
      .add("baseline_numerator", DataTypes.DoubleType, false)
      .add("baseline_denominator", DataTypes.DoubleType, false)
      .add("baseline_level", DataTypes.DoubleType, true)
      .add("uplift_ratio", DataTypes.DoubleType, true)
      .add("uplift_diff", DataTypes.DoubleType, true)
      .add("uplift_ci_low", DataTypes.DoubleType, true)
      .add("uplift_ci_high", DataTypes.DoubleType, true)
      .add("prev_year_level", DataTypes.DoubleType, true)
      .add("yoy_change", DataTypes.DoubleType, true);

  /** The mart from {@link SeasonalSeries#daily} (days x categories: small). */
  public static LocalTable build(LocalTable daily, PromotionCalendar calendar,
      SeasonalOptions options) {
    return new LocalTable(SCHEMA, rows(DailyValues.of(daily), calendar, options).stream()
        .map(Effect::toRow).toList());
  }

  /** One row of the mart while it is computed. */
  static final class Effect {
    String event;
    String phase;
    int year;
    String category;
    String metric;
    LocalDate windowStart;
    LocalDate windowEnd;
    int eventDays;
    double eventNumerator;
    double eventDenominator;
    Double eventLevel;
    int baselineDays;
    double baselineNumerator;
    double baselineDenominator;
    Double baselineLevel;
    Double upliftRatio;
    Double upliftDiff;
    Double ciLow;
    Double ciHigh;
    Double prevYearLevel;
    Double yoyChange;

    Row toRow() {
      return LocalTable.row(SCHEMA, event, phase, year, category, metric,
          java.sql.Date.valueOf(windowStart), java.sql.Date.valueOf(windowEnd), eventDays,
          eventNumerator, eventDenominator, eventLevel, baselineDays, baselineNumerator,
          baselineDenominator, baselineLevel, upliftRatio, upliftDiff, ciLow, ciHigh,
          prevYearLevel, yoyChange);
    }

    String key(int y) {
      return String.join("\u0001", event, phase, category, metric, Integer.toString(y));
    }
  }

  static List<Effect> rows(DailyValues values, PromotionCalendar calendar,
      SeasonalOptions options) {
    List<Effect> effects = new ArrayList<>();
    for (EventWindow w : EventWindow.of(calendar, values::inRange)) {
      List<LocalDate> baseline = w.baseline(calendar, options.baselineWeeks(), values::inRange);
      for (String category : values.categories) {
        for (SeasonalMetric m : values.metrics) {
          if (m.allOnly() && !SeasonalSeries.ALL.equals(category)) {
            continue;
          }
          effects.add(effect(values, w, baseline, category, m, options));
        }
      }
    }
    Map<String, Effect> byKey = new HashMap<>();
    effects.forEach(e -> byKey.put(e.key(e.year), e));
    for (Effect e : effects) {
      Effect prev = byKey.get(e.key(e.year - 1));
      if (prev != null && prev.eventLevel != null) {
        e.prevYearLevel = prev.eventLevel;
        e.yoyChange = e.eventLevel == null || prev.eventLevel == 0 ? null
            : e.eventLevel / prev.eventLevel - 1;
      }
    }
    return effects;
  }

  private static Effect effect(DailyValues values, EventWindow w, List<LocalDate> baseline,
      String category, SeasonalMetric m, SeasonalOptions options) {
    double[][] event = series(values, m, category, w.days());
    double[][] base = series(values, m, category, baseline);
    Effect e = new Effect();
    e.event = w.event();
    e.phase = w.phase();
    e.year = w.year();
    e.category = category;
    e.metric = m.name();
    e.windowStart = w.start();
    e.windowEnd = w.end();
    e.eventDays = w.days().size();
    e.eventNumerator = sum(event[0]);
    e.eventDenominator = sum(event[1]);
    e.eventLevel = level(e.eventNumerator, e.eventDenominator);
    e.baselineDays = baseline.size();
    e.baselineNumerator = sum(base[0]);
    e.baselineDenominator = sum(base[1]);
    e.baselineLevel = level(e.baselineNumerator, e.baselineDenominator);
    if (e.eventLevel != null && e.baselineLevel != null) {
      e.upliftDiff = e.eventLevel - e.baselineLevel;
      e.upliftRatio = e.baselineLevel == 0 ? null : e.eventLevel / e.baselineLevel;
    }
    if (e.upliftRatio != null && options.bootstrapSamples() > 0) {
      double[] interval = bootstrap(event, base, options.bootstrapSamples(),
          options.seed() ^ (long) e.key(e.year).hashCode());
      if (interval != null) {
        e.ciLow = interval[0];
        e.ciHigh = interval[1];
      }
    }
    return e;
  }

  /** {numerators, denominators} of the days (a count's denominator is 1 per day). */
  private static double[][] series(DailyValues values, SeasonalMetric m, String category,
      List<LocalDate> days) {
    double[][] s = new double[2][days.size()];
    for (int i = 0; i < days.size(); i++) {
      double[] v = values.get(m, category, days.get(i));
      s[0][i] = v[0];
      s[1][i] = v[1];
    }
    return s;
  }

  static Double level(double numerator, double denominator) {
    return denominator == 0 ? null : numerator / denominator;
  }

  /**
   * Percentile 95% interval of the uplift ratio over {@code samples} resamples (with
   * replacement) of the event days and, independently, the baseline days; null when fewer than
   * half the resamples give a ratio (a zero denominator).
   */
  static double[] bootstrap(double[][] event, double[][] base, int samples, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] ratios = new double[samples];
    int n = 0;
    for (int b = 0; b < samples; b++) {
      Double eventLevel = resampledLevel(event, random);
      Double baseLevel = resampledLevel(base, random);
      if (eventLevel != null && baseLevel != null && baseLevel != 0) {
        ratios[n++] = eventLevel / baseLevel;
      }
    }
    if (n == 0 || n < samples / 2) {
      return null;
    }
    double[] sorted = Arrays.copyOf(ratios, n);
    Arrays.sort(sorted);
    return new double[] {quantile(sorted, 0.025), quantile(sorted, 0.975)};
  }

  private static Double resampledLevel(double[][] s, SplittableRandom random) {
    int days = s[0].length;
    double num = 0;
    double den = 0;
    for (int i = 0; i < days; i++) {
      int d = random.nextInt(days);
      num += s[0][d];
      den += s[1][d];
    }
    return level(num, den);
  }

  /** Linear interpolation between order statistics (type 7, as R and numpy default). */
  static double quantile(double[] sorted, double p) {
    double pos = p * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  private static double sum(double[] xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s;
  }
}
