package kefu.present;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import kefu.report.CellKind;
import kefu.report.ChartSpec;
import kefu.report.Labels;
import kefu.report.ReportColumn;
import kefu.report.ReportTable;
import kefu.sourcing.BreakEven;
import kefu.sourcing.Demand;
import kefu.sourcing.InHouseBuildUp;
import kefu.sourcing.OptionCost;
import kefu.sourcing.SourcingConfig;
import kefu.sourcing.SourcingCost;
import kefu.sourcing.SourcingSensitivity;
import kefu.sourcing.StaffingParameters;

/**
 * The 自营与外包 sheets as plain values: the monthly cost of every option (each row's 说明 adds
 * its parts up), the in-house cost build-up line by line, the best-value option per month
 * (cost per ¥100 of the agent-credited sales an option keeps, outsourced conversion
 * discounted), break-even volumes (each row says why when there is none) and the sensitivity
 * of the history's total cost; charts of monthly cost per option (all shops), the tornado
 * (change of the total per option × driver) and monthly cost against daily inquiries.
 */
public record SourcingPresentation(List<ReportTable> tables, List<ChartSpec> charts) {

  public static SourcingPresentation of(Labels labels, List<OptionCost> costs,
      List<InHouseBuildUp.Line> buildUp, List<BreakEven.Point> breakEven,
      List<SourcingSensitivity.Swing> swings, List<BreakEven.CurvePoint> curve) {
    String sheet = labels.get("sourcing.sheet");
    List<ReportTable> tables = new ArrayList<>();
    tables.add(monthly(labels, sheet, costs));
    tables.add(buildUp(labels, buildUp));
    tables.add(bestValue(labels, costs));
    tables.add(breakEven(labels, breakEven));
    tables.add(sensitivity(labels, swings));
    return new SourcingPresentation(tables, charts(labels, sheet, costs, swings, curve));
  }

  private static ReportTable monthly(Labels labels, String sheet, List<OptionCost> costs) {
    Map<String, OptionCost> cheapest = SourcingCost.cheapest(costs);
    Map<String, OptionCost> best = SourcingCost.bestValue(costs);
    double conversion = outsourcedConversion(costs);
    List<List<Object>> rows = new ArrayList<>();
    for (OptionCost c : costs) {
      rows.add(Arrays.asList(shop(labels, c.shopId()), c.month(), option(labels, c.option()),
          c.cost(), count(c.staff()), count(c.inquiries()), c.paidOrders(), c.sales(), c.costPerInquiry(),
          c.costPerPaidOrder(), c.costShareOfSales(),
          yesNo(labels, cheapest.get(SourcingCost.key(c)) == c), c.inHouseInquiries(),
          c.outsourcedInquiries(), c.coveredDays(), c.creditedSales(), c.conversionFactor(),
          c.creditedSalesLost(), c.costPer100CreditedSales(),
          yesNo(labels, best.get(SourcingCost.key(c)) == c), SourcingNotes.of(labels, c, conversion)));
    }
    return new ReportTable(sheet, title(labels, "sourcing.title.monthly", costs.isEmpty()),
        List.of(
        col(labels, "shop", CellKind.TEXT), col(labels, "month", CellKind.TEXT),
        col(labels, "option", CellKind.TEXT), col(labels, "cost", CellKind.MONEY),
        col(labels, "staff", CellKind.DECIMAL), col(labels, "inquiries", CellKind.DECIMAL),
        col(labels, "paid_orders", CellKind.INTEGER), col(labels, "sales", CellKind.MONEY),
        col(labels, "cost_per_inquiry", CellKind.MONEY),
        col(labels, "cost_per_paid_order", CellKind.MONEY),
        col(labels, "cost_share_of_sales", CellKind.PERCENT),
        col(labels, "is_cheapest", CellKind.TEXT),
        col(labels, "in_house_inquiries", CellKind.DECIMAL),
        col(labels, "outsourced_inquiries", CellKind.DECIMAL),
        col(labels, "covered_days", CellKind.INTEGER),
        col(labels, "credited_sales", CellKind.MONEY),
        col(labels, "conversion_factor", CellKind.PERCENT),
        col(labels, "credited_sales_lost", CellKind.MONEY),
        col(labels, "cost_per_100_credited_sales", CellKind.MONEY),
        col(labels, "is_best_value", CellKind.TEXT), col(labels, "note", CellKind.TEXT)), rows);
  }

  private static ReportTable buildUp(Labels labels, List<InHouseBuildUp.Line> lines) {
    List<List<Object>> rows = new ArrayList<>();
    for (InHouseBuildUp.Line l : lines) {
      rows.add(Arrays.asList(shop(labels, l.shopId()), l.month(),
          labels.get("sourcing.line." + l.kind()), l.amount(), SourcingNotes.of(labels, l)));
    }
    return new ReportTable(labels.get("sourcing.sheet.build_up"),
        title(labels, "sourcing.title.build_up", lines.isEmpty()),
        List.of(col(labels, "shop", CellKind.TEXT),
            col(labels, "month", CellKind.TEXT), col(labels, "line", CellKind.TEXT),
            col(labels, "amount", CellKind.MONEY), col(labels, "note", CellKind.TEXT)), rows);
  }

  /** Per shop-month: the best value (the finding's comparison) beside the cheapest on cost. */
  private static ReportTable bestValue(Labels labels, List<OptionCost> costs) {
    Map<String, OptionCost> cheapest = SourcingCost.cheapest(costs);
    List<List<Object>> rows = new ArrayList<>();
    for (OptionCost c : SourcingCost.bestValue(costs).values()) {
      OptionCost byCost = cheapest.get(SourcingCost.key(c));
      Double inHouse = costs.stream().filter(x -> SourcingCost.key(x).equals(SourcingCost.key(c))
          && x.option().equals(SourcingConfig.IN_HOUSE)).map(OptionCost::cost).findFirst()
          .orElse(null);
      rows.add(Arrays.asList(shop(labels, c.shopId()), c.month(), option(labels, c.option()),
          c.cost(), c.costPer100CreditedSales(), c.creditedSalesLost(),
          option(labels, byCost.option()), byCost.cost(), inHouse,
          inHouse == null ? null : inHouse - c.cost()));
    }
    return new ReportTable(labels.get("sourcing.sheet.cheapest"), costs.isEmpty()
        ? labels.format("sourcing.title.no_demand", labels.get("sourcing.title.best_value.plain"))
        : labels.format("sourcing.title.best_value", outsourcedConversion(costs)), List.of(
        col(labels, "shop", CellKind.TEXT), col(labels, "month", CellKind.TEXT),
        col(labels, "best_value", CellKind.TEXT), col(labels, "cost", CellKind.MONEY),
        col(labels, "cost_per_100_credited_sales", CellKind.MONEY),
        col(labels, "credited_sales_lost", CellKind.MONEY),
        col(labels, "cheapest_by_cost", CellKind.TEXT),
        col(labels, "cheapest_by_cost_cost", CellKind.MONEY),
        col(labels, "in_house_cost", CellKind.MONEY),
        col(labels, "saving_vs_in_house", CellKind.MONEY)), rows);
  }

  private static ReportTable breakEven(Labels labels, List<BreakEven.Point> points) {
    List<List<Object>> rows = new ArrayList<>();
    for (BreakEven.Point p : points) {
      rows.add(Arrays.asList(shop(labels, p.shopId()), p.referenceMonth(),
          option(labels, p.optionA()), option(labels, p.optionB()), p.inquiriesPerDay(),
          p.cost(), p.cheaperBelow() == null ? null : option(labels, p.cheaperBelow()),
          p.cheaperAbove() == null ? null : option(labels, p.cheaperAbove()),
          SourcingNotes.of(labels, p)));
    }
    return new ReportTable(labels.get("sourcing.sheet.break_even"),
        points.isEmpty()
            ? labels.format("sourcing.title.no_demand", labels.get("sourcing.title.break_even.plain"))
            : labels.format("sourcing.title.break_even.cost_only", points.get(0).rangeMax()),
        List.of(
        col(labels, "shop", CellKind.TEXT), col(labels, "reference_month", CellKind.TEXT),
        col(labels, "option_a", CellKind.TEXT), col(labels, "option_b", CellKind.TEXT),
        col(labels, "break_even", CellKind.DECIMAL), col(labels, "cost", CellKind.MONEY),
        col(labels, "cheaper_below", CellKind.TEXT),
        col(labels, "cheaper_above", CellKind.TEXT), col(labels, "note", CellKind.TEXT)), rows);
  }

  /** Totals over each shop's history (months column), never monthly figures. */
  private static ReportTable sensitivity(Labels labels, List<SourcingSensitivity.Swing> swings) {
    List<List<Object>> rows = new ArrayList<>();
    for (SourcingSensitivity.Swing s : swings) {
      rows.add(Arrays.asList(shop(labels, s.shopId()), option(labels, s.option()),
          labels.get("sourcing.driver." + s.driver()), s.months(), s.baseCost(),
          s.lowCost() - s.baseCost(), s.highCost() - s.baseCost()));
    }
    return new ReportTable(labels.get("sourcing.sheet.sensitivity"),
        swings.isEmpty()
            ? labels.format("sourcing.title.no_demand", labels.get("sourcing.title.sensitivity"))
            : labels.format("sourcing.title.sensitivity.total", historyMonths(swings)), List.of(
        col(labels, "shop", CellKind.TEXT), col(labels, "option", CellKind.TEXT),
        col(labels, "driver", CellKind.TEXT), col(labels, "months", CellKind.INTEGER),
        col(labels, "base_cost_total", CellKind.MONEY),
        col(labels, "low_change_total", CellKind.MONEY),
        col(labels, "high_change_total", CellKind.MONEY)), rows);
  }

  private static List<ChartSpec> charts(Labels labels, String sheet, List<OptionCost> costs,
      List<SourcingSensitivity.Swing> swings, List<BreakEven.CurvePoint> curve) {
    List<ChartSpec> charts = new ArrayList<>();
    String shop = costs.stream().anyMatch(c -> c.shopId().equals(Demand.ALL_SHOPS))
        ? Demand.ALL_SHOPS : costs.isEmpty() ? Demand.ALL_SHOPS : costs.get(0).shopId();
    List<String> months = new ArrayList<>(new TreeSet<>(costs.stream()
        .filter(c -> c.shopId().equals(shop)).map(OptionCost::month).toList()));
    LinkedHashMap<String, List<Number>> monthly = new LinkedHashMap<>();
    for (String o : SourcingConfig.OPTIONS) {
      List<Number> values = new ArrayList<>();
      for (String m : months) {
        values.add(costs.stream().filter(c -> c.shopId().equals(shop) && c.month().equals(m)
            && c.option().equals(o)).map(OptionCost::cost).findFirst().orElse(null));
      }
      monthly.put(option(labels, o), values);
    }
    charts.add(new ChartSpec("sourcing_monthly_cost", labels.get("sourcing.chart.monthly"),
        labels.get("sourcing.col.month"), labels.get("sourcing.col.cost"), CellKind.MONEY,
        months, monthly, sheet));

    List<String> bars = new ArrayList<>();
    List<Number> low = new ArrayList<>();
    List<Number> high = new ArrayList<>();
    int chartMonths = 0;
    for (SourcingSensitivity.Swing s : swings) {
      if (s.shopId().equals(shop)) {
        bars.add(option(labels, s.option()) + " · " + labels.get("sourcing.driver." + s.driver()));
        low.add(s.lowCost() - s.baseCost());
        high.add(s.highCost() - s.baseCost());
        chartMonths = s.months();
      }
    }
    LinkedHashMap<String, List<Number>> tornado = new LinkedHashMap<>();
    tornado.put(labels.get("sourcing.col.low_change_total"), low);
    tornado.put(labels.get("sourcing.col.high_change_total"), high);
    charts.add(new ChartSpec("sourcing_sensitivity",
        labels.format("sourcing.chart.tornado.total", chartMonths),
        labels.get("sourcing.col.driver"),
        labels.format("sourcing.chart.tornado.axis", chartMonths), CellKind.MONEY, bars,
        tornado, labels.get("sourcing.sheet.sensitivity")));

    List<String> volumes = new ArrayList<>();
    LinkedHashMap<String, List<Number>> byVolume = new LinkedHashMap<>();
    SourcingConfig.OPTIONS.forEach(o -> byVolume.put(option(labels, o), new ArrayList<>()));
    for (BreakEven.CurvePoint p : curve) {
      if (p.shopId().equals(shop)) {
        volumes.add(String.valueOf(Math.round(p.inquiriesPerDay())));
        SourcingConfig.OPTIONS.forEach(o -> byVolume.get(option(labels, o)).add(p.costs().get(o)));
      }
    }
    charts.add(new ChartSpec("sourcing_cost_by_volume", labels.get("sourcing.chart.volume"),
        labels.get("sourcing.col.inquiries_per_day"), labels.get("sourcing.col.cost"),
        CellKind.MONEY, volumes, byVolume, labels.get("sourcing.sheet.break_even")));
    return charts;
  }

  /** Without chat demand there is nothing to staff or price: the title says so, no zeros. */
  private static String title(Labels labels, String key, boolean noDemand) {
    return noDemand ? labels.format("sourcing.title.no_demand", labels.get(key))
        : labels.get(key);
  }

  /**
   * A headcount or an inquiry count as a whole number when it is one (22, not 22.00: the writer
   * formats a Long in a DECIMAL column as an integer); a fraction stays a fraction.
   */
  static Number count(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value
        : (Number) value;
  }

  /** The longest history among the shops (the all-shops total spans it). */
  private static int historyMonths(List<SourcingSensitivity.Swing> swings) {
    return swings.stream().mapToInt(SourcingSensitivity.Swing::months).max().orElse(0);
  }

  /** The configured outsourced conversion factor, as the quoted options carry it. */
  static double outsourcedConversion(List<OptionCost> costs) {
    return costs.stream().filter(c -> SourcingConfig.QUOTED.contains(c.option())
        && !c.option().equals(SourcingConfig.HYBRID)).mapToDouble(OptionCost::conversionFactor)
        .findFirst().orElse(StaffingParameters.DEFAULT_OUTSOURCED_CONVERSION);
  }

  static String option(Labels labels, String option) {
    return labels.get("sourcing.option." + option);
  }

  /** A shop's name; the all-shops total in words. */
  static String shop(Labels labels, String shopId) {
    return Demand.ALL_SHOPS.equals(shopId) ? labels.get("sourcing.shop.all") : shopId;
  }

  private static String yesNo(Labels labels, boolean yes) {
    return labels.get(yes ? "sourcing.yes" : "sourcing.no");
  }

  private static ReportColumn col(Labels labels, String key, CellKind kind) {
    return new ReportColumn(labels.get("sourcing.col." + key), kind);
  }
}
