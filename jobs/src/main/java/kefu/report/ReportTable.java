package kefu.report;

import java.util.List;
import java.util.Objects;

/**
 * A table the workbook renders as one sheet (or several, if it exceeds Excel's row limit).
 *
 * <p>{@code note} (nullable) is one line the sheet shows under its rows, or instead of them when
 * there are none: why the table is empty (未提供聊天记录) or why its total differs from another
 * sheet's. A table is never left headers-only without a word.
 *
 * <p>Row values are String, Number (Long, Integer, Double, BigDecimal, ...), LocalDate, Instant,
 * LocalDateTime, Boolean or null; a row has at most one value per column.
 */
public record ReportTable(String sheetName, String title, List<ReportColumn> columns,
    List<List<Object>> rows, String note) {
  /** Without a note. */
  public ReportTable(String sheetName, String title, List<ReportColumn> columns,
      List<List<Object>> rows) {
    this(sheetName, title, columns, rows, null);
  }

  /** The same table with {@code note} under it. */
  public ReportTable withNote(String note) {
    return new ReportTable(sheetName, title, columns, rows, note);
  }

  public ReportTable {
    Objects.requireNonNull(sheetName, "sheetName");
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(rows, "rows");
  }
}
