package kefu.pipeline;

import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.nio.file.Paths;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import kefu.calendar.CalendarConfigError;
import kefu.calendar.PromotionCalendar;
import kefu.ingest.InputError;
import kefu.pay.PayConfig;
import kefu.pay.PayMarts;
import kefu.pay.Payroll;
import kefu.seasonal.CategoryPay;
import kefu.seasonal.CategoryPayOptions;
import kefu.seasonal.SeasonalEffects;
import kefu.seasonal.SeasonalOptions;
import kefu.seasonal.SeasonalProfile;
import kefu.seasonal.SeasonalSeries;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The seasonal stage of a review (kefu.seasonal): the daily series over the whole history, the
 * effect of every promotion window against comparable days and last year, the weekday/month
 * profile, and pay by category for the period. Pay per scheme needs every month of the history,
 * so the payroll is replayed for all of them (marts/payroll_history).
 */
final class SeasonalStage {
  private SeasonalStage() {}

  static final List<String> MARTS = List.of("payroll_history", "seasonal_daily",
      "seasonal_effects", "seasonal_profile", "category_pay");

  record Result(Dataset<Row> payrollHistory, Dataset<Row> daily, Dataset<Row> effects,
      Dataset<Row> profile, Dataset<Row> categoryPay) {}

  /** {@code configDir}/calendar.xlsx (defaults when absent), checked before any Spark work. */
  static PromotionCalendar loadCalendar(String configDir) {
    try {
      return PromotionCalendar.readOrDefaults(Paths.get(configDir));
    } catch (CalendarConfigError e) {
      throw new InputError("invalid promotion calendar in " + configDir + "/"
          + PromotionCalendar.FILE_NAME + ": " + String.join("; ", e.problems()), e);
    }
  }

  static Result run(SparkSession spark, PayConfig config, PromotionCalendar calendar,
      ReviewRun.Derived derived, ReviewRun.Marts marts, Dataset<Row> agents, PayMarts pay,
      OutputFolder folder) {
    Dataset<Row> agentDaily = marts.agentDaily().filter(PayStage.person());
    Dataset<Row> history = ReviewRun.materialise(spark,
        Payroll.payrollOnly(spark, config, agentDaily, derived.orders(), derived.refunds(),
            derived.receptions().filter(PayStage.person()), agents, historyMonths(agentDaily)),
        folder.staging("marts/payroll_history"));
    Dataset<Row> daily = ReviewRun.materialise(spark,
        SeasonalSeries.daily(derived.orders(), derived.refunds(), derived.inquiries(),
            derived.receptions(), history, agentDaily),
        folder.staging("marts/seasonal_daily"));
    Dataset<Row> effects = ReviewRun.materialise(spark,
        SeasonalEffects.build(spark, daily, calendar, SeasonalOptions.defaults()),
        folder.staging("marts/seasonal_effects"));
    Dataset<Row> profile = ReviewRun.materialise(spark, SeasonalProfile.build(spark, daily),
        folder.staging("marts/seasonal_profile"));
    Dataset<Row> categoryPay = ReviewRun.materialise(spark,
        CategoryPay.build(pay.payroll(), derived.orders(), agentDaily,
            CategoryPayOptions.defaults()),
        folder.staging("marts/category_pay"));
    return new Result(history, daily, effects, profile, categoryPay);
  }

  /** Every month with agent activity ('YYYY-MM'); the bounds are one aggregate row. */
  static List<String> historyMonths(Dataset<Row> agentDaily) {
    Row bounds = agentDaily.agg(min("business_date"), max("business_date")).first();
    List<String> months = new ArrayList<>();
    if (bounds.isNullAt(0)) {
      return months;
    }
    YearMonth last = YearMonth.from(((java.sql.Date) bounds.get(1)).toLocalDate());
    for (YearMonth m = YearMonth.from(((java.sql.Date) bounds.get(0)).toLocalDate());
        !m.isAfter(last); m = m.plusMonths(1)) {
      months.add(m.toString());
    }
    return months;
  }
}
