package kefu.pipeline;

import java.nio.file.Paths;
import java.util.List;
import kefu.calendar.CalendarConfigError;
import kefu.calendar.PromotionCalendar;
import kefu.ingest.InputError;
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
 * profile, and pay by category for the period. The daily pay per scheme comes from the pay
 * stage's replay of every month (marts/payroll_history).
 */
final class SeasonalStage {
  private SeasonalStage() {}

  static final List<String> MARTS = List.of("seasonal_daily", "seasonal_effects",
      "seasonal_profile", "category_pay");

  record Result(Dataset<Row> daily, Dataset<Row> effects, Dataset<Row> profile,
      Dataset<Row> categoryPay) {}

  /** {@code configDir}/calendar.xlsx (defaults when absent), checked before any Spark work. */
  static PromotionCalendar loadCalendar(String configDir) {
    try {
      return PromotionCalendar.readOrDefaults(Paths.get(configDir));
    } catch (CalendarConfigError e) {
      throw new InputError("invalid promotion calendar in " + configDir + "/"
          + PromotionCalendar.FILE_NAME + ": " + String.join("; ", e.problems()), e);
    }
  }

  static Result run(SparkSession spark, PromotionCalendar calendar, ReviewRun.Derived derived,
      ReviewRun.Marts marts, PayStage.Result pay, OutputFolder folder) {
    Dataset<Row> agentDaily = marts.agentDaily().filter(
        kefu.derive.Receptions.isPerson(org.apache.spark.sql.functions.col("agent_id")));
    Dataset<Row> payrollHistory = spark.createDataFrame(pay.payrollHistory().rows(),
        pay.payrollHistory().schema());
    Dataset<Row> payroll = spark.createDataFrame(pay.marts().payroll().rows(),
        pay.marts().payroll().schema());
    Dataset<Row> daily = ReviewRun.materialise(spark,
        SeasonalSeries.daily(derived.orders(), derived.refunds(), derived.inquiries(),
            derived.receptions(), payrollHistory, agentDaily),
        folder.staging("marts/seasonal_daily"));
    Dataset<Row> effects = ReviewRun.materialise(spark,
        SeasonalEffects.build(spark, daily, calendar, SeasonalOptions.defaults()),
        folder.staging("marts/seasonal_effects"));
    Dataset<Row> profile = ReviewRun.materialise(spark, SeasonalProfile.build(spark, daily),
        folder.staging("marts/seasonal_profile"));
    Dataset<Row> categoryPay = ReviewRun.materialise(spark,
        CategoryPay.build(payroll, derived.orders(), agentDaily,
            CategoryPayOptions.defaults()),
        folder.staging("marts/category_pay"));
    return new Result(daily, effects, profile, categoryPay);
  }
}
