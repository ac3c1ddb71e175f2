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
import java.util.Set;
import kefu.ingest.FileReconciliation;
import kefu.ingest.RejectReason;
import kefu.marts.Period;
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

  /** Agents need this many inquiring buyers before their conversion is ranked in the findings. */
  static final int MIN_INQUIRIES_FOR_RANKING = 20;

  /**
   * What the core sheets are made of: the period marts, the after-sales agents (not ranked on
   * conversion), the input files' reconciliation and reject reasons, and the run sheet's facts.
   */
  public record Inputs(Period period, Labels labels, String timeZone, String language,
      LocalTable agentMetrics, LocalTable categoryMetrics, LocalTable shopMetrics,
      Set<String> afterSalesAgents, List<FileReconciliation> files,
      List<RejectReason> rejectReasons, LinkedHashMap<String, String> run) {}

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
    ShopTotals now = ShopTotals.of(shops, period.label());
    ShopTotals prev = ShopTotals.of(shops, previous.label());
    ShopTotals ly = ShopTotals.of(shops, lastYear.label());

    List<Row> agents = in.agentMetrics().filter(r -> period.label().equals(r.getAs("period")))
        .sorted("shop_id", "agent_id").rows();
    // After-sales agents meet few pre-sales buyers; ranking them on 询单转化率 would be unfair.
    List<Row> ranked = agents.stream()
        .filter(r -> number(r, "inquiry_buyers") >= MIN_INQUIRIES_FOR_RANKING)
        .filter(r -> !in.afterSalesAgents().contains(text(r, "agent_id")))
        .sorted(Comparator.comparingDouble(r -> -number(r, "inquiry_conversion"))).toList();
    // shop_id breaks ties of a category sold by several shops: the same order on any cluster
    List<Row> categories = in.categoryMetrics()
        .filter(r -> period.label().equals(r.getAs("period"))).sorted("category", "shop_id")
        .rows();

    List<KeyFigure> figures = List.of(
        fig(labels, "ordersCreated", CellKind.INTEGER, now.ordersCreated, prev.ordersCreated,
            ly.ordersCreated),
        fig(labels, "ordersPaid", CellKind.INTEGER, now.ordersPaid, prev.ordersPaid,
            ly.ordersPaid),
        fig(labels, "paidAmount", CellKind.MONEY, now.paidAmount, prev.paidAmount,
            ly.paidAmount),
        fig(labels, "refundedAmount", CellKind.MONEY, now.refundedAmount, prev.refundedAmount,
            ly.refundedAmount),
        fig(labels, "silentSales", CellKind.MONEY, now.silentPaidAmount, prev.silentPaidAmount,
            ly.silentPaidAmount),
        fig(labels, "silentShare", CellKind.PERCENT, now.silentShare(), prev.silentShare(),
            ly.silentShare()),
        fig(labels, "receptions", CellKind.INTEGER, now.receptions, prev.receptions,
            ly.receptions),
        fig(labels, "inquiryBuyers", CellKind.INTEGER, now.inquiryBuyers, prev.inquiryBuyers,
            ly.inquiryBuyers),
        fig(labels, "conversion", CellKind.PERCENT, now.conversion(), prev.conversion(),
            ly.conversion()));

    List<ReportTable> sheets = new ArrayList<>(List.of(agentTable(agents, labels),
        categoryTable(categories, labels)));
    sheets.addAll(pay.tables());
    sheets.addAll(extras.tables()); // the insertion point for the sheets of other stages
    sheets.addAll(pay.detailTables());
    List<ChartSpec> charts = new ArrayList<>();
    charts.add(conversionChart(ranked, labels));
    charts.add(categoryRefundChart(categories, labels));
    charts.addAll(pay.charts());
    charts.addAll(extras.charts());
    List<BoxPlotSpec> boxPlots = new ArrayList<>(pay.boxPlots());
    boxPlots.addAll(extras.boxPlots());
    List<String> findings = findings(now, prev, ranked, categories, labels);
    findings.addAll(pay.findings());
    findings.addAll(extras.findings());

    return new ReviewReport(labels.format("pipeline.title.report", period.label()),
        period.label(), previous.label(), lastYear.label(), in.timeZone(), figures,
        findings, sheets, charts, dataQuality(in.files(), in.rejectReasons(), labels), in.run(),
        boxPlots, extras.timeSeries(), in.language());
  }

  /** The findings the command prints after the run. */
  public static List<String> headlines(ReviewReport report) {
    return report.findings();
  }

  /** A key figure labelled pipeline.figure.&lt;key&gt;. */
  private static KeyFigure fig(Labels labels, String key, CellKind kind, Object now,
      Object prev, Object ly) {
    return new KeyFigure(labels.get("pipeline.figure." + key), now, kind, prev, ly);
  }

  /** A column headed pipeline.col.&lt;key&gt;. */
  static ReportColumn column(Labels labels, String key, CellKind kind) {
    return new ReportColumn(labels.get("pipeline.col." + key), kind);
  }

  private static ReportTable agentTable(List<Row> agents, Labels l) {
    List<ReportColumn> cols = List.of(
        column(l, "shop", CellKind.TEXT), column(l, "agent", CellKind.TEXT),
        column(l, "receptions", CellKind.INTEGER), column(l, "replyRate", CellKind.PERCENT),
        column(l, "inquiryBuyers", CellKind.INTEGER),
        column(l, "inquiryOrderedBuyers", CellKind.INTEGER),
        column(l, "inquiryPaidBuyers", CellKind.INTEGER),
        column(l, "inquiryConversion", CellKind.PERCENT),
        column(l, "salesGross", CellKind.MONEY), column(l, "salesNet", CellKind.MONEY),
        column(l, "averageOrderValue", CellKind.MONEY),
        column(l, "refundRateUnits", CellKind.PERCENT),
        column(l, "refundRateAmount", CellKind.PERCENT),
        column(l, "returnRate", CellKind.PERCENT),
        column(l, "firstResponseSeconds", CellKind.DECIMAL),
        column(l, "responseSeconds", CellKind.DECIMAL),
        column(l, "dsrService", CellKind.DECIMAL),
        column(l, "dsrCount", CellKind.INTEGER));
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : agents) {
      rows.add(java.util.Arrays.asList(text(r, "shop_id"), text(r, "agent_id"),
          (long) number(r, "receptions"), MartRows.value(r, "reply_rate"),
          (long) number(r, "inquiry_buyers"), (long) number(r, "inquiry_ordered_buyers"),
          (long) number(r, "inquiry_paid_buyers"), MartRows.value(r, "inquiry_conversion"),
          money(r, "sales_gross"), money(r, "sales_net"),
          MartRows.value(r, "average_order_value"), MartRows.value(r, "refund_rate_units"),
          MartRows.value(r, "refund_rate_amount"), MartRows.value(r, "return_rate"),
          MartRows.value(r, "first_response_seconds_avg"),
          MartRows.value(r, "response_seconds_avg"), MartRows.value(r, "dsr_service_avg"),
          (long) number(r, "dsr_service_count")));
    }
    return new ReportTable(l.get("pipeline.sheet.agents"), l.get("pipeline.title.agents"), cols,
        rows);
  }

  /**
   * One row per shop and category (sorted by category, then shop), then a total row for a
   * category sold by more than one shop. Category names in the report's language; inquiry
   * figures a category does not have (not the shop's main one, or no chats) say so.
   */
  static ReportTable categoryTable(List<Row> categories, Labels l) {
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
    return new ReportTable(l.get("pipeline.sheet.categories"),
        l.get("pipeline.title.categoriesByShop"), cols, rows);
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
            f.table(), f.file(), f.format(), f.encoding(), f.bytes(), f.rowsRead(),
            f.rowsAccepted(), f.rowsRejected(), f.summaryRowsSkipped())));
    rows.add(java.util.Arrays.asList(l.get("pipeline.dq.total"), null, null, null, null,
        FileReconciliation.rowsRead(files), FileReconciliation.rowsAccepted(files),
        FileReconciliation.rowsRejected(files), FileReconciliation.summaryRowsSkipped(files)));
    for (RejectReason r : reasons) {
      rows.add(java.util.Arrays.asList(r.table(),
          l.format("pipeline.dq.rejectReason", r.reason()), null, null, null, null, null,
          r.rows(), null));
    }
    return new ReportTable(l.get("report.sheet.dataQuality"), l.get("pipeline.title.dataQuality"),
        cols, rows);
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

  /** {@code ranked}: pre-sales agents with enough inquiries, best conversion first. */
  private static List<String> findings(ShopTotals now, ShopTotals prev, List<Row> ranked,
      List<Row> categories, Labels l) {
    List<String> out = new ArrayList<>();
    out.add(salesFinding(l, now.paidAmount, now.ordersPaid, prev.paidAmount));
    Double conv = now.conversion();
    if (conv != null) {
      out.add(l.format("pipeline.finding.conversion", conv * 100, now.inquiryPaidBuyers,
          now.inquiryBuyers, prev.conversion() == null ? ""
              : l.format("pipeline.finding.conversion.previous", prev.conversion() * 100)));
    }
    if (ranked.size() >= 2) {
      Row best = ranked.get(0);
      Row worst = ranked.get(ranked.size() - 1);
      out.add(l.format("pipeline.finding.bestWorstAgent",
          text(best, "agent_id"), number(best, "inquiry_conversion") * 100,
          (long) number(best, "inquiry_buyers"), text(worst, "agent_id"),
          number(worst, "inquiry_conversion") * 100, (long) number(worst, "inquiry_buyers")));
    }
    // over all the shops of a category, as the refund chart
    CategoryTotals.of(categories).stream().filter(t -> t.refundRateUnits() != null)
        .max(Comparator.comparingDouble(CategoryTotals::refundRateUnits))
        .ifPresent(t -> out.add(l.format("pipeline.finding.refundCategory",
            l.category(t.category()), t.refundRateUnits() * 100,
            t.returnRate() == null ? 0.0 : t.returnRate() * 100)));
    Double silent = now.silentShare();
    if (silent != null) {
      out.add(l.format("pipeline.finding.silent", silent * 100, now.silentPaidAmount));
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

  /** Shop metrics summed over shops for one period: numerators and denominators, then ratios. */
  record ShopTotals(long ordersCreated, long ordersPaid, BigDecimal paidAmount,
      BigDecimal refundedAmount, BigDecimal silentPaidAmount, long receptions,
      long inquiryBuyers, long inquiryPaidBuyers) {

    static ShopTotals of(List<Row> rows, String period) {
      long created = 0;
      long paid = 0;
      long receptions = 0;
      long inquiries = 0;
      long converted = 0;
      BigDecimal paidAmount = BigDecimal.ZERO;
      BigDecimal refunded = BigDecimal.ZERO;
      BigDecimal silent = BigDecimal.ZERO;
      for (Row r : rows) {
        if (!period.equals(text(r, "period"))) {
          continue;
        }
        created += (long) number(r, "orders_created");
        paid += (long) number(r, "orders_paid");
        receptions += (long) number(r, "receptions");
        inquiries += (long) number(r, "inquiry_buyers");
        converted += (long) number(r, "inquiry_paid_buyers");
        paidAmount = paidAmount.add(money(r, "paid_amount"));
        refunded = refunded.add(money(r, "refunded_amount"));
        silent = silent.add(money(r, "silent_paid_amount"));
      }
      return new ShopTotals(created, paid, paidAmount, refunded, silent, receptions, inquiries,
          converted);
    }

    Double conversion() {
      return ratio(inquiryPaidBuyers, inquiryBuyers);
    }

    Double silentShare() {
      return ratio(silentPaidAmount.doubleValue(), paidAmount.doubleValue());
    }
  }

}
