package kefu.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewWorkbookWriterTest {

  @TempDir static Path shared;
  static Path outDir;
  static Path xlsx;

  @BeforeAll
  static void writeSampleOnce() {
    outDir = shared.resolve("report");
    xlsx = ReviewWorkbookWriter.write(SampleReports.report(), outDir);
  }

  @Test
  void writesSheetsInReviewOrder() throws IOException {
    assertEquals(outDir.toAbsolutePath().resolve("review.xlsx"), xlsx);
    try (XSSFWorkbook wb = WorkbookSnapshot.open(xlsx)) {
      List<String> names = new ArrayList<>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertEquals(List.of("概要", "客服", "类目", "图表", "数据质量", "运行"), names);
    }
  }

  @Test
  void numbersAndDatesAreTypedCellsWithTheirFormats() throws IOException {
    try (XSSFWorkbook wb = WorkbookSnapshot.open(xlsx)) {
      Row first = wb.getSheet("客服").getRow(TableSheet.FIRST_DATA_ROW);
      assertEquals("小美", first.getCell(0).getStringCellValue());
      assertNumeric(first.getCell(1), 1200, "#,##0");
      assertNumeric(first.getCell(2), 0.4567, "0.0%");
      assertNumeric(first.getCell(3), 123456.78, "¥#,##0.00");
      assertNumeric(first.getCell(4), 21.5, "#,##0.00");
      assertEquals("yyyy-mm-dd", first.getCell(5).getCellStyle().getDataFormatString());
      assertEquals(LocalDate.of(2023, 3, 1).atStartOfDay(),
          first.getCell(5).getLocalDateTimeCellValue());
      // instants are shown as wall-clock time in the report's zone (Asia/Shanghai)
      assertEquals("yyyy-mm-dd hh:mm", first.getCell(6).getCellStyle().getDataFormatString());
      assertEquals(LocalDateTime.of(2025, 12, 31, 23, 59),
          first.getCell(6).getLocalDateTimeCellValue());
      Row negative = wb.getSheet("客服").getRow(TableSheet.FIRST_DATA_ROW + 3);
      assertNumeric(negative.getCell(3), -5.0, "¥#,##0.00");
    }
  }

  @Test
  void formulaLikeTextIsAQuotePrefixedStringAndNothingIsAFormula() throws IOException {
    try (XSSFWorkbook wb = WorkbookSnapshot.open(xlsx)) {
      Sheet agents = wb.getSheet("客服");
      List<String> injections = List.of(SampleReports.INJECTION_HYPERLINK, "+1", "-2", "@SUM(A1)");
      for (int i = 0; i < injections.size(); i++) {
        Cell cell = agents.getRow(TableSheet.FIRST_DATA_ROW + 1 + i).getCell(0);
        assertEquals(CellType.STRING, cell.getCellType());
        assertEquals(injections.get(i), cell.getStringCellValue());
        assertTrue(cell.getCellStyle().getQuotePrefixed(), injections.get(i));
      }
      Cell plain = agents.getRow(TableSheet.FIRST_DATA_ROW).getCell(0);
      assertFalse(plain.getCellStyle().getQuotePrefixed());
      Cell finding = findCell(wb.getSheet("概要"), "=1+1 不应被计算");
      assertTrue(finding.getCellStyle().getQuotePrefixed());
      Cell runValue = findCell(wb.getSheet("运行"), "-data/raw");
      assertTrue(runValue.getCellStyle().getQuotePrefixed());
      for (Sheet sheet : wb) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            assertNotEquals(CellType.FORMULA, cell.getCellType(),
                sheet.getSheetName() + "!" + cell.getAddress());
          }
        }
      }
    }
  }

  @Test
  void tableSheetsHaveFrozenHeaderAutofilterAndWidths() throws IOException {
    try (XSSFWorkbook wb = WorkbookSnapshot.open(xlsx)) {
      for (String name : List.of("客服", "类目", "数据质量", "运行")) {
        XSSFSheet sheet = wb.getSheet(name);
        PaneInformation pane = sheet.getPaneInformation();
        assertNotNull(pane, name);
        assertTrue(pane.isFreezePane(), name);
        assertEquals(TableSheet.FIRST_DATA_ROW, pane.getHorizontalSplitPosition(), name);
        assertTrue(sheet.getCTWorksheet().isSetAutoFilter(), name);
      }
      XSSFSheet agents = wb.getSheet("客服");
      assertEquals("A2:G7", agents.getCTWorksheet().getAutoFilter().getRef());
      Row header = agents.getRow(TableSheet.HEADER_ROW);
      assertEquals("询单转化率", header.getCell(2).getStringCellValue());
      assertTrue(header.getCell(2).getCellStyle().getWrapText());
      // "询单转化率" is 5 CJK characters = 10 wide, plus padding
      assertEquals((10 + 2) * 256, agents.getColumnWidth(2));
      assertTrue(agents.getColumnWidth(0) <= (ColumnWidths.MAX_CHARS + 2) * 256);
    }
  }

  @Test
  void summaryShowsKeyFiguresWithChangesAndLinksToEverySheet() throws IOException {
    try (XSSFWorkbook wb = WorkbookSnapshot.open(xlsx)) {
      XSSFSheet summary = wb.getSheet("概要");
      assertEquals("客服季度复盘 2025Q4", summary.getRow(0).getCell(0).getStringCellValue());
      assertNotNull(findCell(summary, "Asia/Shanghai"));
      Row header = findCell(summary, "指标").getRow();
      List<String> headers = new ArrayList<>();
      header.forEach(c -> headers.add(c.getStringCellValue()));
      assertEquals(List.of("指标", "本期", "上期", "环比", "去年同期", "同比"), headers);

      Row conversion = findCell(summary, "询单转化率").getRow();
      assertNumeric(conversion.getCell(1), 0.42, "0.0%");
      assertEquals(2.0, conversion.getCell(3).getNumericCellValue(), 1e-9); // percentage points
      assertEquals(4.0, conversion.getCell(5).getNumericCellValue(), 1e-9);
      Row sales = findCell(summary, "客服销售额").getRow();
      assertNumeric(sales.getCell(1), 1234567.89, "¥#,##0.00");
      assertNumeric(sales.getCell(3), 0.23456789, "+0.0%;-0.0%;0.0%");
      assertEquals(CellType.BLANK, sales.getCell(5).getCellType());
      Row inquiries = findCell(summary, "询单人数").getRow();
      assertEquals(CellType.BLANK, inquiries.getCell(3).getCellType()); // previous is zero
      assertEquals(0.2, inquiries.getCell(5).getNumericCellValue(), 1e-9);
      assertNotNull(findCell(summary, "询单转化率环比上升 2.0 个百分点。"));

      List<String> targets = new ArrayList<>();
      for (XSSFHyperlink link : summary.getHyperlinkList()) {
        targets.add(link.getAddress());
      }
      assertEquals(List.of("'客服'!A1", "'类目'!A1", "'图表'!A1", "'数据质量'!A1", "'运行'!A1"),
          targets);
    }
  }

  @Test
  void chartsAreEmbeddedAndWrittenAsPngAndSvg() throws IOException {
    try (XSSFWorkbook wb = WorkbookSnapshot.open(xlsx)) {
      assertEquals(2, wb.getAllPictures().size());
      assertNotNull(wb.getSheet("客服").getDrawingPatriarch());
      assertEquals(1, wb.getSheet("客服").getDrawingPatriarch().getShapes().size());
      assertEquals(1, wb.getSheet("图表").getDrawingPatriarch().getShapes().size());
    }
    for (String id : List.of("conversion_by_agent", "sales_by_category")) {
      Path png = outDir.resolve("charts").resolve(id + ".png");
      byte[] bytes = Files.readAllBytes(png);
      assertTrue(bytes.length > 1000, id);
      assertEquals((byte) 0x89, bytes[0]);
      assertEquals('P', bytes[1]);
      assertTrue(Files.size(outDir.resolve("charts").resolve(id + ".svg")) > 1000, id);
    }
    String svg = Files.readString(
        outDir.resolve("charts/conversion_by_agent.svg"), StandardCharsets.UTF_8);
    assertTrue(svg.contains(SampleReports.CHART_TITLE), "SVG keeps the Chinese title as text");
    assertTrue(svg.contains("小美"));
  }

  /**
   * A run without chat logs has no agents, schemes or sourcing months: their charts are left
   * out (not an empty frame with a ¥0–¥1 axis), and a daily chart keeps only the series that
   * have values (no empty conversion axis).
   */
  @Test
  void chartsWithNothingToDrawAreLeftOut(@TempDir Path tmp) throws IOException {
    LinkedHashMap<String, List<Number>> none = new LinkedHashMap<>();
    none.put("询单转化率", List.of());
    ChartSpec noAgents = new ChartSpec("conversion_by_agent", "客服询单转化率", "客服", "询单转化率",
        CellKind.PERCENT, List.of(), none, "客服");
    LinkedHashMap<String, List<Number>> blank = new LinkedHashMap<>();
    blank.put("月成本", java.util.Arrays.asList(null, null));
    ChartSpec allNull = new ChartSpec("sourcing_monthly_cost", "各方案月度成本", "月份", "元",
        CellKind.MONEY, List.of("2020-01", "2020-02"), blank, "类目");
    BoxPlotSpec noBoxes = new BoxPlotSpec("pay_by_scheme", "各方案人月净薪酬分布", "方案", "元",
        CellKind.MONEY, List.of(), List.of(), "客服");
    TimeSeriesSpec daily = SampleReports.timeSeries("客服");
    daily.rightSeries().replaceAll((name, values) -> java.util.Collections.nCopies(
        values.size(), null));
    ReviewReport base = SampleReports.report();
    ReviewReport report = new ReviewReport(base.title(), base.period(), base.previousPeriod(),
        base.lastYearPeriod(), base.timeZone(), base.keyFigures(), base.findings(),
        base.tables(), List.of(noAgents, allNull, SampleReports.salesChart()),
        base.dataQuality(), base.run(), List.of(noBoxes), List.of(daily), "zh");
    Path out = tmp.resolve("out");
    Path file = ReviewWorkbookWriter.write(report, out);
    try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
      assertEquals(List.of("daily_orders.png", "daily_orders.svg", "sales_by_category.png",
          "sales_by_category.svg"), charts.map(p -> p.getFileName().toString()).sorted()
          .toList());
    }
    try (XSSFWorkbook wb = WorkbookSnapshot.open(file)) {
      assertEquals(2, wb.getAllPictures().size(), "the daily chart and the sales chart only");
    }
    String svg = Files.readString(out.resolve("charts/daily_orders.svg"), StandardCharsets.UTF_8);
    String unfiltered = Charts.svg(Charts.timeSeries(daily), ChartImages.WIDTH_PX,
        ChartImages.HEIGHT_PX);
    assertTrue(unfiltered.contains("Inquiry conversion"), "drawn as is, the empty series shows");
    assertFalse(svg.contains("Inquiry conversion"), "no legend entry for a series with no value");
    assertFalse(svg.contains(">Conversion<"), "no right axis for it either");
    assertTrue(svg.contains("Daily orders and conversion"), "the chart itself is drawn");
  }

  /** The run's generated_at dates the workbook; the 运行 sheet names it in Chinese. */
  @Test
  void theRunSheetNamesGeneratedAtInWords() throws IOException {
    try (XSSFWorkbook wb = WorkbookSnapshot.open(xlsx)) {
      Sheet run = wb.getSheet("运行");
      Row first = run.getRow(TableSheet.FIRST_DATA_ROW);
      assertEquals("生成时间（UTC）", first.getCell(0).getStringCellValue());
      assertEquals("2026-01-05T02:00:00Z", first.getCell(1).getStringCellValue());
      assertThrows(AssertionError.class, () -> findCell(run, "generated_at"));
    }
  }

  @Test
  void workbookIsDatedAtGeneratedAtForReproducibility() throws IOException {
    try (XSSFWorkbook wb = WorkbookSnapshot.open(xlsx)) {
      var core = wb.getProperties().getCoreProperties();
      assertEquals(Date.from(Instant.parse("2026-01-05T02:00:00Z")), core.getCreated());
      assertEquals(Date.from(Instant.parse("2026-01-05T02:00:00Z")), core.getModified());
    }
    assertEquals(Instant.EPOCH, ReviewWorkbookWriter.generatedAt(null));
    assertEquals(Instant.parse("2026-01-04T18:00:00Z"),
        ReviewWorkbookWriter.generatedAt("2026-01-05T02:00:00+08:00"));
  }

  @Test
  void sameReportTwiceGivesIdenticalSheetContents(@TempDir Path tmp) throws IOException {
    Path again = ReviewWorkbookWriter.write(SampleReports.report(), tmp.resolve("again"));
    assertEquals(WorkbookSnapshot.dump(xlsx), WorkbookSnapshot.dump(again));
    assertArrayEquals(Files.readAllBytes(outDir.resolve("charts/conversion_by_agent.svg")),
        Files.readAllBytes(tmp.resolve("again/charts/conversion_by_agent.svg")));
  }

  @Test
  void failedRunLeavesThePreviousReportIntact(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Path first = ReviewWorkbookWriter.write(
        SampleReports.report(List.of(SampleReports.categories())), out);
    // a second successful run replaces the folder as a whole (the old chart files go too)
    LinkedHashMap<String, List<Number>> series = new LinkedHashMap<>();
    series.put("件数", List.of(1, 2));
    ChartSpec other = new ChartSpec("other", "其他", "类目", "件", CellKind.INTEGER,
        List.of("甲", "乙"), series, "类目");
    ReviewReport second = SampleReports.report(List.of(SampleReports.categories()));
    second = new ReviewReport(second.title(), second.period(), second.previousPeriod(),
        second.lastYearPeriod(), second.timeZone(), second.keyFigures(), second.findings(),
        second.tables(), List.of(other), null, second.run());
    assertEquals(first, ReviewWorkbookWriter.write(second, out));
    try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
      assertEquals(List.of("other.png", "other.svg"),
          charts.map(p -> p.getFileName().toString()).sorted().toList());
    }
    try (XSSFWorkbook wb = WorkbookSnapshot.open(first)) {
      assertEquals(List.of("概要", "类目", "数据质量", "运行"),
          Stream.iterate(0, i -> i < wb.getNumberOfSheets(), i -> i + 1)
              .map(wb::getSheetName).toList());
      assertEquals(1, wb.getAllPictures().size());
    }
    byte[] before = Files.readAllBytes(first);

    List<List<Object>> explodingRows = new AbstractList<>() {
      @Override
      public List<Object> get(int i) {
        if (i == 2) {
          throw new IllegalStateException("row 2 cannot be read");
        }
        return SampleReports.row("行" + i, i, 0.5);
      }

      @Override
      public int size() {
        return 5;
      }
    };
    ReportTable broken = new ReportTable("坏表", "坏表", SampleReports.categories().columns(),
        explodingRows);
    ReviewReport failing = SampleReports.report(List.of(SampleReports.agents(), broken));
    assertThrows(IllegalStateException.class, () -> ReviewWorkbookWriter.write(failing, out));

    assertArrayEquals(before, Files.readAllBytes(out.resolve("review.xlsx")));
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertEquals(List.of(out), siblings.toList(), "no temporary folders left behind");
    }
  }

  @Test
  void unsupportedValueFailsWithoutReplacingOutput(@TempDir Path tmp) {
    ReportTable bad = new ReportTable("坏", null, List.of(new ReportColumn("x", CellKind.TEXT)),
        List.of(SampleReports.row(new Object())));
    Path out = tmp.resolve("out");
    assertThrows(IllegalArgumentException.class,
        () -> ReviewWorkbookWriter.write(SampleReports.report(List.of(bad)), out));
    assertFalse(Files.exists(out));
  }

  @Test
  void longTableContinuesOnNumberedSheetsWithANote(@TempDir Path tmp) throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      rows.add(SampleReports.row("类目" + i, i, new BigDecimal("1.50")));
    }
    ReportTable big = new ReportTable("类目", "类目明细", List.of(
        new ReportColumn("类目", CellKind.TEXT), new ReportColumn("件数", CellKind.INTEGER),
        new ReportColumn("金额", CellKind.MONEY)), rows);
    Path file = ReviewWorkbookWriter.write(
        SampleReports.report(List.of(big)), tmp.resolve("out"), 3);
    try (XSSFWorkbook wb = WorkbookSnapshot.open(file)) {
      assertNotNull(wb.getSheet("类目 (2)"));
      assertNotNull(wb.getSheet("类目 (3)"));
      assertEquals(1, wb.getSheetIndex("类目"));
      assertEquals(3, wb.getSheetIndex("类目 (3)"));
      assertEquals(TableSheet.FIRST_DATA_ROW + 2, wb.getSheet("类目").getLastRowNum());
      Sheet last = wb.getSheet("类目 (3)");
      assertEquals("类目6", last.getRow(TableSheet.FIRST_DATA_ROW).getCell(0).getStringCellValue());
      assertEquals("件数", last.getRow(TableSheet.HEADER_ROW).getCell(1).getStringCellValue());
      String note = wb.getSheet("类目").getRow(TableSheet.TITLE_ROW).getCell(3)
          .getStringCellValue();
      assertTrue(note.contains("共 7 行") && note.contains("类目 (2)") && note.contains("类目 (3)"),
          note);
    }
  }

  private static void assertNumeric(Cell cell, double expected, String format) {
    assertEquals(CellType.NUMERIC, cell.getCellType(), cell.getAddress().toString());
    assertEquals(expected, cell.getNumericCellValue(), 1e-9);
    assertEquals(format, cell.getCellStyle().getDataFormatString());
  }

  private static Cell findCell(Sheet sheet, String text) {
    for (Row row : sheet) {
      for (Cell cell : row) {
        if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
          return cell;
        }
      }
    }
    throw new AssertionError("no cell '" + text + "' on " + sheet.getSheetName());
  }
}
