package kefu.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class CellsTest {

  @Test
  void valuesBecomeTypedCells() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Cells cells =
          new Cells(new WorkbookStyles(wb), ZoneId.of("Asia/Shanghai"), Labels.chinese());
      Row row = wb.createSheet("s").createRow(0);
      assertEquals(CellType.BLANK, cells.value(row, 0, Double.NaN, CellKind.DECIMAL).getCellType());
      assertEquals(CellType.BLANK, cells.value(row, 1, null, CellKind.MONEY).getCellType());
      assertEquals("是", cells.value(row, 2, true, CellKind.TEXT).getStringCellValue(),
          "yes/no in the report's words, not TRUE/FALSE");
      Cell count = cells.value(row, 5, 8721L, CellKind.DECIMAL);
      assertEquals("#,##0", count.getCellStyle().getDataFormatString(), "a count has no .00");
      Cell idInTextColumn = cells.value(row, 3, 12345L, CellKind.TEXT);
      assertEquals(CellType.NUMERIC, idInTextColumn.getCellType());
      assertEquals("General", idInTextColumn.getCellStyle().getDataFormatString());
      Cell zoned = cells.value(row, 4,
          ZonedDateTime.of(2025, 11, 10, 16, 0, 0, 0, ZoneId.of("UTC")), CellKind.DATETIME);
      assertEquals(LocalDateTime.of(2025, 11, 11, 0, 0), zoned.getLocalDateTimeCellValue());
      Cell text = cells.value(row, 5, "-退款\u0000", CellKind.TEXT);
      assertEquals("-退款", text.getStringCellValue());
      assertEquals(true, text.getCellStyle().getQuotePrefixed());
      assertThrows(IllegalArgumentException.class,
          () -> cells.value(row, 6, new int[0], CellKind.TEXT));
    }
  }
}
