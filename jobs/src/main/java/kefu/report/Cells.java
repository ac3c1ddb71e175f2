package kefu.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import kefu.report.WorkbookStyles.Style;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;

/**
 * Writes one report value as a typed cell: numbers as numeric cells, dates as date cells, text
 * always as a (safe) string cell. Never writes a formula.
 */
final class Cells {
  private final WorkbookStyles styles;
  private final ZoneId zone;
  private final Labels labels;

  /** {@code labels} give yes/no their words (是/否): an analyst reads no TRUE/FALSE. */
  Cells(WorkbookStyles styles, ZoneId zone, Labels labels) {
    this.styles = styles;
    this.zone = zone;
    this.labels = labels;
  }

  static final float TITLE_ROW_POINTS = 22f;

  ZoneId zone() {
    return zone;
  }

  /**
   * Writes {@code value} at {@code col}; the column kind picks the number format, except that a
   * whole-number value (Long, Integer) in a DECIMAL column shows no decimals: a count is 8,721,
   * never 8,721.00.
   */
  Cell value(Row row, int col, Object value, CellKind kind) {
    boolean whole = value instanceof Long || value instanceof Integer;
    return value(row, col, value, kind == CellKind.DECIMAL && whole ? Style.INTEGER
        : Style.of(kind));
  }

  Cell value(Row row, int col, Object value, Style numberStyle) {
    Cell cell = row.createCell(col);
    if (value == null) {
      return cell;
    }
    if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>) {
      return text(cell, value.toString(), Style.TEXT);
    }
    if (value instanceof Number n) {
      double d = n instanceof BigDecimal bd ? bd.doubleValue() : n.doubleValue();
      if (Double.isFinite(d)) {
        cell.setCellValue(d);
        if (!isTextLike(numberStyle)) { // a number in a text column keeps Excel's General format
          cell.setCellStyle(styles.get(numberStyle));
        }
      }
      return cell;
    }
    if (value instanceof Boolean b) {
      return text(cell, labels.get(b ? "report.yes" : "report.no"), Style.TEXT);
    }
    if (value instanceof LocalDate d) {
      cell.setCellValue(d);
      cell.setCellStyle(styles.get(Style.DATE));
      return cell;
    }
    LocalDateTime dateTime = toLocalDateTime(value);
    if (dateTime != null) {
      cell.setCellValue(dateTime);
      cell.setCellStyle(styles.get(numberStyle == Style.DATE ? Style.DATE : Style.DATETIME));
      return cell;
    }
    throw new IllegalArgumentException(
        "unsupported report value type " + value.getClass().getName() + ": " + value);
  }

  /** Writes text as a string cell, sanitised and quote-prefixed if it looks like a formula. */
  Cell text(Row row, int col, String s, Style style) {
    if (style == Style.TITLE) {
      row.setHeightInPoints(TITLE_ROW_POINTS); // the larger title font must not overlap row 2
    }
    return text(row.createCell(col), s, style);
  }

  private Cell text(Cell cell, String s, Style style) {
    String safe = SafeText.cell(s);
    if (safe == null) {
      return cell;
    }
    cell.setCellValue(safe);
    cell.setCellStyle(styles.forText(style, safe));
    return cell;
  }

  /** Instants and zoned times are shown as wall-clock time in the report's zone. */
  LocalDateTime toLocalDateTime(Object value) {
    if (value instanceof LocalDateTime t) {
      return t;
    }
    if (value instanceof Instant i) {
      return LocalDateTime.ofInstant(i, zone);
    }
    if (value instanceof ZonedDateTime z) {
      return z.withZoneSameInstant(zone).toLocalDateTime();
    }
    if (value instanceof OffsetDateTime o) {
      return o.atZoneSameInstant(zone).toLocalDateTime();
    }
    if (value instanceof java.util.Date d) {
      return LocalDateTime.ofInstant(d.toInstant(), zone);
    }
    return null;
  }

  private static boolean isTextLike(Style s) {
    return s == Style.TEXT || s == Style.LABEL || s == Style.TITLE || s == Style.HEADER
        || s == Style.LINK || s == Style.NOTE || s == Style.DATE || s == Style.DATETIME;
  }
}
