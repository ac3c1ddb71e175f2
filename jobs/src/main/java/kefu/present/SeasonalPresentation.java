package kefu.present;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kefu.calendar.PromotionCalendar;
import kefu.calendar.PromotionEvent;
import kefu.report.BoxPlotSpec;
import kefu.report.BoxStats;
import kefu.report.CellKind;
import kefu.report.ChartSpec;
import kefu.report.Labels;
import kefu.report.ReportColumn;
import kefu.report.ReportTable;
import kefu.report.TimeSeriesSpec;
import kefu.seasonal.SeasonalEffects;
import kefu.seasonal.SeasonalMetric;
import kefu.seasonal.SeasonalSeries;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;

/**
 * The seasonal part of the workbook as plain values: the 季节效应 sheet (one row per event, phase
 * and year with the headline metrics' level, baseline, uplift with its interval and YoY), the
 * 类目薪酬 sheet, the uplift bar chart, the pay-by-category box plot (current scheme, suppressed
 * cells left out) and the daily orders/conversion chart with event windows shaded, from the
 * marts' rows: category ALL and the headline metrics of the effects, the category pay cells, and
 * the ALL rows of the daily series (one per day).
 */
public record SeasonalPresentation(List<ReportTable> tables, List<ChartSpec> charts,
    List<BoxPlotSpec> boxPlots, TimeSeriesSpec timeSeries) {

  /** The metrics shown on the seasonal sheet and the uplift chart, in this order. */
  public static final List<String> HEADLINE = List.of("orders", "inquiries", "conversion",
      "refund_rate", "first_response_seconds");
  /** Event windows in the uplift chart (the latest ones). */
  static final int CHART_WINDOWS = 16;

  /**
   * Builds everything from the marts; {@code categoryPay}, {@code daily} and {@code calendar}
   * may be null (then that part is left out).
   */
  public static SeasonalPresentation of(Labels labels, LocalTable seasonalEffects,
      LocalTable categoryPay, LocalTable daily, PromotionCalendar calendar) {
    List<ReportTable> tables = new ArrayList<>();
    List<ChartSpec> charts = new ArrayList<>();
    List<BoxPlotSpec> boxes = new ArrayList<>();
    String seasonalSheet = labels.get("seasonal.sheet");
    if (seasonalEffects != null) {
      List<Row> rows = seasonalEffects.filter(r -> SeasonalSeries.ALL.equals(r.getAs("category"))
          && HEADLINE.contains(r.<String>getAs("metric"))).rows();
      tables.add(effectsTable(labels, rows));
      ChartSpec uplift = upliftChart(labels, rows, seasonalSheet);
      if (uplift != null) {
        charts.add(uplift);
      }
    }
    if (categoryPay != null) {
      List<Row> cells = categoryPay.filter(r -> "period".equals(r.getAs("period_type")))
          .sorted("category", "scheme_id").rows();
      tables.add(payTable(labels, cells));
      BoxPlotSpec box = payBoxes(labels, cells);
      if (box != null) {
        boxes.add(box);
      }
    }
    TimeSeriesSpec series = daily == null ? null : dailyChart(labels, daily, calendar,
        seasonalSheet);
    return new SeasonalPresentation(List.copyOf(tables), List.copyOf(charts),
        List.copyOf(boxes), series);
  }

  /** A window's row key: event, phase, year. */
  private record WindowKey(String event, String phase, int year, LocalDate start, LocalDate end,
      int eventDays, int baselineDays) {}

  static ReportTable effectsTable(Labels labels, List<Row> rows) {
    Map<WindowKey, Map<String, Row>> byWindow = new TreeMap<>(Comparator
        .comparing(WindowKey::start).thenComparing(WindowKey::event)
        .thenComparing(k -> k.phase().equals(SeasonalEffects.ALL_PHASES) ? 1 : 0)
        .thenComparing(WindowKey::phase));
    for (Row r : rows) {
      WindowKey key = new WindowKey(r.getAs("event"), r.getAs("phase"), r.getAs("year"),
          date(r.getAs("window_start")), date(r.getAs("window_end")), r.getAs("event_days"),
          r.getAs("baseline_days"));
      byWindow.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(r.getAs("metric"), r);
    }
    List<ReportColumn> columns = new ArrayList<>(List.of(
        new ReportColumn(labels.get("seasonal.col.event"), CellKind.TEXT),
        new ReportColumn(labels.get("seasonal.col.phase"), CellKind.TEXT),
        new ReportColumn(labels.get("seasonal.col.year"), CellKind.TEXT), // "2025", not 2,025
        new ReportColumn(labels.get("seasonal.col.window_start"), CellKind.DATE),
        new ReportColumn(labels.get("seasonal.col.window_end"), CellKind.DATE),
        new ReportColumn(labels.get("seasonal.col.event_days"), CellKind.INTEGER),
        new ReportColumn(labels.get("seasonal.col.baseline_days"), CellKind.INTEGER)));
    for (String m : HEADLINE) {
      String name = metricLabel(labels, m);
      CellKind level = levelKind(m);
      columns.add(new ReportColumn(labels.format("seasonal.col.level", name), level));
      columns.add(new ReportColumn(labels.format("seasonal.col.baseline", name), level));
      columns.add(new ReportColumn(labels.format("seasonal.col.uplift", name), CellKind.DECIMAL));
      columns.add(new ReportColumn(labels.format("seasonal.col.ci_low", name), CellKind.DECIMAL));
      columns.add(new ReportColumn(labels.format("seasonal.col.ci_high", name),
          CellKind.DECIMAL));
      columns.add(new ReportColumn(labels.format("seasonal.col.yoy", name), CellKind.PERCENT));
    }
    List<List<Object>> out = new ArrayList<>();
    byWindow.forEach((k, metrics) -> {
      List<Object> row = new ArrayList<>(List.of(k.event(), phaseLabel(labels, k.phase()),
          String.valueOf(k.year()), k.start(), k.end(), k.eventDays(), k.baselineDays()));
      for (String m : HEADLINE) {
        Row r = metrics.get(m);
        for (String c : List.of("event_level", "baseline_level", "uplift_ratio",
            "uplift_ci_low", "uplift_ci_high", "yoy_change")) {
          row.add(r == null ? null : (Double) r.getAs(c));
        }
      }
      out.add(row);
    });
    return new ReportTable(labels.get("seasonal.sheet"), labels.get("seasonal.title"), columns,
        out, out.isEmpty() ? labels.get("seasonal.note.noWindow") : null);
  }

  static ChartSpec upliftChart(Labels labels, List<Row> rows, String anchor) {
    Map<String, Map<String, Double>> byWindow = new LinkedHashMap<>();
    rows.stream()
        .filter(r -> SeasonalEffects.ALL_PHASES.equals(r.getAs("phase")))
        .sorted(Comparator.comparing(r -> date(r.getAs("window_start"))))
        .forEach(r -> byWindow.computeIfAbsent(r.getAs("event") + " " + r.getAs("year"),
            k -> new LinkedHashMap<>()).put(r.getAs("metric"), r.getAs("uplift_ratio")));
    if (byWindow.isEmpty()) {
      return null;
    }
    List<String> windows = new ArrayList<>(byWindow.keySet());
    windows = windows.subList(Math.max(0, windows.size() - CHART_WINDOWS), windows.size());
    LinkedHashMap<String, List<Number>> series = new LinkedHashMap<>();
    for (String m : HEADLINE) {
      List<Number> values = new ArrayList<>();
      for (String w : windows) {
        values.add(byWindow.get(w).get(m));
      }
      series.put(metricLabel(labels, m), values);
    }
    return new ChartSpec("seasonal_uplift", labels.get("seasonal.chart.uplift.title"),
        labels.get("seasonal.chart.uplift.x"), labels.get("seasonal.chart.uplift.y"),
        CellKind.DECIMAL, windows, series, anchor);
  }

  static ReportTable payTable(Labels labels, List<Row> cells) {
    List<ReportColumn> columns = new ArrayList<>();
    List<String> money = List.of("pay_mean", "pay_p10", "pay_p25", "pay_median", "pay_p75",
        "pay_p90");
    columns.add(new ReportColumn(labels.get("seasonal.pay.col.category"), CellKind.TEXT));
    columns.add(new ReportColumn(labels.get("seasonal.pay.col.period"), CellKind.TEXT));
    columns.add(new ReportColumn(labels.get("seasonal.pay.col.scheme"), CellKind.TEXT));
    columns.add(new ReportColumn(labels.get("seasonal.pay.col.current"), CellKind.TEXT));
    for (String c : List.of("agents", "agent_months", "mixed_agents")) {
      columns.add(new ReportColumn(labels.get("seasonal.pay.col." + c), CellKind.INTEGER));
    }
    for (String c : money) {
      columns.add(new ReportColumn(labels.get("seasonal.pay.col." + c), CellKind.MONEY));
    }
    columns.add(new ReportColumn(labels.get("seasonal.pay.col.paid_orders"), CellKind.INTEGER));
    columns.add(new ReportColumn(labels.get("seasonal.pay.col.pay_per_paid_order"),
        CellKind.MONEY));
    columns.add(new ReportColumn(labels.get("seasonal.pay.col.conversion"), CellKind.PERCENT));
    columns.add(new ReportColumn(labels.get("seasonal.pay.col.return_rate"), CellKind.PERCENT));
    columns.add(new ReportColumn(labels.get("seasonal.pay.col.note"), CellKind.TEXT));
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : cells) {
      boolean suppressed = Boolean.TRUE.equals(r.getAs("suppressed"));
      long agents = ((Number) r.getAs("agents")).longValue();
      List<Object> row = new ArrayList<>();
      row.add(payCategory(labels, r));
      row.add(r.getAs("period"));
      row.add(r.getAs("scheme_name") != null ? r.getAs("scheme_name") : r.getAs("scheme_id"));
      row.add(labels.get(Boolean.TRUE.equals(r.getAs("is_current_scheme"))
          ? "seasonal.yes" : "seasonal.no"));
      row.add(agents);
      row.add(r.getAs("agent_months"));
      row.add(r.getAs("mixed_agents"));
      for (String c : money) {
        row.add((BigDecimal) r.getAs(c));
      }
      row.add(r.getAs("paid_orders"));
      row.add((BigDecimal) r.getAs("pay_per_paid_order"));
      row.add(r.getAs("conversion"));
      row.add(r.getAs("return_rate"));
      row.add(suppressed ? labels.format("seasonal.pay.suppressed", agents) : null);
      rows.add(row);
    }
    return new ReportTable(labels.get("seasonal.pay.sheet"), labels.get("seasonal.pay.title")
        + labels.get("seasonal.pay.conversionNote"), columns, rows,
        rows.isEmpty() ? labels.get("seasonal.pay.note.noAgents") : null);
  }

  /**
   * A category_pay cell's category in words. kefu.seasonal.CategoryPay files agents without
   * credited sales (after-sales, say) under 'unknown'; with no paid order in the cell that is
   * 无成交（无主营类目）, as 薪酬分布 says, not 未知类目 (which is for order lines without one).
   */
  static String payCategory(Labels labels, Row r) {
    Object paid = r.getAs("paid_orders");
    return "unknown".equals(r.getAs("category")) && paid instanceof Number n && n.longValue() == 0
        ? labels.get("seasonal.pay.noSales") : labels.category(r.getAs("category"));
  }

  static BoxPlotSpec payBoxes(Labels labels, List<Row> cells) {
    List<String> categories = new ArrayList<>();
    List<BoxStats> boxes = new ArrayList<>();
    String scheme = null;
    for (Row r : cells) {
      if (!Boolean.TRUE.equals(r.getAs("is_current_scheme"))
          || Boolean.TRUE.equals(r.getAs("suppressed")) || r.getAs("pay_median") == null) {
        continue;
      }
      String name = r.getAs("scheme_name");
      scheme = name == null || name.isBlank() ? r.getAs("scheme_id")
          : r.getAs("scheme_id") + " " + name; // as the pay charts name it: S1 种子规则001
      categories.add(payCategory(labels, r));
      boxes.add(new BoxStats(r.getAs("pay_p10"), r.getAs("pay_p25"), r.getAs("pay_median"),
          r.getAs("pay_p75"), r.getAs("pay_p90"), r.getAs("pay_mean")));
    }
    if (categories.isEmpty()) {
      return null;
    }
    return new BoxPlotSpec("category_pay", labels.format("seasonal.chart.paybox.title", scheme),
        labels.get("seasonal.chart.paybox.x"), labels.get("seasonal.chart.paybox.y"),
        CellKind.MONEY, categories, boxes, labels.get("seasonal.pay.sheet"));
  }

  static TimeSeriesSpec dailyChart(Labels labels, LocalTable daily,
      PromotionCalendar calendar, String anchor) {
    List<Row> rows = daily.filter(r -> SeasonalSeries.ALL.equals(r.getAs("category")))
        .sorted("business_date").rows();
    if (rows.isEmpty()) {
      return null;
    }
    List<LocalDate> days = new ArrayList<>();
    List<Number> orders = new ArrayList<>();
    List<Number> conversion = new ArrayList<>();
    for (Row r : rows) {
      days.add(date(r.getAs("business_date")));
      orders.add((Number) r.getAs("orders"));
      long asked = ((Number) r.getAs("inquiry_buyers")).longValue();
      long paid = ((Number) r.getAs("inquiry_paid_buyers")).longValue();
      conversion.add(asked == 0 ? null : (double) paid / asked);
    }
    LinkedHashMap<String, List<Number>> left = new LinkedHashMap<>();
    left.put(metricLabel(labels, "orders"), orders);
    LinkedHashMap<String, List<Number>> right = new LinkedHashMap<>();
    right.put(metricLabel(labels, "conversion"), conversion);
    // without inquiries (no chat logs) the chart shows orders only and its title says so
    boolean anyConversion = conversion.stream().anyMatch(java.util.Objects::nonNull);
    return new TimeSeriesSpec("seasonal_daily", labels.get(anyConversion
        ? "seasonal.chart.daily.title" : "seasonal.chart.daily.title.ordersOnly"), days,
        labels.get("seasonal.chart.daily.left"), CellKind.INTEGER, left,
        labels.get("seasonal.chart.daily.right"), CellKind.PERCENT, right,
        windows(calendar, days.get(0), days.get(days.size() - 1)), anchor);
  }

  /** Whole-event windows overlapping the charted days, one shaded band per event and year. */
  static List<TimeSeriesSpec.Window> windows(PromotionCalendar calendar, LocalDate first,
      LocalDate last) {
    if (calendar == null) {
      return List.of();
    }
    Map<String, LocalDate[]> spans = new LinkedHashMap<>();
    for (PromotionEvent e : calendar.events()) {
      if (e.end().isBefore(first) || e.start().isAfter(last)) {
        continue;
      }
      spans.merge(e.event() + '\u0001' + e.start().getYear(),
          new LocalDate[] {e.start(), e.end()}, (a, b) -> new LocalDate[] {
              a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
    }
    List<TimeSeriesSpec.Window> windows = new ArrayList<>();
    spans.forEach((k, span) -> windows.add(new TimeSeriesSpec.Window(
        k.substring(0, k.indexOf('\u0001')), span[0], span[1])));
    return windows;
  }

  /** The label of a metric; agent pay per scheme names its scheme. */
  public static String metricLabel(Labels labels, String metric) {
    if (metric.startsWith(SeasonalMetric.PAY_METRIC)) {
      return labels.format("seasonal.metric.agent_pay",
          metric.substring(SeasonalMetric.PAY_METRIC.length()));
    }
    return labels.get("seasonal.metric." + metric);
  }

  public static String phaseLabel(Labels labels, String phase) {
    return labels.keys().contains("seasonal.phase." + phase)
        ? labels.get("seasonal.phase." + phase) : phase;
  }

  private static CellKind levelKind(String metric) {
    SeasonalMetric m = SeasonalMetric.byName(SeasonalMetric.FIXED, metric);
    return m != null && m.isRate() && !metric.equals("first_response_seconds")
        ? CellKind.PERCENT : CellKind.DECIMAL;
  }

  private static LocalDate date(Object o) {
    return o instanceof LocalDate d ? d : ((Date) o).toLocalDate();
  }
}
