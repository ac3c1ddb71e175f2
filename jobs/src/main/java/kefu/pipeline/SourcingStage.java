package kefu.pipeline;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kefu.calendar.PromotionCalendar;
import kefu.facts.CreditFacts;
import kefu.facts.DemandFacts;
import kefu.spark.FactQuery;
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
import kefu.table.LocalTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The in-house vs outsourced stage (kefu.sourcing): demand by shop, day and hour and the monthly
 * sales from one Spark query, then the demand mart per month × day type × hour, staffing, the
 * cost of every option, break-even volumes and the sensitivity in plain Java (a few thousand rows
 * per shop), each written as a mart.
 */
final class SourcingStage {
  private SourcingStage() {}

  static final List<String> MARTS = List.of("sourcing_demand", "staffing_hourly",
      "staffing_monthly", "sourcing_cost", "break_even", "sourcing_sensitivity");

  /** Points of the cost-vs-volume curve per shop. */
  static final int CURVE_STEPS = 40;

  record Result(LocalTable demand, LocalTable cost, SourcingPresentation presentation) {}

  /** {@code configDir}/sourcing.xlsx (defaults when absent), checked before any Spark work. */
  static SourcingConfig loadConfig(String configDir) {
    try {
      return SourcingConfig.readOrDefaults(Paths.get(configDir));
    } catch (SourcingConfigError e) {
      throw new InputError("invalid sourcing configuration in " + configDir + "/"
          + SourcingConfig.FILE_NAME + ": " + String.join("; ", e.problems()), e);
    }
  }

  static Result run(SourcingConfig config, PromotionCalendar calendar, ReviewRun.Derived derived,
      LocalTable payrollHistory, Labels labels, OutputFolder folder) {
    Map<String, Dataset<Row>> queries = new LinkedHashMap<>();
    queries.put("hours", DemandFacts.hours(derived.receptions()));
    queries.put("inquiries", DemandFacts.inquiries(derived.inquiries()));
    queries.put("busy", DemandFacts.busy(derived.receptions()));
    queries.put("sales", CreditFacts.shopSales(derived.orders()));
    Map<String, LocalTable> f = FactQuery.collect(queries);
    LocalTable demand = Demand.build(f.get("hours"), f.get("inquiries"), f.get("busy"),
        calendar);
    List<ShopMonth> months = ShopMonths.of(demand, payrollHistory, f.get("sales"), config);

    Staffing.Marts staffing = Staffing.build(Staffing.plans(months, config), config);
    List<OptionCost> costs = SourcingCost.costs(months, config);
    LocalTable cost = SourcingCost.table(costs);
    List<BreakEven.Point> points = BreakEven.points(months, config);
    List<SourcingSensitivity.Swing> swings = SourcingSensitivity.swings(months, config);
    folder.writeTable("marts/sourcing_demand", demand);
    folder.writeTable("marts/staffing_hourly", staffing.hourly());
    folder.writeTable("marts/staffing_monthly", staffing.monthly());
    folder.writeTable("marts/sourcing_cost", cost);
    folder.writeTable("marts/break_even", BreakEven.table(points));
    folder.writeTable("marts/sourcing_sensitivity", SourcingSensitivity.table(swings));

    List<BreakEven.CurvePoint> curve = new ArrayList<>();
    ShopMonth reference = BreakEven.referenceMonth(months.stream()
        .filter(m -> Demand.ALL_SHOPS.equals(m.shopId())).toList());
    if (reference != null) {
      curve.addAll(BreakEven.curve(Demand.ALL_SHOPS, reference, config, CURVE_STEPS));
    }
    return new Result(demand, cost, SourcingPresentation.of(labels, costs, points, swings,
        curve));
  }
}
