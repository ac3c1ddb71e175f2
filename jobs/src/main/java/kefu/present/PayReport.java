package kefu.present;

import static kefu.present.MartRows.number;
import static kefu.present.MartRows.text;
import static kefu.present.MartRows.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kefu.marts.Period;
import kefu.pay.PayConfig;
import kefu.pay.PayMarts;
import kefu.pay.SchemeDef;
import kefu.report.CellKind;
import kefu.report.BoxPlotSpec;
import kefu.report.BoxStats;
import kefu.report.ChartSpec;
import kefu.report.Labels;
import kefu.report.ReportColumn;
import kefu.report.ReportTable;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;

/**
 * The pay-scheme part of the workbook, from the pay marts: only aggregates (one row a scheme,
 * the distribution table, counts of winners and losers) and capped listings reach the driver.
 * {@code tables} are the overview sheets (薪酬方案对比, 薪酬分布, 方案得失), {@code detailTables}
 * the long listings the workbook puts last (当前方案工资条, 归因敏感性). {@code currentSchemeSales}
 * is the credited sales the current scheme paid on (null without agent-months), which the
 * reconciliation sheet checks against the agents' sheet.
 */
public record PayReport(List<ReportTable> tables, List<ReportTable> detailTables,
    List<ChartSpec> charts, List<String> findings, List<BoxPlotSpec> boxPlots,
    BigDecimal currentSchemeSales) {

  /** Agents shown in the pay-change chart: the largest absolute changes. */
  public static final int CHANGE_CHART_AGENTS = 30;

  /** Payslip and winner/loser listings stop here; the marts hold every row. */
  public static final int MAX_LISTED_ROWS = 2000;
  /** Label keys of the sheets the charts are anchored on. */
  static final String COMPARISON_SHEET_KEY = "pipeline.sheet.payComparison";
  static final String CHANGES_SHEET_KEY = "pipeline.sheet.payChanges";

  /** In Chinese. */
  public static PayReport of(PayConfig config, PayMarts pay, Period period) {
    return of(config, pay, period, Labels.chinese());
  }

  public static PayReport of(PayConfig config, PayMarts pay, Period period, Labels labels) {
    Map<String, Row> byScheme = new HashMap<>();
    for (Row r : pay.payDistribution().rows()) {
      if ("all".equals(text(r, "period_type")) && "all".equals(text(r, "dimension"))) {
        byScheme.put(text(r, "scheme_id"), r);
      }
    }
    Map<String, Long> outcomes = new HashMap<>();
    pay.payChanges().rows().forEach(r -> outcomes.merge(text(r, "scheme_id") + "|"
        + text(r, "outcome"), 1L, Long::sum));
    Map<String, String> notComputed = notComputed(config, pay, labels);
    List<ReportTable> tables = new ArrayList<>(List.of(
        comparison(config, byScheme, outcomes, notComputed, labels),
        distribution(config, pay, labels), changes(config, pay, labels)));
    if (!notComputed.isEmpty()) {
      // totals without the components that need chats: say so under every pay sheet
      String note = labels.get("pipeline.note.payWithoutChats");
      tables.replaceAll(t -> t.withNote(note));
    }
    List<ReportTable> details = new ArrayList<>(List.of(payslips(config, pay, labels)));
    if (pay.attributionSensitivity() != null) {
      details.add(sensitivity(config, pay.attributionSensitivity(), labels));
    }
    if (byScheme.isEmpty()) { // no agent worked a month: say so instead of rows of zeros
      for (List<ReportTable> list : List.of(tables, details)) {
        list.replaceAll(t -> new ReportTable(t.sheetName(), t.title(), t.columns(), List.of(),
            labels.get("pipeline.pay.noAgentMonths")));
      }
    }
    List<ChartSpec> charts = new ArrayList<>(charts(config, byScheme, labels));
    ChartSpec change = changeChart(config, byScheme, pay, labels);
    if (change != null) {
      charts.add(change);
    }
    Row current = byScheme.get(config.currentScheme().schemeId());
    return new PayReport(tables, details, charts,
        findings(config, byScheme, notComputed, labels),
        List.of(payBoxPlot(config, byScheme, labels)),
        current == null ? null : (BigDecimal) value(current, "total_sales"));
  }

  /**
   * Per scheme, the components that could not be computed for some agent-month of the period
   * (a review from the exports without chats), in words: "S1-3 退货扣款、S1-4 静默销售分成".
   * Empty when every line has its amount.
   */
  public static Map<String, String> notComputed(PayConfig config, PayMarts pay, Labels l) {
    Map<String, java.util.TreeMap<Integer, String>> byScheme = new HashMap<>();
    for (Row r : pay.payslipLines().rows()) {
      if (value(r, "amount") == null) {
        byScheme.computeIfAbsent(text(r, "scheme_id"), k -> new java.util.TreeMap<>())
            .put(((Number) value(r, "component_line")).intValue(), text(r, "component_id") + " "
                + Codes.of(l, text(r, "component_type")));
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (SchemeDef s : config.schemes()) {
      if (byScheme.containsKey(s.schemeId())) {
        out.put(s.schemeId(), String.join("、", byScheme.get(s.schemeId()).values()));
      }
    }
    return out;
  }

  private static ReportTable comparison(PayConfig config, Map<String, Row> byScheme,
      Map<String, Long> outcomes, Map<String, String> notComputed, Labels l) {
    List<ReportColumn> cols = new ArrayList<>(List.of(column(l, "scheme", CellKind.TEXT),
        column(l, "schemeName", CellKind.TEXT),
        column(l, "current", CellKind.TEXT), column(l, "agentMonths", CellKind.INTEGER),
        column(l, "totalPayroll", CellKind.MONEY), column(l, "agentSales", CellKind.MONEY),
        column(l, "payrollShareOfSales", CellKind.PERCENT),
        column(l, "costPerPaidOrder", CellKind.MONEY),
        column(l, "medianMonthlyPay", CellKind.MONEY), column(l, "medianCiLow", CellKind.MONEY),
        column(l, "medianCiHigh", CellKind.MONEY), column(l, "p10", CellKind.MONEY),
        column(l, "p90", CellKind.MONEY), column(l, "gini", CellKind.DECIMAL),
        column(l, "shareBelowMinWage", CellKind.PERCENT), column(l, "winners", CellKind.INTEGER),
        column(l, "losers", CellKind.INTEGER), column(l, "unchanged", CellKind.INTEGER)));
    if (!notComputed.isEmpty()) {
      cols.add(column(l, "notComputed", CellKind.TEXT));
    }
    String currentMark = l.get("pipeline.pay.currentMark");
    List<List<Object>> rows = new ArrayList<>();
    for (SchemeDef s : config.schemes()) {
      Row r = byScheme.get(s.schemeId());
      String id = s.schemeId();
      List<Object> row = new ArrayList<>(Arrays.asList(id, s.name(),
          s.isCurrent() ? currentMark : null,
          r == null ? 0L : value(r, "n"), v(r, "total_payroll"), v(r, "total_sales"),
          v(r, "payroll_pct_of_sales"), v(r, "cost_per_paid_order"), v(r, "median"),
          v(r, "median_ci_low"), v(r, "median_ci_high"), v(r, "p10"), v(r, "p90"), v(r, "gini"),
          v(r, "share_below_min_wage"),
          s.isCurrent() ? null : outcomes.getOrDefault(id + "|winner", 0L),
          s.isCurrent() ? null : outcomes.getOrDefault(id + "|loser", 0L),
          s.isCurrent() ? null : outcomes.getOrDefault(id + "|unchanged", 0L)));
      if (!notComputed.isEmpty()) {
        row.add(notComputed.containsKey(id)
            ? l.format("pipeline.pay.notComputed", notComputed.get(id)) : null);
      }
      rows.add(row);
    }
    return new ReportTable(l.get(COMPARISON_SHEET_KEY), l.get("pipeline.title.payComparison"), cols,
        rows);
  }

  /** Distribution fields holding codes (all, month, season, peak, …), shown in words. */
  private static final java.util.Set<String> CODED_FIELDS =
      java.util.Set.of("period_type", "dimension", "dimension_value");

  private static ReportTable distribution(PayConfig config, PayMarts pay, Labels l) {
    List<ReportColumn> cols = List.of(column(l, "scheme", CellKind.TEXT),
        column(l, "periodType", CellKind.TEXT), column(l, "period", CellKind.TEXT),
        column(l, "dimension", CellKind.TEXT), column(l, "dimensionValue", CellKind.TEXT),
        column(l, "agentMonths", CellKind.INTEGER), column(l, "mean", CellKind.MONEY),
        column(l, "median", CellKind.MONEY), column(l, "p10", CellKind.MONEY),
        column(l, "p25", CellKind.MONEY), column(l, "p75", CellKind.MONEY),
        column(l, "p90", CellKind.MONEY), column(l, "min", CellKind.MONEY),
        column(l, "max", CellKind.MONEY), column(l, "gini", CellKind.DECIMAL),
        column(l, "shareBelowMinWage", CellKind.PERCENT),
        column(l, "totalPayroll", CellKind.MONEY),
        column(l, "payrollShareOfSales", CellKind.PERCENT),
        column(l, "costPerPaidOrder", CellKind.MONEY));
    String[] fields = {"scheme_id", "period_type", "period", "dimension", "dimension_value",
        "n", "mean", "median", "p10", "p25", "p75", "p90", "min", "max", "gini",
        "share_below_min_wage", "total_payroll", "payroll_pct_of_sales", "cost_per_paid_order"};
    Map<String, String> names = schemeLabels(config);
    List<List<Object>> rows = new ArrayList<>();
    // Schemes in the config's order (S1, S2, …, S10), as on 方案得失, not the text order.
    List<String> order = config.schemes().stream().map(SchemeDef::schemeId).toList();
    List<Row> sorted = new ArrayList<>(pay.payDistribution().sorted("scheme_id", "period_type",
        "period", "dimension", "dimension_value").rows());
    sorted.sort(java.util.Comparator.comparingInt(r -> order.indexOf(text(r, "scheme_id"))));
    for (Row r : first(sorted)) {
      List<Object> row = new ArrayList<>();
      for (String f : fields) {
        Object v = value(r, f);
        row.add(CODED_FIELDS.contains(f) ? Codes.of(l, (String) v) : v);
      }
      if ("category".equals(text(r, "dimension"))) {
        String category = text(r, "dimension_value");
        row.set(4, kefu.pay.PayDistribution.NO_MAIN_CATEGORY.equals(category)
            ? l.get("pipeline.pay.noMainCategory") : l.category(category));
      }
      row.set(0, names.getOrDefault(text(r, "scheme_id"), text(r, "scheme_id")));
      rows.add(row);
    }
    return new ReportTable(l.get("pipeline.sheet.payDistribution"),
        l.get("pipeline.title.payDistribution"), cols, rows);
  }

  private static ReportTable payslips(PayConfig config, PayMarts pay, Labels l) {
    String current = config.currentScheme().schemeId();
    List<ReportColumn> cols = List.of(column(l, "shop", CellKind.TEXT),
        column(l, "agent", CellKind.TEXT), column(l, "month", CellKind.TEXT),
        column(l, "component", CellKind.TEXT), column(l, "componentType", CellKind.TEXT),
        column(l, "category", CellKind.TEXT), column(l, "basis", CellKind.TEXT),
        column(l, "basisAmount", CellKind.DECIMAL), column(l, "rate", CellKind.DECIMAL),
        column(l, "amount", CellKind.MONEY), column(l, "note", CellKind.TEXT));
    List<List<Object>> rows = new ArrayList<>();
    // a line that could not be computed (no chats) has no basis and no amount: say so, not 0
    String needsChats = l.get("pipeline.missing.needsChats");
    for (Row r : first(pay.payslipLines().filter(r -> current.equals(text(r, "scheme_id")))
        .sorted("shop_id", "agent_id", "month", "component_line"))) {
      boolean computed = value(r, "amount") != null;
      rows.add(Arrays.asList(text(r, "shop_id"), text(r, "agent_id"), text(r, "month"),
          componentLabel(l, text(r, "scheme_id"), text(r, "component_id")),
          Codes.of(l, text(r, "component_type")),
          text(r, "category") == null ? null : l.category(text(r, "category")),
          Codes.of(l, text(r, "basis")), computed ? value(r, "basis_amount") : needsChats,
          value(r, "rate"), computed ? value(r, "amount") : needsChats,
          text(r, "note")));
    }
    return new ReportTable(l.get("pipeline.sheet.payslips"),
        l.format("pipeline.title.payslips", titleScheme(config.currentScheme(), l),
            MAX_LISTED_ROWS),
        cols, rows);
  }

  /**
   * A payslip line's 项目: the config's component id (S1-2) as it is; the lines kefu adds after
   * the components (S1-min-wage, S1-cap) with their suffix in words (S1-最低工资补足).
   */
  static String componentLabel(Labels l, String schemeId, String componentId) {
    if (schemeId == null || componentId == null || !componentId.startsWith(schemeId + "-")) {
      return componentId;
    }
    String key = "pipeline.payslip.line." + componentId.substring(schemeId.length() + 1);
    return l.has(key) ? schemeId + "-" + l.get(key) : componentId;
  }

  private static ReportTable changes(PayConfig config, PayMarts pay, Labels l) {
    List<ReportColumn> cols = List.of(column(l, "scheme", CellKind.TEXT),
        column(l, "shop", CellKind.TEXT), column(l, "agent", CellKind.TEXT),
        column(l, "employment", CellKind.TEXT), column(l, "monthsCompared", CellKind.INTEGER),
        column(l, "schemePay", CellKind.MONEY), column(l, "currentPay", CellKind.MONEY),
        column(l, "change", CellKind.MONEY), column(l, "changePct", CellKind.PERCENT),
        column(l, "outcome", CellKind.TEXT));
    List<List<Object>> rows = new ArrayList<>();
    // Schemes in the config's order (S1, S2, …, S10), not the text order (S1, S10, S2).
    List<String> order = config.schemes().stream().map(SchemeDef::schemeId).toList();
    List<Row> sorted =
        new ArrayList<>(pay.payChanges().sorted("scheme_id", "change_amount").rows());
    sorted.sort(java.util.Comparator.comparingInt(r -> order.indexOf(text(r, "scheme_id"))));
    Map<String, String> names = schemeLabels(config);
    for (Row r : first(sorted)) {
      rows.add(Arrays.asList(names.getOrDefault(text(r, "scheme_id"), text(r, "scheme_id")),
          text(r, "shop_id"), text(r, "agent_id"),
          Codes.of(l, text(r, "employment")), value(r, "months_compared"),
          value(r, "net_pay_total"), value(r, "current_net_pay_total"),
          value(r, "change_amount"), value(r, "change_pct"), Codes.of(l, text(r, "outcome"))));
    }
    return new ReportTable(l.get(CHANGES_SHEET_KEY), l.get("pipeline.title.payChanges"), cols, rows);
  }

  /** Label key of the sheet's name. */
  static final String SENSITIVITY_SHEET_KEY = "pipeline.sheet.sensitivity";

  /** In Chinese. */
  public static ReportTable sensitivity(PayConfig config, LocalTable sensitivity) {
    return sensitivity(config, sensitivity, Labels.chinese());
  }

  /**
   * One row per agent: current-scheme pay, credited sales and 询单转化率 under each attribution
   * rule side by side, agents whose pay moves most first.
   */
  static ReportTable sensitivity(PayConfig config, LocalTable sensitivity, Labels l) {
    // The rules, payment judgment first, then by window.
    Map<String, Row> rules = new java.util.TreeMap<>();
    for (Row r : sensitivity.rows()) {
      rules.putIfAbsent(("PAYMENT".equals(text(r, "judgment")) ? "0" : "1")
          + String.format("%05d", ((Number) value(r, "window_days")).intValue())
          + text(r, "rule_id"), r);
    }
    List<String> ids = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Row r : rules.values()) {
      ids.add(text(r, "rule_id"));
      labels.add(ruleLabel(text(r, "judgment"), ((Number) value(r, "window_days")).intValue(),
          Boolean.TRUE.equals(value(r, "is_configured_rule")), l));
    }
    // One row per agent: each rule's figures, the largest pay change, the inquiring buyers.
    Map<String, Map<String, Row>> byAgent = new LinkedHashMap<>();
    for (Row r : sensitivity.rows()) {
      byAgent.computeIfAbsent(text(r, "shop_id") + "\u0000" + text(r, "agent_id"),
          k -> new HashMap<>()).putIfAbsent(text(r, "rule_id"), r);
    }
    // An agent with nothing under any rule (one who left before the period, say) is left out as
    // on 客服: a row of ¥0.00 under every rule would read as an agent paid nothing.
    byAgent.values().removeIf(agent -> agent.values().stream().allMatch(PayReport::idle));
    List<Map<String, Row>> wide = new ArrayList<>(byAgent.values());
    java.util.function.ToDoubleFunction<Map<String, Row>> maxChange = m -> m.values().stream()
        .mapToDouble(r -> Math.abs(number(r, "net_pay_change"))).max().orElse(0);
    wide.sort(java.util.Comparator.comparingDouble(maxChange).reversed()
        .thenComparing(m -> text(m.values().iterator().next(), "shop_id"))
        .thenComparing(m -> text(m.values().iterator().next(), "agent_id")));
    List<ReportColumn> cols = new ArrayList<>(List.of(column(l, "shop", CellKind.TEXT),
        column(l, "agent", CellKind.TEXT), column(l, "inquiryBuyers", CellKind.INTEGER),
        column(l, "maxPayChange", CellKind.MONEY)));
    String[][] parts = {{"pay", "pipeline.sensitivity.pay"},
        {"sales", "pipeline.sensitivity.sales"}, {"conv", "pipeline.sensitivity.conversion"}};
    for (String[] part : parts) {
      for (String label : labels) {
        cols.add(new ReportColumn(l.format("pipeline.sensitivity.column", label, l.get(part[1])),
            part[0].equals("conv") ? CellKind.PERCENT : CellKind.MONEY));
      }
    }
    String[] fields = {"net_pay", "sales_gross", "inquiry_conversion"};
    List<List<Object>> rows = new ArrayList<>();
    for (Map<String, Row> agent : first(wide)) {
      Row any = agent.values().iterator().next();
      BigDecimal largest = agent.values().stream().map(r -> ((BigDecimal) value(r,
          "net_pay_change")).abs()).max(BigDecimal::compareTo).orElse(null);
      List<Object> row = new ArrayList<>(Arrays.asList(text(any, "shop_id"),
          text(any, "agent_id"), value(any, "inquiry_buyers"), largest));
      for (String field : fields) {
        for (String id : ids) {
          Row r = agent.get(id);
          row.add(r == null ? null : value(r, field));
        }
      }
      rows.add(row);
    }
    ReportTable table = new ReportTable(l.get(SENSITIVITY_SHEET_KEY),
        l.format("pipeline.title.sensitivity", titleScheme(config.currentScheme(), l),
            MAX_LISTED_ROWS), cols, rows);
    // re-attributing orders under other rules needs the receptions: none without chats
    return rows.isEmpty() ? table.withNote(l.get("pipeline.note.sensitivityNeedsChats")) : table;
  }

  /** No inquiry, credit, refund or paid month under this rule. */
  private static boolean idle(Row r) {
    return number(r, "inquiry_buyers") == 0 && number(r, "paid_orders") == 0
        && number(r, "sales_gross") == 0 && number(r, "refund_amount") == 0
        && number(r, "months_paid") == 0;
  }

  /** "付款判定·+1天（本次）" in Chinese. */
  public static String ruleLabel(String judgment, int windowDays, boolean configured) {
    return ruleLabel(judgment, windowDays, configured, Labels.chinese());
  }

  /** "付款判定·+1天（本次）", "Payment +1d (this run)". */
  public static String ruleLabel(String judgment, int windowDays, boolean configured, Labels l) {
    String j = l.get("ORDER".equals(judgment) ? "pipeline.rule.order" : "pipeline.rule.payment");
    String w = windowDays == 0 ? l.get("pipeline.rule.sameDay")
        : l.format("pipeline.rule.plusDays", windowDays);
    return l.format("pipeline.rule.label", j, w,
        configured ? l.get("pipeline.rule.configured") : "");
  }

  /** The first {@link #MAX_LISTED_ROWS} of a listing. */
  private static <T> List<T> first(List<T> rows) {
    return rows.subList(0, Math.min(rows.size(), MAX_LISTED_ROWS));
  }

  private static List<Row> first(LocalTable table) {
    return first(table.rows());
  }

  private static List<ChartSpec> charts(PayConfig config, Map<String, Row> byScheme,
      Labels l) {
    List<String> ids = new ArrayList<>();
    List<Number> share = new ArrayList<>();
    for (SchemeDef s : config.schemes()) {
      Row r = byScheme.get(s.schemeId());
      if (r == null) {
        continue;
      }
      ids.add(schemeLabel(s));
      share.add((Number) v(r, "payroll_pct_of_sales"));
    }
    LinkedHashMap<String, List<Number>> cost = new LinkedHashMap<>();
    cost.put(l.get("pipeline.col.payrollShareOfSales"), share);
    return List.of(new ChartSpec("payroll_share_by_scheme",
        l.get("pipeline.chart.payrollShare.title"), l.get("pipeline.col.scheme"),
        l.get("pipeline.axis.share"), CellKind.PERCENT, ids, cost, l.get(COMPARISON_SHEET_KEY)));
  }

  /** One box per scheme: the period's agent-month net pay quantiles from pay_distribution. */
  static BoxPlotSpec payBoxPlot(PayConfig config, Map<String, Row> byScheme, Labels l) {
    List<String> ids = new ArrayList<>();
    List<BoxStats> boxes = new ArrayList<>();
    for (SchemeDef s : config.schemes()) {
      Row r = byScheme.get(s.schemeId());
      if (r == null || value(r, "median") == null) {
        continue;
      }
      ids.add(schemeLabel(s));
      boxes.add(new BoxStats((Number) v(r, "p10"), (Number) v(r, "p25"),
          (Number) v(r, "median"), (Number) v(r, "p75"), (Number) v(r, "p90"),
          (Number) v(r, "mean")));
    }
    return new BoxPlotSpec("pay_by_scheme", l.get("pipeline.chart.payBox.title"),
        l.get("pipeline.col.scheme"), l.get("pipeline.axis.yuan"), CellKind.MONEY, ids, boxes,
        l.get(COMPARISON_SHEET_KEY));
  }

  /**
   * Per agent, the change of total net pay against the current scheme under the cheapest and
   * the most expensive scheme (among those paying the same agent-months); the agents with the
   * largest absolute change. Null when there is no other comparable scheme.
   */
  static ChartSpec changeChart(PayConfig config, Map<String, Row> byScheme, PayMarts pay,
      Labels l) {
    SchemeDef current = config.currentScheme();
    Row now = byScheme.get(current.schemeId());
    if (now == null) {
      return null;
    }
    SchemeDef cheapest = null;
    SchemeDef dearest = null;
    for (SchemeDef s : config.schemes()) {
      Row r = byScheme.get(s.schemeId());
      if (s == current || r == null || number(r, "n") != number(now, "n")) {
        continue;
      }
      if (cheapest == null || number(r, "total_payroll")
          < number(byScheme.get(cheapest.schemeId()), "total_payroll")) {
        cheapest = s;
      }
      if (dearest == null || number(r, "total_payroll")
          > number(byScheme.get(dearest.schemeId()), "total_payroll")) {
        dearest = s;
      }
    }
    if (cheapest == null) {
      return null;
    }
    List<String> shown = cheapest == dearest ? List.of(cheapest.schemeId())
        : List.of(cheapest.schemeId(), dearest.schemeId());
    // The agents with the largest absolute change under either shown scheme.
    Map<String, Double> largest = new HashMap<>();
    Map<String, String> shopOf = new HashMap<>();
    Map<String, Number> change = new HashMap<>();
    for (Row r : pay.payChanges().rows()) {
      if (!shown.contains(text(r, "scheme_id"))) {
        continue;
      }
      String agent = text(r, "agent_id");
      largest.merge(agent, Math.abs(number(r, "change_amount")), Math::max);
      shopOf.put(agent, text(r, "shop_id"));
      change.put(agent + "|" + text(r, "scheme_id"), (Number) value(r, "change_amount"));
    }
    List<String> agents = new ArrayList<>(largest.keySet());
    agents.sort((a, b) -> largest.get(b).compareTo(largest.get(a)) != 0
        ? largest.get(b).compareTo(largest.get(a))
        : shopOf.get(a).compareTo(shopOf.get(b)) != 0 ? shopOf.get(a).compareTo(shopOf.get(b))
            : a.compareTo(b));
    agents = new ArrayList<>(agents.subList(0, Math.min(agents.size(), CHANGE_CHART_AGENTS)));
    LinkedHashMap<String, List<Number>> series = new LinkedHashMap<>();
    for (String scheme : shown) {
      List<Number> values = new ArrayList<>();
      for (String agent : agents) {
        values.add(change.get(agent + "|" + scheme));
      }
      SchemeDef def = scheme.equals(cheapest.schemeId()) ? cheapest : dearest;
      String label = l.format(def == cheapest
          ? "pipeline.chart.payChange.cheapest" : "pipeline.chart.payChange.dearest",
          schemeLabel(def));
      series.put(label, values);
    }
    return new ChartSpec("pay_change_by_agent", l.format("pipeline.chart.payChange.title",
        schemeLabel(current), CHANGE_CHART_AGENTS), l.get("pipeline.col.agent"),
        l.get("pipeline.axis.yuan"), CellKind.MONEY, agents, series, l.get(CHANGES_SHEET_KEY));
  }

  private static List<String> findings(PayConfig config, Map<String, Row> byScheme,
      Map<String, String> notComputed, Labels l) {
    SchemeDef current = config.currentScheme();
    Row now = byScheme.get(current.schemeId());
    if (now == null) {
      return List.of();
    }
    if (notComputed.containsKey(current.schemeId())) {
      // the total leaves out what needs chats: say which, and compare no scheme on it
      return List.of(l.format("pipeline.finding.payPartial", current.schemeId(),
          number(now, "total_payroll"), number(now, "median"),
          notComputed.get(current.schemeId())));
    }
    // Only schemes paying the same agent-months compare on cost (S7 pays part-timers only),
    // and only schemes whose every component was computed.
    SchemeDef cheapest = current;
    for (SchemeDef s : config.schemes()) {
      Row r = byScheme.get(s.schemeId());
      if (r != null && !notComputed.containsKey(s.schemeId())
          && number(r, "n") == number(now, "n") && number(r, "total_payroll")
          < number(byScheme.get(cheapest.schemeId()), "total_payroll")) {
        cheapest = s;
      }
    }
    String cheaper = cheapest == current ? "" : l.format("pipeline.finding.pay.cheapest",
        schemeLabel(cheapest), number(byScheme.get(cheapest.schemeId()), "total_payroll"));
    return List.of(l.format("pipeline.finding.pay", schemeLabel(current),
        number(now, "total_payroll"), number(now, "median"), cheaper));
  }

  /** Each scheme's {@link #schemeLabel}, by id: tables name the scheme, not only its id. */
  static Map<String, String> schemeLabels(PayConfig config) {
    Map<String, String> names = new HashMap<>();
    config.schemes().forEach(s -> names.put(s.schemeId(), schemeLabel(s)));
    return names;
  }

  /**
   * The scheme in a sheet title: named in Chinese (S1 种子规则001（现行）); the id alone in
   * English, whose titles and headers stay free of the config's Chinese names (cells show them).
   */
  static String titleScheme(SchemeDef s, Labels l) {
    return "zh".equals(l.language()) ? schemeLabel(s) : s.schemeId();
  }

  /** "S4 阶梯销售提成": charts name each scheme, not only its id. */
  static String schemeLabel(SchemeDef s) {
    return s.name() == null || s.name().isBlank() ? s.schemeId()
        : s.schemeId() + " " + s.name();
  }

  private static Object v(Row r, String column) {
    return r == null ? null : value(r, column);
  }

  private static ReportColumn column(Labels l, String key, CellKind kind) {
    return ReviewReportAssembler.column(l, key, kind);
  }
}
