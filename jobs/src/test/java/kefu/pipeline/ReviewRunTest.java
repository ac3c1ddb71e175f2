package kefu.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import kefu.derive.DeriveRules;
import kefu.ingest.InputPaths;
import kefu.testing.ParquetTables;
import kefu.testing.SparkTestSession;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: real exports in, published report out. */
class ReviewRunTest {
  static final Path SHARED = kefu.testing.SharedData.dir();
  static final Path REPO = Paths.get(System.getProperty("kefu.repo.dir", ".."));

  @TempDir Path tmp;

  @Test
  void theRealTmallExportReproducesItsTotalsToTheCent() throws Exception {
    Path csv = SHARED.resolve("data/tmall_order_report/tmall_order_report.csv");
    RawTotals raw = RawTotals.of(csv);
    SparkSession spark = SparkTestSession.get();
    Path out = tmp.resolve("tmall");
    ReviewResult result = new ReviewRun(settings(
        new InputPaths(List.of(csv.toString()), List.of(), List.of(), List.of(), List.of()),
        "2020-02", out, "en"), new StageLog(System.err, true)).execute(spark);

    Row shop;
    try (ParquetTables tables = new ParquetTables()) {
      shop = tables.select(out.resolve("marts/shop_metrics"), "period = '2020-02'").get(0);
    }
    assertEquals(raw.orders, ((Number) shop.getAs("orders_created")).longValue());
    assertEquals(raw.paidOrders, ((Number) shop.getAs("orders_paid")).longValue());
    assertEquals(0, raw.paidAmount.compareTo(shop.getAs("paid_amount")));
    assertEquals(0, raw.refundAmount.compareTo(shop.getAs("refunded_amount")));

    var manifest = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(out.resolve("manifest.json").toFile());
    assertEquals(raw.orders, manifest.at("/reconciliation/rows_read").asLong(), manifest::toString);
    assertEquals(raw.orders, manifest.at("/reconciliation/rows_accepted").asLong());
    assertEquals(0, manifest.at("/reconciliation/rows_rejected").asLong());
    assertEquals(0, manifest.at("/reconciliation/summary_rows_skipped").asLong());
    assertEquals("en", manifest.at("/language").asText());
    assertTrue(Files.exists(Paths.get(result.workbook())));
    assertEnglishLabels(out.resolve("review.xlsx"));
    assertFalse(Files.exists(out.resolveSibling(".tmall.lock")), "lock released");
    // everything the run writes is under out, the notebook export included
    assertEquals(out.resolve("notebook/review.ipynb").toString(), result.notebook());
    assertTrue(Files.exists(out.resolve("notebook/review.html")));
    try (var written = Files.list(tmp)) {
      assertEquals(List.of("config", "tmall"),
          written.map(p -> p.getFileName().toString()).sorted().toList());
    }
    PinnedOutputsTest.assertPinned("tmall-2020-02", out, csv.getParent());
  }

  @Test
  void theSampleRunWritesThePinnedTables() throws IOException {
    PinnedOutputsTest.assertPinned("sample-2025Q4", SampleRun.get().out, SampleRun.get().sample);
  }

  @Test
  void aGeneratedHistoryGivesAWorkbookWithAgentsCategoriesAndDataQuality() throws Exception {
    SampleRun run = SampleRun.get();
    Path out = run.out;
    assertOpensInLibreOfficeWithoutErrors(out.resolve("review.xlsx"));
    var notebook = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(run.notebook.toFile());
    assertEquals(4, notebook.get("nbformat").asInt());
    assertTrue(notebook.get("cells").toString().contains("seasonal_effects"),
        "the notebook's code loads the seasonal marts too");

    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("review.xlsx")))) {
      List<String> sheets = new java.util.ArrayList<>();
      wb.forEach(s -> sheets.add(s.getSheetName()));
      assertEquals(List.of("概要", "客服", "类目", "薪酬方案对比", "薪酬分布", "方案得失", "季节效应",
          "类目薪酬", "自营与外包", "自营成本构成", "最便宜方案", "外包盈亏平衡", "外包成本敏感性",
          "核对（导出 vs kefu）",
          "当前方案工资条", "归因敏感性", "对账", "数据质量", "运行"), sheets,
          "every chart sits on its table: no 图表 sheet");
      assertEverySummaryTotalReconciles(wb.getSheet("对账"));
      assertTrue(wb.getSheet("客服").getLastRowNum() >= 2, "agents listed");
      assertTrue(sheets.containsAll(List.of("薪酬方案对比", "薪酬分布", "当前方案工资条")),
          sheets.toString());
      // title row + header row + one row per default scheme
      assertTrue(wb.getSheet("薪酬方案对比").getLastRowNum() >= 1 + 8, "schemes listed");
      assertEquals("客服绩效（本期）", wb.getSheet("客服").getRow(0).getCell(0).getStringCellValue());
    }
    assertEquals("zh", new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(out.resolve("manifest.json").toFile()).at("/language").asText());
    try (ParquetTables tables = new ParquetTables()) {
      assertPayrollForEveryAgentMonthAndScheme(tables, out);
      String agentMetrics = ParquetTables.of(out.resolve("marts/agent_metrics"))
          + " WHERE period = '2025Q4'";
      long paid = tables.number(
          "SELECT CAST(sum(inquiry_paid_buyers) AS BIGINT) FROM " + agentMetrics);
      long inquired = tables.number(
          "SELECT CAST(sum(inquiry_buyers) AS BIGINT) FROM " + agentMetrics);
      assertTrue(inquired > 0 && paid > 0 && paid < inquired, paid + " / " + inquired);
    }
  }

  /** The run's real workbook prints in LibreOffice with every sheet and no error value. */
  /**
   * Every line of the 对账 sheet is equal, split into counted parts, or of a stated different
   * basis, and its difference is B − A: none is left unexplained.
   */
  private static void assertEverySummaryTotalReconciles(org.apache.poi.ss.usermodel.Sheet sheet) {
    int lines = 0;
    for (int r = 2; r <= sheet.getLastRowNum(); r++) {
      org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
      if (row == null || row.getCell(2) == null
          || row.getCell(2).getCellType() != org.apache.poi.ss.usermodel.CellType.NUMERIC) {
        continue;
      }
      lines++;
      String what = row.getCell(0).getStringCellValue();
      assertEquals(row.getCell(4).getNumericCellValue() - row.getCell(2).getNumericCellValue(),
          row.getCell(5).getNumericCellValue(), 0.005, what);
      assertTrue(List.of("一致", "差额已分解", "口径不同").contains(
          row.getCell(6).getStringCellValue()), what + ": " + row.getCell(7));
    }
    assertTrue(lines >= 9, "the sales, refund, reception and inquiry totals are reconciled");
  }

  private void assertOpensInLibreOfficeWithoutErrors(Path xlsx) throws IOException {
    try {
      String text = kefu.testing.LibreOffice.text(
          kefu.testing.LibreOffice.toPdf(xlsx, tmp.resolve("pdf")));
      for (String error : kefu.testing.LibreOffice.ERROR_VALUES) {
        assertFalse(text.contains(error), error + " in the rendered workbook");
      }
      assertTrue(text.contains("季节效应") && text.contains("自营"), "late sheets printed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Every paid agent-month appears once under every scheme that applies to the agent. */
  private static void assertPayrollForEveryAgentMonthAndScheme(ParquetTables tables, Path out)
      throws java.sql.SQLException {
    String payroll = ParquetTables.of(out.resolve("marts/payroll"));
    long agentMonths = tables.number(
        "SELECT count(*) FROM (SELECT DISTINCT shop_id, agent_id, month FROM " + payroll + ")");
    long active = tables.number("SELECT count(*) FROM (SELECT DISTINCT agent_id,"
        + " strftime(business_date, '%Y-%m') AS month FROM "
        + ParquetTables.of(out.resolve("marts/agent_daily"))
        + " WHERE business_date >= DATE '2025-10-01' AND agent_id NOT IN ('bot', 'unknown'))");
    assertTrue(active > 0 && agentMonths >= active, agentMonths + " paid vs " + active);
    kefu.pay.PayConfig config = kefu.pay.PayConfig.defaults();
    for (kefu.pay.SchemeDef scheme : config.schemes()) {
      long rows = tables.number("SELECT count(*) FROM " + payroll + " WHERE scheme_id = '"
          + scheme.schemeId().replace("'", "''") + "'");
      if (scheme.appliesTo().equals("all")) {
        assertEquals(agentMonths, rows, scheme.schemeId());
      }
    }
    assertEquals(tables.number("SELECT count(*) FROM " + payroll), tables.number(
        "SELECT count(*) FROM (SELECT DISTINCT shop_id, agent_id, month, scheme_id FROM "
            + payroll + ")"), "one row per agent, month and scheme");
    for (String mart : List.of("payslip_lines", "pay_distribution", "pay_changes")) {
      assertTrue(tables.number("SELECT count(*) FROM "
          + ParquetTables.of(out.resolve("marts/" + mart))) > 0, mart);
    }
  }

  @Test
  void aBrokenPayConfigFailsBeforeAnySparkWorkNamingTheCell() throws Exception {
    // A real export, so that the inputs (checked first) pass and the config is what fails.
    String orders = REPO.resolve("data/samples/tmall_order_report.csv").toString();
    ReviewSettings s = settings(new InputPaths(List.of(orders), List.of(), List.of(),
        List.of(), List.of()), "2025Q4", tmp.resolve("never"));
    Path file = Paths.get(s.configDir()).resolve("pay_schemes.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
      wb.getSheet("Components").getRow(5).getCell(4).setCellValue("2%%");
      try (var o = Files.newOutputStream(file)) {
        wb.write(o);
      }
    }
    // execute() without a session would start Spark only after the config is read
    kefu.ingest.InputError e = org.junit.jupiter.api.Assertions.assertThrows(
        kefu.ingest.InputError.class,
        () -> new ReviewRun(s, new StageLog(System.err, true)).execute());
    assertTrue(e.getMessage().contains("pay_schemes.xlsx!Components!E6: rate '2%%'"),
        e.getMessage());
    assertFalse(Files.exists(tmp.resolve("never")));
  }

  @Test
  void aMissingInputFailsBeforeSparkStartsNamingThePath() throws Exception {
    ReviewSettings s = settings(new InputPaths(List.of(tmp.resolve("orders.csv").toString()),
        List.of(), List.of(), List.of(), List.of()), "2025Q4", tmp.resolve("never"));
    // execute() without a session would start Spark only after the inputs are checked
    kefu.ingest.InputError e = org.junit.jupiter.api.Assertions.assertThrows(
        kefu.ingest.InputError.class,
        () -> new ReviewRun(s, new StageLog(System.err, true)).execute());
    assertTrue(e.getMessage().endsWith("orders.csv: no such file or folder (given for orders)"),
        e.getMessage());
    assertFalse(Files.exists(tmp.resolve("never")));
  }

  /** English sheet names, titles and headers; data values may be Chinese. */
  private static void assertEnglishLabels(Path xlsx) throws IOException {
    java.util.regex.Pattern cjk = java.util.regex.Pattern.compile("\\p{IsHan}");
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
      List<String> sheets = new java.util.ArrayList<>();
      wb.forEach(sh -> sheets.add(sh.getSheetName()));
      assertEquals(List.of("Summary", "Agents", "Categories", "Pay schemes", "Pay distribution",
          "Winners & losers", "Seasonal", "Category pay", "In-house vs outsourced",
          "In-house cost build-up", "Cheapest option", "Break-even", "Cost sensitivity",
          "Current payslips", "Attribution sensitivity", "Reconciliation", "Data quality", "Run"),
          sheets);
      for (org.apache.poi.ss.usermodel.Sheet sheet : wb) {
        for (int r = 0; r <= 1 && !sheet.getSheetName().equals("Summary"); r++) {
          for (org.apache.poi.ss.usermodel.Cell c : sheet.getRow(r)) {
            assertFalse(cjk.matcher(c.getStringCellValue()).find(),
                sheet.getSheetName() + "!" + c.getAddress() + " " + c.getStringCellValue());
          }
        }
      }
      for (org.apache.poi.ss.usermodel.Row row : wb.getSheet("Run")) {
        assertFalse(cjk.matcher(row.getCell(0).getStringCellValue()).find(),
            row.getCell(0).getStringCellValue());
      }
      assertTrue(wb.getSheet("Summary").getRow(0).getCell(0).getStringCellValue()
          .startsWith("Customer service quarterly review"));
    }
  }

  private ReviewSettings settings(InputPaths inputs, String period, Path out) throws IOException {
    return settings(inputs, period, out, "zh");
  }

  private ReviewSettings settings(InputPaths inputs, String period, Path out, String language)
      throws IOException {
    Path config = tmp.resolve("config");
    if (!Files.exists(config)) {
      Files.createDirectories(config);
      try (var files = Files.list(REPO.resolve("data/config"))) {
        for (Path f : (Iterable<Path>) files::iterator) {
          if (!f.getFileName().toString().startsWith(".")) {
            Files.copy(f, config.resolve(f.getFileName()));
          }
        }
      }
    }
    return new ReviewSettings(inputs, config.toString(), period, out.toString(), null,
        "Asia/Shanghai", DeriveRules.defaults(), false, false, true, "test-" + period, language,
        ReviewSettings.NOTEBOOK_WITH_REPORT);
  }

  /** The export's totals computed without Spark, straight from the CSV text. */
  record RawTotals(long orders, long paidOrders, BigDecimal paidAmount, BigDecimal refundAmount) {
    static RawTotals of(Path csv) throws IOException {
      List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
      List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(","));
      int paidAt = indexOf(header, "订单付款时间");
      int paid = indexOf(header, "买家实际支付金额");
      int refund = indexOf(header, "退款金额");
      long orders = 0;
      long paidOrders = 0;
      BigDecimal paidSum = BigDecimal.ZERO;
      BigDecimal refundSum = BigDecimal.ZERO;
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        orders++;
        if (!f[paidAt].isBlank()) {
          paidOrders++;
        }
        paidSum = paidSum.add(new BigDecimal(f[paid].trim()));
        refundSum = refundSum.add(new BigDecimal(f[refund].trim()));
      }
      return new RawTotals(orders, paidOrders, paidSum, refundSum);
    }

    private static int indexOf(List<String> header, String name) {
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).trim().equals(name)) {
          return i;
        }
      }
      throw new IllegalStateException(name + " not in " + header);
    }
  }
}
