package kefu.pipeline;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import kefu.calendar.PromotionCalendar;
import kefu.ingest.InputError;
import kefu.report.Labels;
import kefu.sourcing.BreakEven;
import kefu.sourcing.Demand;
import kefu.sourcing.OptionCost;
import kefu.sourcing.ShopMonth;
import kefu.sourcing.ShopMonths;
import kefu.sourcing.SourcingConfig;
import kefu.sourcing.SourcingConfigError;
import kefu.sourcing.SourcingCost;
import kefu.sourcing.SourcingPresentation;
import kefu.sourcing.SourcingSensitivity;
import kefu.sourcing.Staffing;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The in-house vs outsourced stage (kefu.sourcing): demand per month × day type × hour from the
 * receptions (Spark), then staffing, the cost of every option, break-even volumes and the
 * sensitivity on the driver over that aggregate (a few thousand rows per shop), each written as
 * a mart.
 */
final class SourcingStage {
  private SourcingStage() {}

  static final List<String> MARTS = List.of("sourcing_demand", "staffing_hourly",
      "staffing_monthly", "sourcing_cost", "break_even", "sourcing_sensitivity");

  /** Points of the cost-vs-volume curve per shop. */
  static final int CURVE_STEPS = 40;

  record Result(Dataset<Row> cost, SourcingPresentation presentation) {}

  /** {@code configDir}/sourcing.xlsx (defaults when absent), checked before any Spark work. */
  static SourcingConfig loadConfig(String configDir) {
    try {
      return SourcingConfig.readOrDefaults(Paths.get(configDir));
    } catch (SourcingConfigError e) {
      throw new InputError("invalid sourcing configuration in " + configDir + "/"
          + SourcingConfig.FILE_NAME + ": " + String.join("; ", e.problems()), e);
    }
  }

  static Result run(SparkSession spark, SourcingConfig config, PromotionCalendar calendar,
      ReviewRun.Derived derived, Dataset<Row> payrollHistory, Labels labels,
      OutputFolder folder) {
    Dataset<Row> demand = ReviewRun.materialise(spark,
        Demand.build(derived.receptions(), derived.inquiries(), calendar),
        folder.staging("marts/sourcing_demand"));
    List<ShopMonth> months = ShopMonths.collect(demand, payrollHistory, derived.orders(), config);

    Staffing.Marts staffing = Staffing.build(spark, Staffing.plans(months, config), config);
    ReviewRun.materialise(spark, staffing.hourly(), folder.staging("marts/staffing_hourly"));
    ReviewRun.materialise(spark, staffing.monthly(), folder.staging("marts/staffing_monthly"));

    List<OptionCost> costs = SourcingCost.costs(months, config);
    Dataset<Row> cost = ReviewRun.materialise(spark, SourcingCost.toDataset(spark, costs),
        folder.staging("marts/sourcing_cost"));
    List<BreakEven.Point> points = BreakEven.points(months, config);
    ReviewRun.materialise(spark, BreakEven.toDataset(spark, points),
        folder.staging("marts/break_even"));
    List<SourcingSensitivity.Swing> swings = SourcingSensitivity.swings(months, config);
    ReviewRun.materialise(spark, SourcingSensitivity.toDataset(spark, swings),
        folder.staging("marts/sourcing_sensitivity"));

    List<BreakEven.CurvePoint> curve = new ArrayList<>();
    ShopMonth reference = BreakEven.referenceMonth(months.stream()
        .filter(m -> Demand.ALL_SHOPS.equals(m.shopId())).toList());
    if (reference != null) {
      curve.addAll(BreakEven.curve(Demand.ALL_SHOPS, reference, config, CURVE_STEPS));
    }
    return new Result(cost, SourcingPresentation.of(labels, costs, points, swings, curve));
  }
}
