package kefu.report;

import java.util.List;
import java.util.Objects;

/**
 * A table the workbook renders as one sheet (or several, if it exceeds Excel's row limit).
 *
 * <p>Row values are String, Number (Long, Integer, Double, BigDecimal, ...), LocalDate, Instant,
 * LocalDateTime, Boolean or null; a row has at most one value per column.
 */
public record ReportTable(
    String sheetName, String title, List<ReportColumn> columns, List<List<Object>> rows) {
  public ReportTable {
    Objects.requireNonNull(sheetName, "sheetName");
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(rows, "rows");
  }
}
