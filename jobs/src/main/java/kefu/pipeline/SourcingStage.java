package kefu.pipeline;

import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kefu.calendar.PromotionCalendar;
import kefu.facts.CreditFacts;
import kefu.facts.DemandFacts;
import kefu.facts.ExportFacts;
import kefu.ingest.InputError;
import kefu.sourcing.BreakEven;
import kefu.sourcing.Demand;
import kefu.sourcing.InHouseBuildUp;
import kefu.sourcing.OptionCost;
import kefu.sourcing.ShopMonth;
import kefu.sourcing.ShopMonths;
import kefu.sourcing.SourcingConfig;
import kefu.sourcing.SourcingConfigError;
import kefu.sourcing.SourcingCost;
import kefu.sourcing.SourcingSensitivity;
import kefu.sourcing.Staffing;
import kefu.table.LocalTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The in-house vs outsourced stage (kefu.sourcing): demand by shop, day and hour and the monthly
 * sales from the facts query, then the demand mart per month × day type × hour, staffing, the
 * cost of every option, break-even volumes and the sensitivity in plain Java (a few thousand rows
 * per shop), each written as a mart.
 */
final class SourcingStage implements Stage<SourcingStage.Input, SourcingStage.Result> {

  static final Mart SOURCING_DEMAND = new Mart("sourcing_demand", Demand.SCHEMA);
  static final Mart STAFFING_HOURLY = new Mart("staffing_hourly", Staffing.HOURLY);
  static final Mart STAFFING_MONTHLY = new Mart("staffing_monthly", Staffing.MONTHLY);
  static final Mart SOURCING_COST = new Mart("sourcing_cost", SourcingCost.SCHEMA);
  static final Mart BREAK_EVEN = new Mart("break_even", BreakEven.SCHEMA);
  static final Mart SOURCING_SENSITIVITY = new Mart("sourcing_sensitivity",
      SourcingSensitivity.SCHEMA);

  /** {@code configDir}/sourcing.xlsx (defaults when absent), checked before any Spark work. */
  static SourcingConfig loadConfig(String configDir) {
    try {
      return SourcingConfig.readOrDefaults(Paths.get(configDir));
    } catch (SourcingConfigError e) {
      throw new InputError("invalid sourcing configuration in " + configDir + "/"
          + SourcingConfig.FILE_NAME + ": " + String.join("; ", e.problems()), e);
    }
  }

  /**
   * @param facts this stage's aggregates from the facts query ({@link #queries})
   * @param exports the per-agent exports standing in for chats (ExportFacts.none() with chats)
   */
  record Input(SourcingConfig config, PromotionCalendar calendar, Map<String, LocalTable> facts,
      PayStage.Result pay, OutputFolder folder, ExportFacts exports) {}

  /**
   * The marts and the figures the presenter shows: the in-house cost lines and the all-shops
   * cost-vs-volume curve.
   */
  record Result(LocalTable demand, LocalTable cost, List<OptionCost> costs,
      List<InHouseBuildUp.Line> buildUp, List<BreakEven.Point> breakEven,
      List<SourcingSensitivity.Swing> swings, List<BreakEven.CurvePoint> curve) {}

  /** Points of the cost-vs-volume curve per shop. */
  static final int CURVE_STEPS = 40;

  @Override
  public String name() {
    return "sourcing";
  }

  @Override
  public List<Mart> marts() {
    return List.of(SOURCING_DEMAND, STAFFING_HOURLY, STAFFING_MONTHLY, SOURCING_COST,
        BREAK_EVEN, SOURCING_SENSITIVITY);
  }

  /** Demand by shop, day and hour, the agents' busy blocks and the shops' monthly sales. */
  static Map<String, Dataset<Row>> queries(FactsStage.Input in) {
    DeriveStage.Result d = in.derived();
    Map<String, Dataset<Row>> queries = new LinkedHashMap<>();
    queries.put("hours", DemandFacts.hours(d.receptions()));
    queries.put("inquiries", DemandFacts.inquiries(d.inquiries()));
    queries.put("busy", DemandFacts.busy(d.receptions()));
    queries.put("sales", CreditFacts.shopSales(d.orders()));
    return queries;
  }

  @Override
  public Result run(Input in) {
    SourcingConfig config = in.config();
    Map<String, LocalTable> f = new LinkedHashMap<>(in.facts());
    if (!in.exports().isEmpty()) {
      // Without chats: demand from the 分时接待 curve, credit from the agents' 销售额.
      f.put("hours", in.exports().demandHours());
      f.put("inquiries", in.exports().demandInquiries());
      f.put("busy", LocalTable.empty(ExportFacts.BUSY));
      f.put("sales", in.exports().creditedShopSales(f.get("sales")));
    }
    LocalTable demand = Demand.build(f.get("hours"), f.get("inquiries"), f.get("busy"),
        in.calendar());
    List<ShopMonth> months = ShopMonths.of(demand, in.pay().payrollHistory(), f.get("sales"),
        config);

    Staffing.Marts staffing = Staffing.build(Staffing.plans(months, config), config);
    List<OptionCost> costs = SourcingCost.costs(months, config);
    LocalTable cost = SourcingCost.table(costs);
    List<BreakEven.Point> points = BreakEven.points(months, config);
    List<SourcingSensitivity.Swing> swings = SourcingSensitivity.swings(months, config);
    SOURCING_DEMAND.write(in.folder(), demand);
    STAFFING_HOURLY.write(in.folder(), staffing.hourly());
    STAFFING_MONTHLY.write(in.folder(), staffing.monthly());
    SOURCING_COST.write(in.folder(), cost);
    BREAK_EVEN.write(in.folder(), BreakEven.table(points));
    SOURCING_SENSITIVITY.write(in.folder(), SourcingSensitivity.table(swings));

    ShopMonth reference = BreakEven.referenceMonth(months.stream()
        .filter(m -> Demand.ALL_SHOPS.equals(m.shopId())).toList());
    return new Result(demand, cost, costs, InHouseBuildUp.lines(months, config), points, swings,
        reference == null ? List.of()
        : BreakEven.curve(Demand.ALL_SHOPS, reference, config, CURVE_STEPS));
  }

  @Override
  public StageLog.Counts counts(Input in, Result r) {
    return new StageLog.Counts(r.demand().size(), r.cost().size());
  }
}
