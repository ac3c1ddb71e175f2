package kefu.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the quarterly-review workbook and its chart files.
 *
 * <p>Output: {@code outDir/review.xlsx} and {@code outDir/charts/<id>.png|.svg}. Sheets, in
 * order: 概要 (Summary), one per {@link ReportTable} (plus "name (2)"... if a table exceeds
 * Excel's row limit), 图表 (Charts) if a chart has no anchor sheet, 数据质量 (Data quality), 运行
 * (Run); the names and every other word the writer adds come from {@link ReviewReport#labels()}.
 * The folder is replaced atomically: a failed run leaves the previous report intact.
 */
public final class ReviewWorkbookWriter {
  public static final String WORKBOOK_FILE = "review.xlsx";
  public static final String CHARTS_DIR = "charts";
  /** Label keys of the sheets the writer adds itself (概要/Summary, 图表/Charts, ...). */
  public static final String SUMMARY_SHEET_KEY = "report.sheet.summary";
  public static final String CHARTS_SHEET_KEY = "report.sheet.charts";
  public static final String DATA_QUALITY_SHEET_KEY = "report.sheet.dataQuality";
  public static final String RUN_SHEET_KEY = "report.sheet.run";
  public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";
  /** Rows SXSSF keeps in memory per sheet before flushing to its temporary file. */
  private static final int ROW_WINDOW = 200;

  private ReviewWorkbookWriter() {}

  /** Writes the report into {@code outDir} (replacing it); returns the workbook's path. */
  public static Path write(ReviewReport report, Path outDir) {
    return write(report, outDir, TableSheet.DEFAULT_MAX_DATA_ROWS);
  }

  /** As {@link #write(ReviewReport, Path)}, with a smaller sheet capacity for tests. */
  static Path write(ReviewReport report, Path outDir, int maxDataRowsPerSheet) {
    AtomicOutput.write(outDir, dir -> writeInto(report, dir, maxDataRowsPerSheet));
    return outDir.toAbsolutePath().normalize().resolve(WORKBOOK_FILE);
  }

  private static void writeInto(ReviewReport report, Path dir, int maxDataRows)
      throws IOException {
    SXSSFWorkbook wb = new SXSSFWorkbook(ROW_WINDOW);
    try {
      wb.setCompressTempFiles(true);
      Cells cells = new Cells(new WorkbookStyles(wb), zone(report), report.labels());
      Labels labels = report.labels();
      SheetNames names = new SheetNames();
      SXSSFSheet summary = wb.createSheet(names.unique(labels.get(SUMMARY_SHEET_KEY)));
      List<SummarySheet.Link> links = new ArrayList<>();
      Map<String, TableSheetInfo> anchors = new HashMap<>();

      for (ReportTable table : report.tables()) {
        List<SXSSFSheet> sheets = TableSheet.write(
            wb, cells, labels, names, names.unique(table.sheetName()), table, maxDataRows);
        TableSheetInfo info = new TableSheetInfo(sheets.get(0), table.columns().size());
        anchors.putIfAbsent(table.sheetName(), info);
        anchors.putIfAbsent(sheets.get(0).getSheetName(), info);
        for (SXSSFSheet s : sheets) {
          links.add(new SummarySheet.Link(s.getSheetName(), describe(table)));
        }
      }

      new ChartPlacer(report, labels, dir.resolve(CHARTS_DIR), wb, cells, names, anchors, links)
          .placeAll();

      String qualitySheet = labels.get(DATA_QUALITY_SHEET_KEY);
      ReportTable quality = titled(report.dataQuality() != null ? report.dataQuality()
          : new ReportTable(qualitySheet, labels.get("report.title.dataQualityEmpty"), List.of(),
              List.of()), labels.get("report.title.dataQuality"));
      for (SXSSFSheet s : TableSheet.write(wb, cells, labels, names, names.unique(qualitySheet),
          quality, maxDataRows)) {
        links.add(new SummarySheet.Link(s.getSheetName(), describe(quality)));
      }
      ReportTable run = RunTable.of(report.run(), labels);
      for (SXSSFSheet s : TableSheet.write(
          wb, cells, labels, names, names.unique(run.sheetName()), run, maxDataRows)) {
        links.add(new SummarySheet.Link(s.getSheetName(), run.title()));
      }

      SummarySheet.write(summary, cells, labels, report, links);
      wb.setActiveSheet(0);
      wb.forEach(ReviewWorkbookWriter::printOnePageWide);
      setProperties(wb, report);
      try (OutputStream out = Files.newOutputStream(dir.resolve(WORKBOOK_FILE))) {
        wb.write(out);
      }
    } finally {
      wb.dispose();
      wb.close();
    }
  }

  /**
   * Printed or converted to PDF, a sheet is landscape and one page wide, so no column of a table
   * lands alone on a page of its own.
   */
  private static void printOnePageWide(Sheet sheet) {
    sheet.setFitToPage(true);
    sheet.getPrintSetup().setLandscape(true);
    sheet.getPrintSetup().setFitWidth((short) 1);
    sheet.getPrintSetup().setFitHeight((short) 0);
  }

  private record TableSheetInfo(Sheet sheet, int columnCount) {}

  /**
   * Charts go to the right of their anchor table, stacked in the order bar charts, box plots,
   * time series; unanchored ones on the 图表 (Charts) sheet, created only if needed.
   */
  private static final class ChartPlacer {
    private final ReviewReport report;
    private final Labels labels;
    private final Path chartsDir;
    private final SXSSFWorkbook wb;
    private final Cells cells;
    private final SheetNames names;
    private final Map<String, TableSheetInfo> anchors;
    private final List<SummarySheet.Link> links;
    private final Map<Sheet, Integer> chartsOnSheet = new HashMap<>();
    private Sheet chartsSheet;

    ChartPlacer(ReviewReport report, Labels labels, Path chartsDir, SXSSFWorkbook wb,
        Cells cells, SheetNames names, Map<String, TableSheetInfo> anchors,
        List<SummarySheet.Link> links) {
      this.report = report;
      this.labels = labels;
      this.chartsDir = chartsDir;
      this.wb = wb;
      this.cells = cells;
      this.names = names;
      this.anchors = anchors;
      this.links = links;
    }

    /** Charts with nothing to draw are left out (their tables say why there is no data). */
    void placeAll() throws IOException {
      for (ChartSpec spec : report.charts()) {
        if (spec.hasValues()) {
          place(ChartImages.render(spec, chartsDir), spec.anchorSheet());
        }
      }
      for (BoxPlotSpec spec : report.boxPlots()) {
        if (spec.hasValues()) {
          place(ChartImages.render(spec, labels, chartsDir), spec.anchorSheet());
        }
      }
      for (TimeSeriesSpec spec : report.timeSeries()) {
        if (spec.hasValues()) {
          place(ChartImages.render(spec.withoutEmptySeries(), chartsDir), spec.anchorSheet());
        }
      }
    }

    private void place(byte[] png, String anchorSheet) {
      TableSheetInfo anchor = anchorSheet == null ? null : anchors.get(anchorSheet);
      Sheet sheet;
      int col;
      int firstRow;
      if (anchor != null) {
        sheet = anchor.sheet();
        col = anchor.columnCount() + 1;
        firstRow = TableSheet.HEADER_ROW;
      } else {
        if (chartsSheet == null) {
          chartsSheet = wb.createSheet(names.unique(labels.get(CHARTS_SHEET_KEY)));
          ChartImages.titleCharts(chartsSheet, cells, labels);
          links.add(new SummarySheet.Link(chartsSheet.getSheetName(),
              labels.get("report.title.charts")));
        }
        sheet = chartsSheet;
        col = 0;
        firstRow = 2;
      }
      int index = chartsOnSheet.merge(sheet, 1, Integer::sum) - 1;
      ChartImages.embed(sheet, png, col, firstRow + index * ChartImages.ROWS_PER_CHART);
    }
  }

  private static ReportTable titled(ReportTable t, String defaultTitle) {
    return t.title() != null ? t : new ReportTable(t.sheetName(), defaultTitle, t.columns(),
        t.rows());
  }

  private static String describe(ReportTable t) {
    return t.title() != null ? t.title() : t.sheetName();
  }

  private static ZoneId zone(ReviewReport report) {
    return ZoneId.of(report.timeZone() == null || report.timeZone().isBlank()
        ? DEFAULT_TIME_ZONE : report.timeZone());
  }

  /** Fixed created/modified dates (run's generated_at, else epoch) keep the output reproducible. */
  private static void setProperties(SXSSFWorkbook wb, ReviewReport report) {
    Instant when = generatedAt(report.run().get("generated_at"));
    POIXMLProperties.CoreProperties core =
        wb.getXSSFWorkbook().getProperties().getCoreProperties();
    core.setCreated(Optional.of(Date.from(when)));
    core.setModified(Optional.of(Date.from(when)));
    core.setCreator("kefu");
    core.setTitle(SafeText.cell(report.title()));
  }

  /** An ISO instant (offsets allowed); epoch if absent or unreadable. */
  static Instant generatedAt(String value) {
    if (value == null || value.isBlank()) {
      return Instant.EPOCH;
    }
    try {
      return java.time.OffsetDateTime.parse(value.strip()).toInstant();
    } catch (java.time.format.DateTimeParseException notOffset) {
      try {
        return Instant.parse(value.strip());
      } catch (java.time.format.DateTimeParseException e) {
        System.getLogger(ReviewWorkbookWriter.class.getName()).log(System.Logger.Level.WARNING,
            "run.generated_at {0} is not an ISO instant; workbook dated at epoch", value);
        return Instant.EPOCH;
      }
    }
  }

  /** The 运行 (Run) sheet's table: the run map as 项目 / 值 (Item / Value) rows. */
  static final class RunTable {
    private RunTable() {}

    static ReportTable of(LinkedHashMap<String, String> run, Labels labels) {
      List<List<Object>> rows = new ArrayList<>();
      // generated_at stays the key the workbook is dated by; the sheet shows it in words
      run.forEach((k, v) -> rows.add(java.util.Arrays.asList(
          "generated_at".equals(k) ? labels.get("report.run.generatedAt") : k, v)));
      return new ReportTable(labels.get(RUN_SHEET_KEY), labels.get("report.title.run"),
          List.of(new ReportColumn(labels.get("report.run.item"), CellKind.TEXT),
              new ReportColumn(labels.get("report.run.value"), CellKind.TEXT)),
          rows);
    }
  }
}
