package kefu.present;

import java.util.ArrayList;
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
import kefu.sourcing.OptionCost;
import kefu.sourcing.SourcingConfig;
import kefu.sourcing.SourcingCost;
import kefu.sourcing.SourcingSensitivity;

/**
 * The 自营与外包 sheet as plain values: the monthly cost table, the cheapest option per month,
 * break-even volumes and the sensitivity table; charts of monthly cost per option (all shops),
 * the tornado (low/high change per option × driver) and cost against daily inquiries.
 */
public record SourcingPresentation(List<ReportTable> tables, List<ChartSpec> charts) {

  public static SourcingPresentation of(Labels labels, List<OptionCost> costs,
      List<BreakEven.Point> breakEven, List<SourcingSensitivity.Swing> swings,
      List<BreakEven.CurvePoint> curve) {
    String sheet = labels.get("sourcing.sheet");
    List<ReportTable> tables = new ArrayList<>();
    Map<String, OptionCost> cheapest = SourcingCost.cheapest(costs);

    List<List<Object>> monthly = new ArrayList<>();
    for (OptionCost c : costs) {
      monthly.add(List.of(c.shopId(), c.month(), option(labels, c.option()), c.cost(), c.staff(),
          c.inquiries(), c.paidOrders(), c.sales(), nullable(c.costPerInquiry()),
          nullable(c.costPerPaidOrder()), nullable(c.costShareOfSales()),
          cheapest.get(c.shopId() + "\u0000" + c.month()) == c, c.inHouseInquiries(),
          c.outsourcedInquiries(), c.coveredDays(), c.coveredDays() < c.daysInMonth()
              ? labels.format("sourcing.note.partial", c.coveredDays(), c.daysInMonth())
              : NULL));
    }
    tables.add(new ReportTable(sheet, labels.get("sourcing.title.monthly"), List.of(
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
        col(labels, "covered_days", CellKind.INTEGER), col(labels, "note", CellKind.TEXT)),
        fixNulls(monthly)));

    List<List<Object>> best = new ArrayList<>();
    for (OptionCost c : cheapest.values()) {
      double inHouse = costs.stream().filter(x -> x.shopId().equals(c.shopId())
          && x.month().equals(c.month()) && x.option().equals(SourcingConfig.IN_HOUSE))
          .mapToDouble(OptionCost::cost).findFirst().orElse(Double.NaN);
      best.add(List.of(c.shopId(), c.month(), option(labels, c.option()), c.cost(), inHouse,
          inHouse - c.cost()));
    }
    tables.add(new ReportTable(labels.get("sourcing.sheet.cheapest"), labels.get("sourcing.title.cheapest"), List.of(
        col(labels, "shop", CellKind.TEXT), col(labels, "month", CellKind.TEXT),
        col(labels, "cheapest", CellKind.TEXT), col(labels, "cost", CellKind.MONEY),
        col(labels, "in_house_cost", CellKind.MONEY),
        col(labels, "saving_vs_in_house", CellKind.MONEY)), best));

    List<List<Object>> be = new ArrayList<>();
    for (BreakEven.Point p : breakEven) {
      List<Object> row = new ArrayList<>();
      row.add(p.shopId());
      row.add(p.referenceMonth());
      row.add(option(labels, p.optionA()));
      row.add(option(labels, p.optionB()));
      row.add(p.inquiriesPerDay());
      row.add(p.cost());
      row.add(p.cheaperBelow() == null ? null : option(labels, p.cheaperBelow()));
      row.add(p.cheaperAbove() == null ? null : option(labels, p.cheaperAbove()));
      be.add(row);
    }
    tables.add(new ReportTable(labels.get("sourcing.sheet.break_even"), labels.format("sourcing.title.break_even",
        breakEven.isEmpty() ? 0 : breakEven.get(0).rangeMax()), List.of(
        col(labels, "shop", CellKind.TEXT), col(labels, "reference_month", CellKind.TEXT),
        col(labels, "option_a", CellKind.TEXT), col(labels, "option_b", CellKind.TEXT),
        col(labels, "break_even", CellKind.DECIMAL), col(labels, "cost", CellKind.MONEY),
        col(labels, "cheaper_below", CellKind.TEXT),
        col(labels, "cheaper_above", CellKind.TEXT)), be));

    List<List<Object>> sens = new ArrayList<>();
    for (SourcingSensitivity.Swing s : swings) {
      sens.add(List.of(s.shopId(), option(labels, s.option()),
          labels.get("sourcing.driver." + s.driver()), s.baseCost(), s.lowCost() - s.baseCost(),
          s.highCost() - s.baseCost()));
    }
    tables.add(new ReportTable(labels.get("sourcing.sheet.sensitivity"), labels.get("sourcing.title.sensitivity"), List.of(
        col(labels, "shop", CellKind.TEXT), col(labels, "option", CellKind.TEXT),
        col(labels, "driver", CellKind.TEXT), col(labels, "base_cost", CellKind.MONEY),
        col(labels, "low_change", CellKind.MONEY), col(labels, "high_change", CellKind.MONEY)),
        sens));

    return new SourcingPresentation(tables, charts(labels, sheet, costs, swings, curve));
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
    for (SourcingSensitivity.Swing s : swings) {
      if (s.shopId().equals(shop)) {
        bars.add(option(labels, s.option()) + " · " + labels.get("sourcing.driver." + s.driver()));
        low.add(s.lowCost() - s.baseCost());
        high.add(s.highCost() - s.baseCost());
      }
    }
    LinkedHashMap<String, List<Number>> tornado = new LinkedHashMap<>();
    tornado.put(labels.get("sourcing.col.low_change"), low);
    tornado.put(labels.get("sourcing.col.high_change"), high);
    charts.add(new ChartSpec("sourcing_sensitivity", labels.get("sourcing.chart.tornado"),
        labels.get("sourcing.col.driver"), labels.get("sourcing.col.cost"), CellKind.MONEY, bars,
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

  private static String option(Labels labels, String option) {
    return labels.get("sourcing.option." + option);
  }

  private static ReportColumn col(Labels labels, String key, CellKind kind) {
    return new ReportColumn(labels.get("sourcing.col." + key), kind);
  }

  private static Object nullable(Double v) {
    return v == null ? NULL : v;
  }

  private static final Object NULL = new Object();

  /** List.of refuses nulls: rows are built with a marker and copied with real nulls. */
  private static List<List<Object>> fixNulls(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> r : rows) {
      List<Object> copy = new ArrayList<>(r);
      copy.replaceAll(v -> v == NULL ? null : v);
      out.add(copy);
    }
    return out;
  }
}
