package kefu.pipeline;

import static kefu.pipeline.MartRows.number;
import static kefu.pipeline.MartRows.text;
import static kefu.pipeline.MartRows.value;
import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.max;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kefu.marts.Period;
import kefu.pay.PayConfig;
import kefu.pay.PayMarts;
import kefu.pay.SchemeDef;
import kefu.report.CellKind;
import kefu.report.BoxPlotSpec;
import kefu.report.BoxStats;
import kefu.report.ChartSpec;
import kefu.report.ReportColumn;
import kefu.report.ReportTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The pay-scheme part of the workbook, from the pay marts: only aggregates (one row a scheme,
 * the distribution table, counts of winners and losers) and capped listings reach the driver.
 */
record PayReport(List<ReportTable> tables, List<ChartSpec> charts, List<String> findings,
    List<BoxPlotSpec> boxPlots) {

  /** Agents shown in the pay-change chart: the largest absolute changes. */
  static final int CHANGE_CHART_AGENTS = 30;

  /** Payslip and winner/loser listings stop here; the marts hold every row. */
  static final int MAX_LISTED_ROWS = 2000;
  static final String COMPARISON_SHEET = "薪酬方案对比";

  static PayReport of(PayConfig config, PayMarts pay, Period period) {
    List<Row> overall = pay.payDistribution()
        .where(col("period_type").equalTo("all").and(col("dimension").equalTo("all")))
        .collectAsList();
    Map<String, Row> byScheme = new HashMap<>();
    overall.forEach(r -> byScheme.put(text(r, "scheme_id"), r));
    Map<String, Long> outcomes = new HashMap<>();
    pay.payChanges().groupBy("scheme_id", "outcome").count().collectAsList()
        .forEach(r -> outcomes.put(text(r, "scheme_id") + "|" + text(r, "outcome"),
            r.getLong(2)));
    List<ReportTable> tables = new ArrayList<>(List.of(comparison(config, byScheme, outcomes),
        distribution(pay), payslips(config, pay), changes(pay)));
    if (pay.attributionSensitivity() != null) {
      tables.add(sensitivity(config, pay.attributionSensitivity()));
    }
    List<ChartSpec> charts = new ArrayList<>(charts(config, byScheme));
    ChartSpec change = changeChart(config, byScheme, pay);
    if (change != null) {
      charts.add(change);
    }
    return new PayReport(tables, charts, findings(config, byScheme),
        List.of(payBoxPlot(config, byScheme)));
  }

  private static ReportTable comparison(PayConfig config, Map<String, Row> byScheme,
      Map<String, Long> outcomes) {
    List<ReportColumn> cols = List.of(column("方案", CellKind.TEXT), column("方案名称", CellKind.TEXT),
        column("现行", CellKind.TEXT), column("人月数", CellKind.INTEGER),
        column("总薪酬", CellKind.MONEY), column("客服销售额", CellKind.MONEY),
        column("薪酬占销售额", CellKind.PERCENT), column("单均成本", CellKind.MONEY),
        column("月薪中位数", CellKind.MONEY), column("中位数95%下限", CellKind.MONEY),
        column("中位数95%上限", CellKind.MONEY), column("P10", CellKind.MONEY),
        column("P90", CellKind.MONEY), column("Gini", CellKind.DECIMAL),
        column("低于最低工资占比", CellKind.PERCENT), column("得益人数", CellKind.INTEGER),
        column("受损人数", CellKind.INTEGER), column("持平人数", CellKind.INTEGER));
    List<List<Object>> rows = new ArrayList<>();
    for (SchemeDef s : config.schemes()) {
      Row r = byScheme.get(s.schemeId());
      String id = s.schemeId();
      rows.add(Arrays.asList(id, s.name(), s.isCurrent() ? "现行" : null,
          r == null ? 0L : value(r, "n"), v(r, "total_payroll"), v(r, "total_sales"),
          v(r, "payroll_pct_of_sales"), v(r, "cost_per_paid_order"), v(r, "median"),
          v(r, "median_ci_low"), v(r, "median_ci_high"), v(r, "p10"), v(r, "p90"), v(r, "gini"),
          v(r, "share_below_min_wage"),
          s.isCurrent() ? null : outcomes.getOrDefault(id + "|winner", 0L),
          s.isCurrent() ? null : outcomes.getOrDefault(id + "|loser", 0L),
          s.isCurrent() ? null : outcomes.getOrDefault(id + "|unchanged", 0L)));
    }
    return new ReportTable(COMPARISON_SHEET,
        "薪酬方案对比：同一段历史按每个方案重算（人月净薪酬；得失相对现行方案）", cols, rows);
  }

  private static ReportTable distribution(PayMarts pay) {
    List<ReportColumn> cols = List.of(column("方案", CellKind.TEXT), column("期间类型", CellKind.TEXT),
        column("期间", CellKind.TEXT), column("维度", CellKind.TEXT), column("维度值", CellKind.TEXT),
        column("人月数", CellKind.INTEGER), column("均值", CellKind.MONEY),
        column("中位数", CellKind.MONEY), column("P10", CellKind.MONEY), column("P25", CellKind.MONEY),
        column("P75", CellKind.MONEY), column("P90", CellKind.MONEY), column("最低", CellKind.MONEY),
        column("最高", CellKind.MONEY), column("Gini", CellKind.DECIMAL),
        column("低于最低工资占比", CellKind.PERCENT), column("总薪酬", CellKind.MONEY),
        column("薪酬占销售额", CellKind.PERCENT), column("单均成本", CellKind.MONEY));
    String[] fields = {"scheme_id", "period_type", "period", "dimension", "dimension_value",
        "n", "mean", "median", "p10", "p25", "p75", "p90", "min", "max", "gini",
        "share_below_min_wage", "total_payroll", "payroll_pct_of_sales", "cost_per_paid_order"};
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : pay.payDistribution().orderBy("scheme_id", "period_type", "period",
        "dimension", "dimension_value").limit(MAX_LISTED_ROWS).collectAsList()) {
      List<Object> row = new ArrayList<>();
      for (String f : fields) {
        row.add(value(r, f));
      }
      rows.add(row);
    }
    return new ReportTable("薪酬分布", "人月净薪酬分布：按方案 × 期间 × 维度（全部 / 类目 / 淡旺季）",
        cols, rows);
  }

  private static ReportTable payslips(PayConfig config, PayMarts pay) {
    String current = config.currentScheme().schemeId();
    List<ReportColumn> cols = List.of(column("店铺", CellKind.TEXT), column("客服", CellKind.TEXT),
        column("月份", CellKind.TEXT), column("项目", CellKind.TEXT), column("类型", CellKind.TEXT),
        column("类目", CellKind.TEXT), column("计算基础", CellKind.TEXT),
        column("基数", CellKind.DECIMAL), column("比率/单价", CellKind.DECIMAL),
        column("金额", CellKind.MONEY), column("说明", CellKind.TEXT));
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : pay.payslipLines().where(col("scheme_id").equalTo(current))
        .orderBy("shop_id", "agent_id", "month", "component_line").limit(MAX_LISTED_ROWS)
        .collectAsList()) {
      rows.add(Arrays.asList(text(r, "shop_id"), text(r, "agent_id"), text(r, "month"),
          text(r, "component_id"), text(r, "component_type"), text(r, "category"),
          text(r, "basis"), value(r, "basis_amount"), value(r, "rate"), value(r, "amount"),
          text(r, "note")));
    }
    return new ReportTable("当前方案工资条", "现行方案 " + current + " 的工资条明细（最多 "
        + MAX_LISTED_ROWS + " 行；完整见 marts/payslip_lines）", cols, rows);
  }

  private static ReportTable changes(PayMarts pay) {
    List<ReportColumn> cols = List.of(column("方案", CellKind.TEXT), column("店铺", CellKind.TEXT),
        column("客服", CellKind.TEXT), column("用工", CellKind.TEXT), column("比较月数", CellKind.INTEGER),
        column("该方案薪酬", CellKind.MONEY), column("现行方案薪酬", CellKind.MONEY),
        column("变化", CellKind.MONEY), column("变化率", CellKind.PERCENT), column("结果", CellKind.TEXT));
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : pay.payChanges().orderBy("scheme_id", "change_amount").limit(MAX_LISTED_ROWS)
        .collectAsList()) {
      rows.add(Arrays.asList(text(r, "scheme_id"), text(r, "shop_id"), text(r, "agent_id"),
          text(r, "employment"), value(r, "months_compared"), value(r, "net_pay_total"),
          value(r, "current_net_pay_total"), value(r, "change_amount"), value(r, "change_pct"),
          text(r, "outcome")));
    }
    return new ReportTable("方案得失", "每位客服在各方案下相对现行方案的薪酬变化", cols, rows);
  }

  static final String SENSITIVITY_SHEET = "归因敏感性";

  /**
   * One row per agent: current-scheme pay, credited sales and 询单转化率 under each attribution
   * rule side by side, agents whose pay moves most first.
   */
  static ReportTable sensitivity(PayConfig config, Dataset<Row> sensitivity) {
    List<Row> rules = sensitivity
        .select("rule_id", "judgment", "window_days", "is_configured_rule").distinct()
        .orderBy(col("judgment").desc(), col("window_days")).collectAsList();
    List<String> ids = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Row r : rules) {
      ids.add(text(r, "rule_id"));
      labels.add(ruleLabel(text(r, "judgment"), ((Number) value(r, "window_days")).intValue(),
          Boolean.TRUE.equals(value(r, "is_configured_rule"))));
    }
    Dataset<Row> wide = sensitivity.groupBy("shop_id", "agent_id")
        .pivot("rule_id", new ArrayList<Object>(ids))
        .agg(first("net_pay").as("pay"), first("sales_gross").as("sales"),
            first("inquiry_conversion").as("conv"))
        .join(sensitivity.groupBy("shop_id", "agent_id")
            .agg(max(abs(col("net_pay_change"))).as("max_change"),
                first("inquiry_buyers").as("inquiry_buyers")), seq("shop_id", "agent_id"))
        .orderBy(col("max_change").desc(), col("shop_id"), col("agent_id"))
        .limit(MAX_LISTED_ROWS);
    List<ReportColumn> cols = new ArrayList<>(List.of(column("店铺", CellKind.TEXT),
        column("客服", CellKind.TEXT), column("询单人数", CellKind.INTEGER),
        column("最大薪酬变化", CellKind.MONEY)));
    String[][] parts = {{"pay", "薪酬"}, {"sales", "销售额"}, {"conv", "询单转化率"}};
    for (String[] part : parts) {
      for (String label : labels) {
        cols.add(column(label + " " + part[1],
            part[0].equals("conv") ? CellKind.PERCENT : CellKind.MONEY));
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : wide.collectAsList()) {
      List<Object> row = new ArrayList<>(Arrays.asList(text(r, "shop_id"), text(r, "agent_id"),
          value(r, "inquiry_buyers"), value(r, "max_change")));
      for (String[] part : parts) {
        for (String id : ids) {
          row.add(value(r, id + "_" + part[0]));
        }
      }
      rows.add(row);
    }
    return new ReportTable(SENSITIVITY_SHEET, "归因规则敏感性：现行方案 "
        + config.currentScheme().schemeId() + " 下每位客服按不同判定（付款/下单）与时间窗（当日/+1天/+3天）"
        + "计的薪酬、客服销售额与询单转化率（最多 " + MAX_LISTED_ROWS
        + " 人，按薪酬变化排序；完整见 marts/attribution_sensitivity）", cols, rows);
  }

  static String ruleLabel(String judgment, int windowDays, boolean configured) {
    String j = "ORDER".equals(judgment) ? "下单判定" : "付款判定";
    String w = windowDays == 0 ? "当日" : "+" + windowDays + "天";
    return j + "·" + w + (configured ? "（本次）" : "");
  }

  private static scala.collection.immutable.Seq<String> seq(String... columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toList();
  }

  private static List<ChartSpec> charts(PayConfig config, Map<String, Row> byScheme) {
    List<String> ids = new ArrayList<>();
    List<Number> share = new ArrayList<>();
    for (SchemeDef s : config.schemes()) {
      Row r = byScheme.get(s.schemeId());
      if (r == null) {
        continue;
      }
      ids.add(s.schemeId());
      share.add((Number) v(r, "payroll_pct_of_sales"));
    }
    LinkedHashMap<String, List<Number>> cost = new LinkedHashMap<>();
    cost.put("薪酬占销售额", share);
    return List.of(new ChartSpec("payroll_share_by_scheme", "各方案薪酬占客服销售额", "方案", "占比",
        CellKind.PERCENT, ids, cost, COMPARISON_SHEET));
  }

  /** One box per scheme: the period's agent-month net pay quantiles from pay_distribution. */
  static BoxPlotSpec payBoxPlot(PayConfig config, Map<String, Row> byScheme) {
    List<String> ids = new ArrayList<>();
    List<BoxStats> boxes = new ArrayList<>();
    for (SchemeDef s : config.schemes()) {
      Row r = byScheme.get(s.schemeId());
      if (r == null || value(r, "median") == null) {
        continue;
      }
      ids.add(s.schemeId());
      boxes.add(new BoxStats((Number) v(r, "p10"), (Number) v(r, "p25"),
          (Number) v(r, "median"), (Number) v(r, "p75"), (Number) v(r, "p90"),
          (Number) v(r, "mean")));
    }
    return new BoxPlotSpec("pay_by_scheme", "各方案人月净薪酬分布（箱体 P25–P75，须 P10–P90，◆ 均值）",
        "方案", "元", CellKind.MONEY, ids, boxes, COMPARISON_SHEET);
  }

  /**
   * Per agent, the change of total net pay against the current scheme under the cheapest and
   * the most expensive scheme (among those paying the same agent-months); the agents with the
   * largest absolute change. Null when there is no other comparable scheme.
   */
  static ChartSpec changeChart(PayConfig config, Map<String, Row> byScheme, PayMarts pay) {
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
    Dataset<Row> changes = pay.payChanges()
        .where(col("scheme_id").isin((Object[]) shown.toArray(new String[0])));
    Dataset<Row> top = changes.groupBy("shop_id", "agent_id")
        .agg(max(abs(col("change_amount"))).as("largest_change"))
        .orderBy(col("largest_change").desc(), col("shop_id"), col("agent_id"))
        .limit(CHANGE_CHART_AGENTS);
    List<Row> rows = changes.join(top, seq("shop_id", "agent_id"))
        .select("shop_id", "agent_id", "scheme_id", "change_amount", "largest_change")
        .collectAsList();
    List<String> agents = new ArrayList<>();
    Map<String, Double> largest = new HashMap<>();
    Map<String, Number> change = new HashMap<>();
    for (Row r : rows) {
      String agent = text(r, "agent_id");
      if (!largest.containsKey(agent)) {
        agents.add(agent);
        largest.put(agent, number(r, "largest_change"));
      }
      change.put(agent + "|" + text(r, "scheme_id"), (Number) value(r, "change_amount"));
    }
    agents.sort((a, b) -> largest.get(b).compareTo(largest.get(a)) != 0
        ? largest.get(b).compareTo(largest.get(a)) : a.compareTo(b));
    LinkedHashMap<String, List<Number>> series = new LinkedHashMap<>();
    for (String scheme : shown) {
      List<Number> values = new ArrayList<>();
      for (String agent : agents) {
        values.add(change.get(agent + "|" + scheme));
      }
      String label = scheme + (scheme.equals(cheapest.schemeId()) ? "（成本最低）" : "（成本最高）");
      series.put(label, values);
    }
    return new ChartSpec("pay_change_by_agent", "各客服薪酬变化（相对现行方案 " + current.schemeId()
        + "，变化最大的 " + CHANGE_CHART_AGENTS + " 人）", "客服", "元", CellKind.MONEY, agents, series,
        "方案得失");
  }

  private static List<String> findings(PayConfig config, Map<String, Row> byScheme) {
    SchemeDef current = config.currentScheme();
    Row now = byScheme.get(current.schemeId());
    if (now == null) {
      return List.of();
    }
    // Only schemes paying the same agent-months compare on cost (S7 pays part-timers only).
    SchemeDef cheapest = current;
    for (SchemeDef s : config.schemes()) {
      Row r = byScheme.get(s.schemeId());
      if (r != null && number(r, "n") == number(now, "n") && number(r, "total_payroll")
          < number(byScheme.get(cheapest.schemeId()), "total_payroll")) {
        cheapest = s;
      }
    }
    String line = String.format(Locale.ROOT, "现行薪酬方案 %s 本期总薪酬 ¥%,.2f，人月中位数 ¥%,.2f",
        current.schemeId(), number(now, "total_payroll"), number(now, "median"));
    if (cheapest != current) {
      line += String.format(Locale.ROOT, "；覆盖同样人月的方案中成本最低的是 %s（¥%,.2f）",
          cheapest.schemeId(),
          number(byScheme.get(cheapest.schemeId()), "total_payroll"));
    }
    return List.of(line + "。");
  }

  private static Object v(Row r, String column) {
    return r == null ? null : value(r, column);
  }

  private static ReportColumn column(String header, CellKind kind) {
    return new ReportColumn(header, kind);
  }
}
