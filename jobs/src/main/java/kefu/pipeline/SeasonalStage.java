package kefu.pipeline;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import kefu.calendar.CalendarConfigError;
import kefu.calendar.PromotionCalendar;
import kefu.facts.ExportFacts;
import kefu.facts.SeasonalFacts;
import kefu.ingest.InputError;
import kefu.seasonal.CategoryPay;
import kefu.seasonal.CategoryPayOptions;
import kefu.seasonal.SeasonalEffects;
import kefu.seasonal.SeasonalOptions;
import kefu.seasonal.SeasonalProfile;
import kefu.seasonal.SeasonalSeries;
import kefu.table.LocalTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The seasonal stage of a review (kefu.seasonal): the daily series over the whole history (its
 * sums from the facts query, the pay columns from the pay stage's replay of every month), the
 * effect of every promotion window against comparable days and last year, the weekday/month
 * profile, and pay by category for the period, all in plain Java.
 */
final class SeasonalStage implements Stage<SeasonalStage.Input, SeasonalStage.Result> {

  /** The series' columns without the pay columns, which follow per scheme. */
  static final Mart SEASONAL_DAILY = new Mart("seasonal_daily",
      SeasonalSeries.schema(List.of()));
  static final Mart SEASONAL_EFFECTS = new Mart("seasonal_effects", SeasonalEffects.SCHEMA);
  static final Mart SEASONAL_PROFILE = new Mart("seasonal_profile", SeasonalProfile.SCHEMA);
  static final Mart CATEGORY_PAY = new Mart("category_pay", CategoryPay.SCHEMA);

  /** {@code configDir}/calendar.xlsx (defaults when absent), checked before any Spark work. */
  static PromotionCalendar loadCalendar(String configDir) {
    try {
      return PromotionCalendar.readOrDefaults(Paths.get(configDir));
    } catch (CalendarConfigError e) {
      throw new InputError("invalid promotion calendar in " + configDir + "/"
          + PromotionCalendar.FILE_NAME + ": " + String.join("; ", e.problems()), e);
    }
  }

  /**
   * @param facts this stage's aggregates from the facts query ({@link #queries})
   * @param exports the per-agent exports standing in for chats (ExportFacts.none() with chats)
   */
  record Input(PromotionCalendar calendar, Map<String, LocalTable> facts,
      MartsStage.Result marts, PayStage.Result pay, OutputFolder folder, ExportFacts exports) {}

  record Result(LocalTable daily, LocalTable effects, LocalTable profile,
      LocalTable categoryPay) {}

  @Override
  public String name() {
    return "seasonal";
  }

  @Override
  public List<Mart> marts() {
    return List.of(SEASONAL_DAILY, SEASONAL_EFFECTS, SEASONAL_PROFILE, CATEGORY_PAY);
  }

  /** The history's daily sums. */
  static Map<String, Dataset<Row>> queries(FactsStage.Input in) {
    DeriveStage.Result d = in.derived();
    return Map.of("seasonal_daily",
        SeasonalFacts.daily(d.orders(), d.refunds(), d.inquiries(), d.receptions()));
  }

  @Override
  public Result run(Input in) {
    LocalTable sums = in.facts().get("seasonal_daily");
    if (!in.exports().isEmpty()) {
      sums = in.exports().seasonalSums(sums);
    }
    LocalTable agentDaily = in.marts().agentDaily();
    LocalTable daily = SeasonalSeries.daily(sums, in.pay().payrollHistory(), agentDaily);
    Result r = new Result(daily,
        SeasonalEffects.build(daily, in.calendar(), SeasonalOptions.defaults()),
        SeasonalProfile.build(daily),
        CategoryPay.build(in.pay().marts().payroll(), in.pay().sales(), agentDaily,
            CategoryPayOptions.defaults()));
    SEASONAL_DAILY.write(in.folder(), r.daily());
    SEASONAL_EFFECTS.write(in.folder(), r.effects());
    SEASONAL_PROFILE.write(in.folder(), r.profile());
    CATEGORY_PAY.write(in.folder(), r.categoryPay());
    return r;
  }

  @Override
  public StageLog.Counts counts(Input in, Result r) {
    return new StageLog.Counts(in.marts().agentDaily().size(), r.effects().size());
  }
}
