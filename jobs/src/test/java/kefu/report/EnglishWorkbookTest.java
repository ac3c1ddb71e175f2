package kefu.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --lang en}: the same workbook, every word the writer adds in English. */
class EnglishWorkbookTest {
  private static final Pattern CJK = Pattern.compile(
      "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\u3000-\\u303F\\uFF00-\\uFFEF]");

  @TempDir static Path shared;
  static Path xlsx;

  @BeforeAll
  static void writeOnce() {
    // 2 data rows a sheet: the 5 agents continue on "Agents (2)" and "Agents (3)"
    xlsx = ReviewWorkbookWriter.write(SampleReports.englishReport(), shared.resolve("en"), 2);
  }

  @Test
  void sheetsHaveEnglishNamesInReviewOrder() throws IOException {
    try (XSSFWorkbook wb = WorkbookSnapshot.open(xlsx)) {
      List<String> names = new ArrayList<>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertEquals(List.of("Summary", "Agents", "Agents (2)", "Agents (3)", "Categories",
          "Charts", "Data quality", "Run"), names);
    }
  }

  @Test
  void noLabelCellHasChineseButDataValuesKeepTheirs() throws IOException {
    try (XSSFWorkbook wb = WorkbookSnapshot.open(xlsx)) {
      for (Sheet sheet : wb) {
        assertFalse(CJK.matcher(sheet.getSheetName()).find(), sheet.getSheetName());
        boolean allLabels = sheet.getSheetName().equals("Summary")
            || sheet.getSheetName().equals("Run") || sheet.getSheetName().equals("Charts");
        for (Row row : sheet) {
          if (!allLabels && row.getRowNum() > TableSheet.HEADER_ROW) {
            continue; // data rows
          }
          for (Cell cell : row) {
            if (cell.getCellType() == CellType.STRING) {
              String text = cell.getStringCellValue();
              assertFalse(CJK.matcher(text).find(),
                  sheet.getSheetName() + "!" + cell.getAddress() + " = " + text);
            }
          }
        }
      }
      assertEquals("小美", wb.getSheet("Agents").getRow(TableSheet.FIRST_DATA_ROW).getCell(0)
          .getStringCellValue());
    }
  }

  @Test
  void summaryAndWriterTablesSpeakEnglish() throws IOException {
    try (XSSFWorkbook wb = WorkbookSnapshot.open(xlsx)) {
      Sheet summary = wb.getSheet("Summary");
      Row header = find(summary, "Figure").getRow();
      List<String> headers = new ArrayList<>();
      header.forEach(c -> headers.add(c.getStringCellValue()));
      assertEquals(List.of("Figure", "This period", "Previous period", "vs previous",
          "Last year", "vs last year"), headers);
      for (String label : List.of("Period", "Previous period", "Same period last year",
          "Time zone", "Key figures", "Findings", "Contents")) {
        assertNotNull(find(summary, label), label);
      }
      Row run = wb.getSheet("Run").getRow(TableSheet.HEADER_ROW);
      assertEquals("Item", run.getCell(0).getStringCellValue());
      assertEquals("Value", run.getCell(1).getStringCellValue());
      assertEquals("Run information", wb.getSheet("Run").getRow(0).getCell(0)
          .getStringCellValue());
      assertEquals("Data quality", wb.getSheet("Data quality").getRow(0).getCell(0)
          .getStringCellValue());
      assertEquals("Charts", wb.getSheet("Charts").getRow(0).getCell(0).getStringCellValue());
      assertEquals("Agent results (2025Q4) (continued, part 2)", wb.getSheet("Agents (2)")
          .getRow(TableSheet.TITLE_ROW).getCell(0).getStringCellValue());
      String note = wb.getSheet("Agents").getRow(TableSheet.TITLE_ROW).getCell(7)
          .getStringCellValue();
      assertEquals("5 rows, more than one Excel sheet holds; continued on \"Agents (2)\" to "
          + "\"Agents (3)\"", note);
    }
  }

  @Test
  void chartsBoxPlotAndTimeSeriesSitOnTheirSheets() throws IOException {
    try (XSSFWorkbook wb = WorkbookSnapshot.open(xlsx)) {
      assertEquals(3, wb.getSheet("Agents").getDrawingPatriarch().getShapes().size());
      assertEquals(1, wb.getSheet("Charts").getDrawingPatriarch().getShapes().size());
    }
    assertTrue(java.nio.file.Files.readString(xlsx.resolveSibling("charts/daily_orders.svg"))
        .contains("Daily orders and conversion"));
  }

  @Test
  void boxPlotSeriesAreNamedInTheReportLanguage() {
    BoxPlotSpec box = SampleReports.englishReport().boxPlots().get(0);
    assertEquals(List.of("Distribution"), Charts.dataset(box, Labels.of("en")).getRowKeys());
    assertEquals(List.of("分布"), Charts.dataset(box).getRowKeys());
    assertTrue(Charts.labels(box, Labels.of("en")).startsWith("DistributionMean"));
  }

  @Test
  void theDefaultLanguageIsChinese() {
    assertEquals("zh", SampleReports.report().language());
    assertEquals("概要",
        SampleReports.report().labels().get(ReviewWorkbookWriter.SUMMARY_SHEET_KEY));
    assertEquals("en", SampleReports.report().withLanguage("en").labels().language());
  }

  private static Cell find(Sheet sheet, String text) {
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
