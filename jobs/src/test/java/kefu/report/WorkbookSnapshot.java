package kefu.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A text dump of a workbook (sheet, cell address, type, value, format) for comparing runs. */
final class WorkbookSnapshot {
  private WorkbookSnapshot() {}

  static XSSFWorkbook open(Path xlsx) throws IOException {
    try (InputStream in = Files.newInputStream(xlsx)) {
      return new XSSFWorkbook(in);
    }
  }

  static String dump(Path xlsx) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (XSSFWorkbook wb = open(xlsx)) {
      for (Sheet sheet : wb) {
        sb.append("## ").append(sheet.getSheetName()).append('\n');
        for (Row row : sheet) {
          for (Cell cell : row) {
            sb.append(cell.getAddress()).append(' ').append(cell.getCellType()).append(' ');
            switch (cell.getCellType()) {
              case NUMERIC -> sb.append(cell.getNumericCellValue());
              case STRING -> sb.append(cell.getStringCellValue());
              case BOOLEAN -> sb.append(cell.getBooleanCellValue());
              case FORMULA -> sb.append('=').append(cell.getCellFormula());
              default -> { }
            }
            sb.append(" [").append(cell.getCellStyle().getDataFormatString())
                .append(cell.getCellStyle().getQuotePrefixed() ? " quoted" : "").append("]");
            if (cell.getHyperlink() != null) {
              sb.append(" -> ").append(cell.getHyperlink().getAddress());
            }
            sb.append('\n');
          }
        }
      }
    }
    return sb.toString();
  }
}
