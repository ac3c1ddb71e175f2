package kefu.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/** Small hand-made reports for the writer tests. */
final class SampleReports {
  private SampleReports() {}

  static final String INJECTION_HYPERLINK = "=HYPERLINK(\"http://x\")";
  static final String CHART_TITLE = "各客服询单转化率（本期 vs 上期）";

  static ReportTable agents() {
    return new ReportTable("客服", "客服业绩（2025Q4）", List.of(
        new ReportColumn("客服", CellKind.TEXT),
        new ReportColumn("询单人数", CellKind.INTEGER),
        new ReportColumn("询单转化率", CellKind.PERCENT),
        new ReportColumn("客服销售额", CellKind.MONEY),
        new ReportColumn("平均响应秒数", CellKind.DECIMAL),
        new ReportColumn("入职日期", CellKind.DATE),
        new ReportColumn("最近接待", CellKind.DATETIME)),
        List.of(
            row("小美", 1200L, 0.4567, new BigDecimal("123456.78"), 21.5,
                LocalDate.of(2023, 3, 1), Instant.parse("2025-12-31T15:59:00Z")),
            row(INJECTION_HYPERLINK, 10, 0.1, new BigDecimal("0.10"), 30.0, null, null),
            row("+1", 0, 0.0, BigDecimal.ZERO, null, null, null),
            row("-2", 3, 1.0, new BigDecimal("-5.00"), 1.25, null, null),
            row("@SUM(A1)", 7, null, null, null, null, null)));
  }

  static ReportTable categories() {
    return new ReportTable("类目", "类目退货率", List.of(
        new ReportColumn("类目", CellKind.TEXT),
        new ReportColumn("售出件数", CellKind.INTEGER),
        new ReportColumn("退货率", CellKind.PERCENT)),
        List.of(row("女装/女士精品", 5000, 0.182), row("零食/坚果/特产", 800, 0.012)));
  }

  static ReportTable dataQuality() {
    return new ReportTable("数据质量", "输入文件", List.of(
        new ReportColumn("表", CellKind.TEXT),
        new ReportColumn("文件", CellKind.TEXT),
        new ReportColumn("格式", CellKind.TEXT),
        new ReportColumn("编码", CellKind.TEXT),
        new ReportColumn("字节", CellKind.INTEGER),
        new ReportColumn("读取行数", CellKind.INTEGER),
        new ReportColumn("接受", CellKind.INTEGER),
        new ReportColumn("拒绝", CellKind.INTEGER)),
        List.of(row("orders", "订单报表-2025Q4.csv", "csv", "GBK", 123456L, 1000L, 990L, 10L)));
  }

  static ChartSpec conversionChart(String anchor) {
    LinkedHashMap<String, List<Number>> series = new LinkedHashMap<>();
    series.put("本期", List.of(0.4567, 0.1, 0.0));
    series.put("上期", Arrays.asList(0.41, null, 0.05));
    return new ChartSpec("conversion_by_agent", CHART_TITLE, "客服", "询单转化率",
        CellKind.PERCENT, List.of("小美", "阿强", "王芳"), series, anchor);
  }

  static ChartSpec salesChart() {
    LinkedHashMap<String, List<Number>> series = new LinkedHashMap<>();
    series.put("客服销售额", List.of(new BigDecimal("123456.78"), 5000));
    return new ChartSpec("sales_by_category", "类目销售额", "类目", "元", CellKind.MONEY,
        List.of("女装/女士精品", "零食/坚果/特产"), series, null);
  }

  static ReviewReport report(List<ReportTable> tables) {
    LinkedHashMap<String, String> run = new LinkedHashMap<>();
    run.put("generated_at", "2026-01-05T02:00:00Z");
    run.put("run_id", "r-42");
    run.put("input_dir", "-data/raw");
    return new ReviewReport("客服季度复盘 2025Q4", "2025Q4", "2025Q3", "2024Q4", "Asia/Shanghai",
        List.of(
            new KeyFigure("询单转化率", 0.42, CellKind.PERCENT, 0.40, 0.38),
            new KeyFigure("客服销售额", new BigDecimal("1234567.89"), CellKind.MONEY,
                new BigDecimal("1000000.00"), null),
            new KeyFigure("询单人数", 12000L, CellKind.INTEGER, 0L, 10000L)),
        List.of("询单转化率环比上升 2.0 个百分点。", "=1+1 不应被计算"),
        tables,
        List.of(conversionChart("客服"), salesChart()),
        dataQuality(), run);
  }

  static ReviewReport report() {
    return report(List.of(agents(), categories()));
  }

  /**
   * The sample as the assembler would build it with {@code --lang en}: the caller's sheet names,
   * titles, headers, key figures and findings in English; data values (agents, categories,
   * file names) stay as they are, Chinese included. Charts: one on "Agents", one unanchored,
   * a box plot and a time series on "Agents".
   */
  static ReviewReport englishReport() {
    ReportTable agents = agents();
    ReportTable english = new ReportTable("Agents", "Agent results (2025Q4)", List.of(
        new ReportColumn("Agent", CellKind.TEXT),
        new ReportColumn("Inquiring buyers", CellKind.INTEGER),
        new ReportColumn("Inquiry conversion", CellKind.PERCENT),
        new ReportColumn("Agent sales", CellKind.MONEY),
        new ReportColumn("Average response (s)", CellKind.DECIMAL),
        new ReportColumn("Joined", CellKind.DATE),
        new ReportColumn("Last reception", CellKind.DATETIME)), agents.rows());
    ReportTable categories = new ReportTable("Categories", "Category returns", List.of(
        new ReportColumn("Category", CellKind.TEXT),
        new ReportColumn("Units sold", CellKind.INTEGER),
        new ReportColumn("Return rate", CellKind.PERCENT)), categories().rows());
    ReportTable quality = new ReportTable("Data quality", null, List.of(
        new ReportColumn("Table", CellKind.TEXT), new ReportColumn("File", CellKind.TEXT)),
        List.of(row("orders", "订单报表-2025Q4.csv")));
    LinkedHashMap<String, List<Number>> series = new LinkedHashMap<>();
    series.put("This period", List.of(0.4567, 0.1, 0.0));
    ChartSpec conversion = new ChartSpec("conversion_by_agent", "Inquiry conversion by agent",
        "Agent", "Inquiry conversion", CellKind.PERCENT, List.of("小美", "阿强", "王芳"), series,
        "Agents");
    LinkedHashMap<String, List<Number>> sales = new LinkedHashMap<>();
    sales.put("Agent sales", List.of(new BigDecimal("123456.78"), 5000));
    ChartSpec unanchored = new ChartSpec("sales_by_category", "Sales by category", "Category",
        "CNY", CellKind.MONEY, List.of("女装/女士精品", "零食/坚果/特产"), sales, null);
    BoxPlotSpec box = new BoxPlotSpec("pay_by_scheme", "Net pay by scheme", "Scheme", "CNY",
        CellKind.MONEY, List.of("S1", "S2"), List.of(
            new BoxStats(3000, 3500, 4000, 4600, 5200, 4100),
            new BoxStats(2800, 3300, 4100, 4900, 6000, 4250)), "Agents");
    LinkedHashMap<String, String> run = new LinkedHashMap<>();
    run.put("generated_at", "2026-01-05T02:00:00Z");
    run.put("Run id", "r-42");
    return new ReviewReport("Customer service quarterly review 2025Q4", "2025Q4", "2025Q3",
        "2024Q4", "Asia/Shanghai",
        List.of(new KeyFigure("Inquiry conversion", 0.42, CellKind.PERCENT, 0.40, 0.38),
            new KeyFigure("Agent sales", new BigDecimal("1234567.89"), CellKind.MONEY,
                new BigDecimal("1000000.00"), null)),
        List.of("Inquiry conversion rose 2.0 points on the previous period."),
        List.of(english, categories), List.of(conversion, unanchored), quality, run,
        List.of(box), List.of(timeSeries("Agents")), "en");
  }

  /** 61 days of orders (left) and conversion (right) with the National Day and 11.11 windows. */
  static TimeSeriesSpec timeSeries(String anchor) {
    List<LocalDate> days = new ArrayList<>();
    List<Number> orders = new ArrayList<>();
    List<Number> conversion = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2025, 10, 1); d.isBefore(LocalDate.of(2025, 12, 1));
        d = d.plusDays(1)) {
      days.add(d);
      boolean doubleEleven = d.getDayOfMonth() == 11 && d.getMonthValue() == 11;
      orders.add(doubleEleven ? 900 : 100 + d.getDayOfMonth());
      conversion.add(d.getDayOfMonth() == 20 ? null : 0.3 + d.getDayOfMonth() / 1000.0);
    }
    LinkedHashMap<String, List<Number>> left = new LinkedHashMap<>();
    left.put("Orders", orders);
    LinkedHashMap<String, List<Number>> right = new LinkedHashMap<>();
    right.put("Inquiry conversion", conversion);
    return new TimeSeriesSpec("daily_orders", "Daily orders and conversion", days, "Orders",
        CellKind.INTEGER, left, "Conversion", CellKind.PERCENT, right, List.of(
            new TimeSeriesSpec.Window("National Day", LocalDate.of(2025, 10, 1),
                LocalDate.of(2025, 10, 7)),
            new TimeSeriesSpec.Window("11.11", LocalDate.of(2025, 10, 31),
                LocalDate.of(2025, 11, 11))), anchor);
  }

  static List<Object> row(Object... values) {
    return new ArrayList<>(Arrays.asList(values));
  }
}
