package kefu.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kefu.testing.LibreOffice;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbook opens in another spreadsheet program, every sheet prints, no cell shows an error. */
class WorkbookOpensInLibreOfficeTest {
  @TempDir Path tmp;

  @Test
  void libreOfficeOpensEverySheetWithoutErrorCells() throws Exception {
    Path workbook = ReviewWorkbookWriter.write(SampleReports.report(), tmp.resolve("out"));
    String text = LibreOffice.text(LibreOffice.toPdf(workbook, tmp.resolve("pdf")));

    for (String title : sheetTitles(workbook)) {
      assertTrue(text.contains(title), "sheet titled '" + title + "' missing from the PDF");
    }
    for (String error : LibreOffice.ERROR_VALUES) {
      assertFalse(text.contains(error), "error value " + error + " in the rendered workbook");
    }
    assertTrue(text.contains("=1+1 不应被计算"), "formula-like text prints as text");
  }

  /** The first cell of every sheet (its title), shortened so page-width cuts cannot matter. */
  static List<String> sheetTitles(Path workbook) throws Exception {
    List<String> titles = new ArrayList<>();
    try (InputStream in = Files.newInputStream(workbook);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      for (Sheet s : wb) {
        String a1 = s.getRow(0).getCell(0).getStringCellValue();
        titles.add(a1.substring(0, Math.min(6, a1.length())));
      }
    }
    return titles;
  }
}
