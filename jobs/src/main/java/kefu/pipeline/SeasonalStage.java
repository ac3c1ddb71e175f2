package kefu.pipeline;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import kefu.calendar.CalendarConfigError;
import kefu.calendar.PromotionCalendar;
import kefu.spark.FactQuery;
import kefu.facts.SeasonalFacts;
import kefu.ingest.InputError;
import kefu.seasonal.CategoryPay;
import kefu.seasonal.CategoryPayOptions;
import kefu.seasonal.SeasonalEffects;
import kefu.seasonal.SeasonalOptions;
import kefu.seasonal.SeasonalProfile;
import kefu.seasonal.SeasonalSeries;
import kefu.table.LocalTable;

/**
 * The seasonal stage of a review (kefu.seasonal): the daily series over the whole history (its
 * sums from one Spark query, the pay columns from the pay stage's replay of every month), the
 * effect of every promotion window against comparable days and last year, the weekday/month
 * profile, and pay by category for the period, all in plain Java.
 */
final class SeasonalStage {
  private SeasonalStage() {}

  static final List<String> MARTS = List.of("seasonal_daily", "seasonal_effects",
      "seasonal_profile", "category_pay");

  record Result(LocalTable daily, LocalTable effects, LocalTable profile,
      LocalTable categoryPay) {}

  /** {@code configDir}/calendar.xlsx (defaults when absent), checked before any Spark work. */
  static PromotionCalendar loadCalendar(String configDir) {
    try {
      return PromotionCalendar.readOrDefaults(Paths.get(configDir));
    } catch (CalendarConfigError e) {
      throw new InputError("invalid promotion calendar in " + configDir + "/"
          + PromotionCalendar.FILE_NAME + ": " + String.join("; ", e.problems()), e);
    }
  }

  static Result run(PromotionCalendar calendar, ReviewRun.Derived derived, LocalTable agentDaily,
      PayStage.Result pay, OutputFolder folder) {
    LocalTable sums = FactQuery.collect(Map.of("seasonal_daily", SeasonalFacts.daily(
        derived.orders(), derived.refunds(), derived.inquiries(), derived.receptions())))
        .get("seasonal_daily");
    LocalTable daily = SeasonalSeries.daily(sums, pay.payrollHistory(), agentDaily);
    LocalTable effects = SeasonalEffects.build(daily, calendar, SeasonalOptions.defaults());
    LocalTable profile = SeasonalProfile.build(daily);
    LocalTable categoryPay = CategoryPay.build(pay.marts().payroll(), pay.sales(), agentDaily,
        CategoryPayOptions.defaults());
    folder.writeTable("marts/seasonal_daily", daily);
    folder.writeTable("marts/seasonal_effects", effects);
    folder.writeTable("marts/seasonal_profile", profile);
    folder.writeTable("marts/category_pay", categoryPay);
    return new Result(daily, effects, profile, categoryPay);
  }
}
