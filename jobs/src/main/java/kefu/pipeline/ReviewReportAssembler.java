package kefu.pipeline;

import static kefu.pipeline.MartRows.money;
import static kefu.pipeline.MartRows.number;
import static kefu.pipeline.MartRows.ratio;
import static kefu.pipeline.MartRows.text;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kefu.ingest.FileReconciliation;
import kefu.ingest.IngestedTables;
import kefu.marts.Period;
import kefu.report.CellKind;
import kefu.report.ChartSpec;
import kefu.report.KeyFigure;
import kefu.report.ReportColumn;
import kefu.report.ReportTable;
import kefu.report.ReviewReport;
import org.apache.spark.sql.Row;

/** Turns the small marts of one run into the report model (no Spark types past this class). */
final class ReviewReportAssembler {
  private ReviewReportAssembler() {}

  /** Agents need this many inquiring buyers before their conversion is ranked in the findings. */
  static final int MIN_INQUIRIES_FOR_RANKING = 20;

  static ReviewReport assemble(Period period, ReviewSettings s, ReviewRun.Marts marts,
      IngestedTables tables, List<StageLog.Stage> stages, PayReport pay) {
    Period previous = period.previous();
    Period lastYear = period.sameLastYear();
    List<Row> shops = marts.shopMetrics()
        .where(col("period").isin(period.label(), previous.label(), lastYear.label()))
        .collectAsList();
    ShopTotals now = ShopTotals.of(shops, period.label());
    ShopTotals prev = ShopTotals.of(shops, previous.label());
    ShopTotals ly = ShopTotals.of(shops, lastYear.label());

    List<Row> agents = marts.agentMetrics().where(col("period").equalTo(period.label()))
        .orderBy(col("shop_id"), col("agent_id")).collectAsList();
    // After-sales agents meet few pre-sales buyers; ranking them on 询单转化率 would be unfair.
    java.util.Set<String> afterSales = new java.util.HashSet<>(tables.agents()
        .where(col("role").equalTo("after_sales")).select("agent_id").as(
            org.apache.spark.sql.Encoders.STRING()).collectAsList());
    List<Row> ranked = agents.stream()
        .filter(r -> number(r, "inquiry_buyers") >= MIN_INQUIRIES_FOR_RANKING)
        .filter(r -> !afterSales.contains(text(r, "agent_id")))
        .sorted(Comparator.comparingDouble(r -> -number(r, "inquiry_conversion"))).toList();
    List<Row> categories = marts.categoryMetrics().where(col("period").equalTo(period.label()))
        .orderBy(col("category")).collectAsList();
    List<Row> rejectReasons = tables.rejects().groupBy(col("table"), col("reason"))
        .agg(count("*").as("rows")).orderBy(desc("rows")).limit(20).collectAsList();

    List<KeyFigure> figures = List.of(
        fig("创建订单数", CellKind.INTEGER, now.ordersCreated, prev.ordersCreated, ly.ordersCreated),
        fig("付款订单数", CellKind.INTEGER, now.ordersPaid, prev.ordersPaid, ly.ordersPaid),
        fig("付款金额", CellKind.MONEY, now.paidAmount, prev.paidAmount, ly.paidAmount),
        fig("退款金额", CellKind.MONEY, now.refundedAmount, prev.refundedAmount,
            ly.refundedAmount),
        fig("静默销售额", CellKind.MONEY, now.silentPaidAmount, prev.silentPaidAmount,
            ly.silentPaidAmount),
        fig("静默销售占比", CellKind.PERCENT, now.silentShare(), prev.silentShare(),
            ly.silentShare()),
        fig("接待数", CellKind.INTEGER, now.receptions, prev.receptions, ly.receptions),
        fig("询单人数", CellKind.INTEGER, now.inquiryBuyers, prev.inquiryBuyers,
            ly.inquiryBuyers),
        fig("询单转化率", CellKind.PERCENT, now.conversion(), prev.conversion(),
            ly.conversion()));

    List<ReportTable> sheets = new ArrayList<>(List.of(agentTable(agents),
        categoryTable(categories)));
    sheets.addAll(pay.tables());
    List<ChartSpec> charts = new ArrayList<>();
    charts.add(conversionChart(ranked));
    charts.add(categoryRefundChart(categories));
    charts.addAll(pay.charts());
    List<String> findings = findings(now, prev, ranked, categories);
    findings.addAll(pay.findings());

    LinkedHashMap<String, String> run = new LinkedHashMap<>();
    run.put("运行编号 run id", s.runId());
    run.put("期间 period", period.label());
    run.put("时区 time zone", s.timeZone());
    run.put("配置 config", s.configDir());
    run.put("归因规则 attribution", s.rules().judgment() + ", window "
        + s.rules().attributionWindowDays() + " day(s)");
    run.put("会话切分 session gap (min)", String.valueOf(s.rules().sessionGapMinutes()));
    run.put("版本 versions", ManifestFactory.versions().toString());
    for (StageLog.Stage st : stages) {
      run.put("耗时 " + st.name() + " (s)", String.format(Locale.ROOT, "%.1f", st.seconds()));
    }
    run.put("generated_at", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
        .toString());

    return new ReviewReport("客服绩效季度复盘 " + period.label(), period.label(),
        previous.label(), lastYear.label(), s.timeZone(), figures,
        findings, sheets, charts,
        dataQuality(tables.files(), rejectReasons), run, pay.boxPlots());
  }

  static List<String> headlines(ReviewReport report) {
    return report.findings();
  }

  private static KeyFigure fig(String label, CellKind kind, Object now, Object prev, Object ly) {
    return new KeyFigure(label, now, kind, prev, ly);
  }

  private static ReportTable agentTable(List<Row> agents) {
    List<ReportColumn> cols = List.of(
        new ReportColumn("店铺", CellKind.TEXT), new ReportColumn("客服", CellKind.TEXT),
        new ReportColumn("接待数", CellKind.INTEGER), new ReportColumn("回复率", CellKind.PERCENT),
        new ReportColumn("询单人数", CellKind.INTEGER),
        new ReportColumn("询单→下单人数", CellKind.INTEGER),
        new ReportColumn("询单→付款人数", CellKind.INTEGER),
        new ReportColumn("询单转化率", CellKind.PERCENT),
        new ReportColumn("销售额", CellKind.MONEY), new ReportColumn("净销售额", CellKind.MONEY),
        new ReportColumn("客单价", CellKind.MONEY),
        new ReportColumn("退款率(件)", CellKind.PERCENT),
        new ReportColumn("退款率(金额)", CellKind.PERCENT),
        new ReportColumn("退货率", CellKind.PERCENT),
        new ReportColumn("首次响应(秒)", CellKind.DECIMAL),
        new ReportColumn("平均响应(秒)", CellKind.DECIMAL),
        new ReportColumn("服务态度DSR", CellKind.DECIMAL),
        new ReportColumn("DSR评价数", CellKind.INTEGER));
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
    return new ReportTable("客服", "客服绩效（本期）", cols, rows);
  }

  private static ReportTable categoryTable(List<Row> categories) {
    List<ReportColumn> cols = List.of(
        new ReportColumn("类目", CellKind.TEXT), new ReportColumn("订单数", CellKind.INTEGER),
        new ReportColumn("付款订单数", CellKind.INTEGER),
        new ReportColumn("售出件数", CellKind.INTEGER),
        new ReportColumn("付款金额", CellKind.MONEY),
        new ReportColumn("客服销售额", CellKind.MONEY),
        new ReportColumn("静默销售额", CellKind.MONEY),
        new ReportColumn("静默占比", CellKind.PERCENT),
        new ReportColumn("退款件数", CellKind.INTEGER),
        new ReportColumn("退款率(件)", CellKind.PERCENT),
        new ReportColumn("退款金额", CellKind.MONEY),
        new ReportColumn("退货率", CellKind.PERCENT),
        new ReportColumn("询单人数", CellKind.INTEGER),
        new ReportColumn("询单转化率", CellKind.PERCENT));
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : categories) {
      rows.add(java.util.Arrays.asList(text(r, "category"), (long) number(r, "orders"),
          (long) number(r, "paid_orders"), (long) number(r, "sold_units"),
          money(r, "paid_amount"), money(r, "agent_paid_amount"), money(r, "silent_paid_amount"),
          MartRows.value(r, "silent_share"), (long) number(r, "refunded_units"),
          MartRows.value(r, "refund_rate_units"), money(r, "refund_amount"),
          MartRows.value(r, "return_rate"), (long) number(r, "inquiry_buyers"),
          MartRows.value(r, "inquiry_conversion")));
    }
    return new ReportTable("类目", "类目指标（本期）", cols, rows);
  }

  private static ReportTable dataQuality(List<FileReconciliation> files, List<Row> reasons) {
    List<ReportColumn> cols = List.of(
        new ReportColumn("表", CellKind.TEXT), new ReportColumn("文件 / 原因", CellKind.TEXT),
        new ReportColumn("格式", CellKind.TEXT), new ReportColumn("编码", CellKind.TEXT),
        new ReportColumn("字节", CellKind.INTEGER), new ReportColumn("读取行数", CellKind.INTEGER),
        new ReportColumn("接受行数", CellKind.INTEGER),
        new ReportColumn("拒收行数", CellKind.INTEGER));
    List<List<Object>> rows = new ArrayList<>();
    files.stream().sorted(Comparator.comparing(FileReconciliation::table)
        .thenComparing(FileReconciliation::file)).forEach(f -> rows.add(java.util.Arrays.asList(
            f.table(), f.file(), f.format(), f.encoding(), f.bytes(), f.rowsRead(),
            f.rowsAccepted(), f.rowsRejected())));
    rows.add(java.util.Arrays.asList("合计", null, null, null, null,
        ReviewFigures.rowsRead(files), ReviewFigures.rowsAccepted(files),
        ReviewFigures.rowsRejected(files)));
    for (Row r : reasons) {
      rows.add(java.util.Arrays.asList(text(r, "table"), "拒收原因: " + text(r, "reason"), null,
          null, null, null, null, r.getAs("rows")));
    }
    return new ReportTable("数据质量", "输入文件对账与拒收原因", cols, rows);
  }

  /** The top 25 of the ranked pre-sales agents. */
  private static ChartSpec conversionChart(List<Row> ranked) {
    List<String> names = new ArrayList<>();
    List<Number> values = new ArrayList<>();
    for (Row r : ranked.subList(0, Math.min(25, ranked.size()))) {
      names.add(text(r, "agent_id"));
      values.add(number(r, "inquiry_conversion"));
    }
    LinkedHashMap<String, List<Number>> series = new LinkedHashMap<>();
    series.put("询单转化率", values);
    return new ChartSpec("conversion_by_agent", "客服询单转化率", "客服", "询单转化率",
        CellKind.PERCENT, names, series, "客服");
  }

  private static ChartSpec categoryRefundChart(List<Row> categories) {
    List<String> names = new ArrayList<>();
    List<Number> refund = new ArrayList<>();
    List<Number> returns = new ArrayList<>();
    for (Row r : categories) {
      names.add(text(r, "category"));
      refund.add(number(r, "refund_rate_units"));
      returns.add(number(r, "return_rate"));
    }
    LinkedHashMap<String, List<Number>> series = new LinkedHashMap<>();
    series.put("退款率(件)", refund);
    series.put("退货率", returns);
    return new ChartSpec("refund_rate_by_category", "类目退款率与退货率", "类目", "比率",
        CellKind.PERCENT, names, series, "类目");
  }

  /** {@code ranked}: pre-sales agents with enough inquiries, best conversion first. */
  private static List<String> findings(ShopTotals now, ShopTotals prev, List<Row> ranked,
      List<Row> categories) {
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "本期付款金额 ¥%,.2f，付款订单 %,d 笔%s。",
        now.paidAmount, now.ordersPaid, change(now.paidAmount.doubleValue(),
            prev.paidAmount.doubleValue(), "较上期")));
    Double conv = now.conversion();
    if (conv != null) {
      out.add(String.format(Locale.ROOT, "询单转化率 %.1f%%（%,d / %,d 人）%s。", conv * 100,
          now.inquiryPaidBuyers, now.inquiryBuyers,
          prev.conversion() == null ? "" : String.format(Locale.ROOT, "，上期 %.1f%%",
              prev.conversion() * 100)));
    }
    if (ranked.size() >= 2) {
      Row best = ranked.get(0);
      Row worst = ranked.get(ranked.size() - 1);
      out.add(String.format(Locale.ROOT,
          "询单转化率最高的客服是 %s（%.1f%%，询单 %,d 人），最低的是 %s（%.1f%%，询单 %,d 人）。",
          text(best, "agent_id"), number(best, "inquiry_conversion") * 100,
          (long) number(best, "inquiry_buyers"), text(worst, "agent_id"),
          number(worst, "inquiry_conversion") * 100, (long) number(worst, "inquiry_buyers")));
    }
    categories.stream().filter(r -> MartRows.value(r, "refund_rate_units") != null)
        .max(Comparator.comparingDouble(r -> number(r, "refund_rate_units")))
        .ifPresent(r -> out.add(String.format(Locale.ROOT,
            "退款率最高的类目是 %s：按件 %.1f%%，退货率 %.1f%%。", text(r, "category"),
            number(r, "refund_rate_units") * 100, number(r, "return_rate") * 100)));
    Double silent = now.silentShare();
    if (silent != null) {
      out.add(String.format(Locale.ROOT, "静默销售额占付款金额的 %.1f%%（¥%,.2f）。",
          silent * 100, now.silentPaidAmount));
    }
    return out;
  }

  private static String change(double now, double before, String label) {
    if (before == 0) {
      return "";
    }
    return String.format(Locale.ROOT, "，%s%+.1f%%", label, (now / before - 1) * 100);
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
