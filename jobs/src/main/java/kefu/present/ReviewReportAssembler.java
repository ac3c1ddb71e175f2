package kefu.present;

import static kefu.present.MartRows.money;
import static kefu.present.MartRows.number;
import static kefu.present.MartRows.ratio;
import static kefu.present.MartRows.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kefu.ingest.FileReconciliation;
import kefu.ingest.RejectReason;
import kefu.marts.Period;
import kefu.pay.PayFacts.RosterAgent;
import kefu.report.BoxPlotSpec;
import kefu.report.CellKind;
import kefu.report.ChartSpec;
import kefu.report.KeyFigure;
import kefu.report.Labels;
import kefu.report.ReportColumn;
import kefu.report.ReportTable;
import kefu.report.ReviewReport;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;

/**
 * Turns the small marts of one run into the report model (no Spark types past this class), in
 * the run's language ({@link ReviewSettings#language()}).
 *
 * <p>Sheet order: 客服 (Agents), 类目 (Categories), 薪酬方案对比 (Pay schemes), 薪酬分布 (Pay
 * distribution), 方案得失 (Winners &amp; losers), then the {@link ReportExtras} tables, then
 * 当前方案工资条 (payslips) and 归因敏感性 (attribution sensitivity); the writer puts 概要 (Summary)
 * first and 数据质量 (Data quality) and 运行 (Run) last.
 */
public final class ReviewReportAssembler {
  private ReviewReportAssembler() {}

  /**
   * What the core sheets are made of: the period marts, the agent roster (role, team, sourcing,
   * leave date), the input files' reconciliation and reject reasons, the run sheet's facts, and
   * which inputs were given.
   */
  public record Inputs(Period period, Labels labels, String timeZone, String language,
      LocalTable agentMetrics, LocalTable categoryMetrics, LocalTable shopMetrics,
      Map<String, RosterAgent> roster, List<FileReconciliation> files,
      List<RejectReason> rejectReasons, LinkedHashMap<String, String> run,
      ReviewInputs given, LocalTable agentExportMetrics) {

    /** A review not from the per-agent exports. */
    public Inputs(Period period, Labels labels, String timeZone, String language,
        LocalTable agentMetrics, LocalTable categoryMetrics, LocalTable shopMetrics,
        Map<String, RosterAgent> roster, List<FileReconciliation> files,
        List<RejectReason> rejectReasons, LinkedHashMap<String, String> run,
        ReviewInputs given) {
      this(period, labels, timeZone, language, agentMetrics, categoryMetrics, shopMetrics,
          roster, files, rejectReasons, run, given, null);
    }
  }

  /**
   * The report of the marts, with the pay sheets and the sheets, charts and findings of the
   * stages after pay ({@code extras}) added.
   */
  public static ReviewReport assemble(Inputs in, PayReport pay, ReportExtras extras) {
    Labels labels = in.labels();
    Period period = in.period();
    Period previous = period.previous();
    Period lastYear = period.sameLastYear();
    List<Row> shops = in.shopMetrics().rows();
    PeriodTotals now = PeriodTotals.of(shops, period.label());
    PeriodTotals prev = in.given().coverage(previous) == ReviewInputs.Coverage.NONE
        ? PeriodTotals.NONE : PeriodTotals.of(shops, previous.label());

    List<Row> agents = AgentSheet.listed(in.agentMetrics()
        .filter(r -> period.label().equals(r.getAs("period"))).rows(), in.roster(), period);
    // Pre-sales agents with enough inquiries, best conversion first (the sheet's order).
    Map<Row, Integer> ranks = AgentSheet.ranks(agents, in.roster());
    List<Row> ranked = agents.stream().filter(ranks::containsKey)
        .filter(r -> !AgentSheet.AFTER_SALES.equals(role(in.roster(), r))).toList();
    // shop_id breaks ties of a category sold by several shops: the same order on any cluster
    List<Row> categories = in.categoryMetrics()
        .filter(r -> period.label().equals(r.getAs("period"))).sorted("category", "shop_id")
        .rows();

    List<KeyFigure> figures = SummaryFigures.of(in.given(), period, shops, labels);

    // From the per-agent exports (no chats) the Agents sheet shows the exports' own figures.
    ReportTable agentSheet = in.agentExportMetrics() != null
        ? ExportAgentSheet.table(in.agentExportMetrics().rows(), period, in.roster(), labels)
        : AgentSheet.table(agents, ranks, in.roster(), in.given().chats(), labels);
    List<ReportTable> sheets = new ArrayList<>(List.of(agentSheet,
        categoryTable(categories, in.given(), labels)));
    sheets.addAll(pay.tables());
    sheets.addAll(extras.tables()); // the insertion point for the sheets of other stages
    sheets.addAll(pay.detailTables());
    sheets.add(TotalsReconciliation.table(TotalsReconciliation.lines(now, agents, categories,
        pay.currentSchemeSales(), in.given().chats(), labels), labels));
    List<ChartSpec> charts = new ArrayList<>();
    charts.add(conversionChart(ranked, labels));
    if (in.given().refundExport()) { // refund units are unknown without it: no bars of 0
      charts.add(categoryRefundChart(categories, labels));
    }
    charts.addAll(pay.charts());
    charts.addAll(extras.charts());
    List<BoxPlotSpec> boxPlots = new ArrayList<>(pay.boxPlots());
    boxPlots.addAll(extras.boxPlots());
    List<String> findings = findings(in.given(), now, prev, ranked, categories, labels);
    findings.addAll(pay.findings());
    findings.addAll(extras.findings());

    return new ReviewReport(labels.format("pipeline.title.report", period.label()),
        period.label(), previous.label(), lastYear.label(), in.timeZone(), figures,
        findings, sheets, charts, dataQuality(in.files(), in.rejectReasons(), labels), in.run(),
        boxPlots, extras.timeSeries(), in.language(),
        SummaryFigures.notes(in.given(), period, labels));
  }

  /** The export layouts in words (赤兔售前明细、千牛工作量 …), for the notes. */
  public static String exportLayouts(Labels l, java.util.Collection<String> layouts) {
    return ExportAgentSheet.layouts(l, String.join(",", layouts));
  }

  /** The findings the command prints after the run. */
  public static List<String> headlines(ReviewReport report) {
    return report.findings();
  }

  /** A column headed pipeline.col.&lt;key&gt;. */
  static ReportColumn column(Labels labels, String key, CellKind kind) {
    return new ReportColumn(labels.get("pipeline.col." + key), kind);
  }

  private static String role(Map<String, RosterAgent> roster, Row agent) {
    RosterAgent a = roster.get(text(agent, "agent_id"));
    return a == null ? null : a.role();
  }

  /**
   * One row per shop and category (sorted by category, then shop), then a total row for a
   * category sold by more than one shop. Category names in the report's language; inquiry
   * figures a category does not have (not the shop's main one, or no chats) say so.
   */
  static ReportTable categoryTable(List<Row> categories, ReviewInputs given, Labels l) {
    List<ReportColumn> cols = List.of(
        column(l, "category", CellKind.TEXT), column(l, "shop", CellKind.TEXT),
        column(l, "orders", CellKind.INTEGER),
        column(l, "paidOrders", CellKind.INTEGER),
        column(l, "soldUnits", CellKind.INTEGER),
        column(l, "paidAmount", CellKind.MONEY),
        column(l, "agentSales", CellKind.MONEY),
        column(l, "silentSales", CellKind.MONEY),
        column(l, "silentShare", CellKind.PERCENT),
        column(l, "refundedUnits", CellKind.INTEGER),
        column(l, "refundRateUnits", CellKind.PERCENT),
        column(l, "refundAmount", CellKind.MONEY),
        column(l, "returnRate", CellKind.PERCENT),
        column(l, "inquiryBuyers", CellKind.INTEGER),
        column(l, "inquiryConversion", CellKind.PERCENT));
    String noData = l.get("pipeline.category.noData");
    Map<String, CategoryTotals> totals = new LinkedHashMap<>();
    CategoryTotals.of(categories).forEach(t -> totals.put(t.category(), t));
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < categories.size(); i++) {
      Row r = categories.get(i);
      Object asked = MartRows.value(r, "inquiry_buyers");
      rows.add(java.util.Arrays.asList(l.category(text(r, "category")), text(r, "shop_id"),
          (long) number(r, "orders"),
          (long) number(r, "paid_orders"), (long) number(r, "sold_units"),
          money(r, "paid_amount"), money(r, "agent_paid_amount"), money(r, "silent_paid_amount"),
          MartRows.value(r, "silent_share"), (long) number(r, "refunded_units"),
          MartRows.value(r, "refund_rate_units"), money(r, "refund_amount"),
          MartRows.value(r, "return_rate"), asked == null ? noData : asked,
          asked == null ? noData : MartRows.value(r, "inquiry_conversion")));
      boolean lastOfCategory = i + 1 == categories.size()
          || !text(r, "category").equals(text(categories.get(i + 1), "category"));
      CategoryTotals t = totals.get(text(r, "category"));
      if (lastOfCategory && t.shops() > 1) {
        rows.add(java.util.Arrays.asList(l.category(t.category()),
            l.get("pipeline.category.allShops"), t.orders(), t.paidOrders(), t.soldUnits(),
            t.paidAmount(), t.agentPaidAmount(), t.silentPaidAmount(), t.silentShare(),
            t.refundedUnits(), t.refundRateUnits(), t.refundAmount(), t.returnRate(),
            t.inquiryBuyers() == null ? noData : t.inquiryBuyers(),
            t.inquiryBuyers() == null ? noData : t.inquiryConversion()));
      }
    }
    // Columns an input not given cannot fill say so in words, not 0 (indexes into cols).
    if (!given.chats()) {
      sayMissing(rows, List.of(6, 7, 8, 13, 14), l.get("pipeline.missing.chats"));
    }
    if (!given.refundExport()) {
      sayMissing(rows, List.of(9, 10, 12), l.get("pipeline.missing.refundExport"));
    }
    return new ReportTable(l.get("pipeline.sheet.categories"),
        l.get("pipeline.title.categoriesByShop"), cols, rows);
  }

  /** Puts {@code word} in the given columns of every row. */
  private static void sayMissing(List<List<Object>> rows, List<Integer> columns, String word) {
    for (List<Object> row : rows) {
      columns.forEach(c -> row.set(c, word));
    }
  }

  private static ReportTable dataQuality(List<FileReconciliation> files,
      List<RejectReason> reasons, Labels l) {
    List<ReportColumn> cols = List.of(
        column(l, "dq.table", CellKind.TEXT), column(l, "dq.fileOrReason", CellKind.TEXT),
        column(l, "dq.format", CellKind.TEXT), column(l, "dq.encoding", CellKind.TEXT),
        column(l, "dq.bytes", CellKind.INTEGER), column(l, "dq.rowsRead", CellKind.INTEGER),
        column(l, "dq.rowsAccepted", CellKind.INTEGER),
        column(l, "dq.rowsRejected", CellKind.INTEGER),
        column(l, "dq.summaryRowsSkipped", CellKind.INTEGER));
    List<List<Object>> rows = new ArrayList<>();
    files.stream().sorted(Comparator.comparing(FileReconciliation::table)
        .thenComparing(FileReconciliation::file)).forEach(f -> rows.add(java.util.Arrays.asList(
            inputTable(l, f.table()), f.file(), inputFormat(l, f.format()), f.encoding(),
            f.bytes(), f.rowsRead(), f.rowsAccepted(), f.rowsRejected(),
            f.summaryRowsSkipped())));
    rows.add(java.util.Arrays.asList(l.get("pipeline.dq.total"), null, null, null, null,
        FileReconciliation.rowsRead(files), FileReconciliation.rowsAccepted(files),
        FileReconciliation.rowsRejected(files), FileReconciliation.summaryRowsSkipped(files)));
    // Lines of text records that are no message (千牛 recalls, status lines …), by kind.
    FileReconciliation.linesSkipped(files).forEach((kind, n) -> rows.add(java.util.Arrays.asList(
        inputTable(l, "chats"),
        l.format("pipeline.dq.linesSkipped", l.get("pipeline.dq.skip." + kind)), null,
        null, null, null, null, null, n)));
    for (RejectReason r : reasons) {
      rows.add(java.util.Arrays.asList(inputTable(l, r.table()),
          l.format("pipeline.dq.rejectReason", r.reason()), null, null, null, null, null,
          r.rows(), null));
    }
    return new ReportTable(l.get("report.sheet.dataQuality"), l.get("pipeline.title.dataQuality"),
        cols, rows);
  }

  /** An input table in words (orders → 订单); an unknown one as it is. */
  static String inputTable(Labels l, String table) {
    String key = "pipeline.dq.table." + table;
    return table != null && l.has(key) ? l.get(key) : table;
  }

  /**
   * A file's layout in words with its container: order_report/csv → 订单报表（CSV）; a layout
   * without a label is shown as it is.
   */
  static String inputFormat(Labels l, String format) {
    if (format == null) {
      return null;
    }
    int slash = format.indexOf('/');
    String layout = slash < 0 ? format : format.substring(0, slash);
    String key = "pipeline.dq.format." + layout;
    if (!l.has(key)) {
      return format;
    }
    return slash < 0 ? l.get(key) : l.format("pipeline.dq.formatIn", l.get(key),
        format.substring(slash + 1).toUpperCase(java.util.Locale.ROOT));
  }

  /** The top 25 of the ranked pre-sales agents. */
  private static ChartSpec conversionChart(List<Row> ranked, Labels l) {
    List<String> names = new ArrayList<>();
    List<Number> values = new ArrayList<>();
    for (Row r : ranked.subList(0, Math.min(25, ranked.size()))) {
      names.add(text(r, "agent_id"));
      values.add(number(r, "inquiry_conversion"));
    }
    LinkedHashMap<String, List<Number>> series = new LinkedHashMap<>();
    String conversion = l.get("pipeline.col.inquiryConversion");
    series.put(conversion, values);
    return new ChartSpec("conversion_by_agent", l.get("pipeline.chart.conversion.title"),
        l.get("pipeline.col.agent"), conversion, CellKind.PERCENT, names, series,
        l.get("pipeline.sheet.agents"));
  }

  /** One bar pair per category, over all the shops that sell it. */
  private static ChartSpec categoryRefundChart(List<Row> categories, Labels l) {
    List<String> names = new ArrayList<>();
    List<Number> refund = new ArrayList<>();
    List<Number> returns = new ArrayList<>();
    for (CategoryTotals t : CategoryTotals.of(categories)) {
      names.add(l.category(t.category()));
      refund.add(t.refundRateUnits());
      returns.add(t.returnRate());
    }
    LinkedHashMap<String, List<Number>> series = new LinkedHashMap<>();
    series.put(l.get("pipeline.col.refundRateUnits"), refund);
    series.put(l.get("pipeline.col.returnRate"), returns);
    return new ChartSpec("refund_rate_by_category", l.get("pipeline.chart.refund.title"),
        l.get("pipeline.col.category"), l.get("pipeline.axis.rate"), CellKind.PERCENT, names,
        series, l.get("pipeline.sheet.categories"));
  }

  /**
   * {@code ranked}: pre-sales agents with enough inquiries, best conversion first. Only inputs
   * that were given yield findings: no chats, no conversion or silent-sales finding; no refund
   * export, no refund-rate finding (its units are unknown).
   */
  private static List<String> findings(ReviewInputs given, PeriodTotals now, PeriodTotals prev,
      List<Row> ranked, List<Row> categories, Labels l) {
    List<String> out = new ArrayList<>();
    if (!now.hasOrders()) {
      return out;
    }
    out.add(salesFinding(l, now.money("paid_amount"), now.count("orders_paid"),
        prev.money("paid_amount")));
    Double conv = now.ratio("inquiry_paid_buyers", "inquiry_buyers");
    if (given.chats() && conv != null) {
      Double before = prev.ratio("inquiry_paid_buyers", "inquiry_buyers");
      out.add(l.format("pipeline.finding.conversion", conv * 100,
          now.count("inquiry_paid_buyers"), now.count("inquiry_buyers"), before == null ? ""
              : l.format("pipeline.finding.conversion.previous", before * 100)));
    }
    if (ranked.size() >= 2) {
      Row best = ranked.get(0);
      Row worst = ranked.get(ranked.size() - 1);
      out.add(l.format("pipeline.finding.bestWorstAgent",
          text(best, "agent_id"), number(best, "inquiry_conversion") * 100,
          (long) number(best, "inquiry_buyers"), text(worst, "agent_id"),
          number(worst, "inquiry_conversion") * 100, (long) number(worst, "inquiry_buyers")));
    }
    if (given.refundExport()) { // over all the shops of a category, as the refund chart
      CategoryTotals.of(categories).stream().filter(t -> t.refundRateUnits() != null)
          .max(Comparator.comparingDouble(CategoryTotals::refundRateUnits))
          .ifPresent(t -> out.add(l.format("pipeline.finding.refundCategory",
              l.category(t.category()), t.refundRateUnits() * 100,
              t.returnRate() == null ? 0.0 : t.returnRate() * 100)));
    }
    Double silent = now.moneyRatio("silent_paid_amount", "paid_amount");
    if (given.chats() && silent != null) {
      out.add(l.format("pipeline.finding.silent", silent * 100,
          now.money("silent_paid_amount")));
    }
    return out;
  }

  /**
   * "本期付款金额 ¥1,234.50，付款订单 12 笔，较上期+3.2%。" — the change left out when the previous
   * period had no sales.
   */
  static String salesFinding(Labels l, BigDecimal paidAmount, long ordersPaid,
      BigDecimal previousPaidAmount) {
    double before = previousPaidAmount.doubleValue();
    String change = before == 0 ? "" : l.format("pipeline.finding.sales.vsPrevious",
        (paidAmount.doubleValue() / before - 1) * 100);
    return l.format("pipeline.finding.sales", paidAmount, ordersPaid, change);
  }
}
