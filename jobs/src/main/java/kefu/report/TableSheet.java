package kefu.report;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import kefu.report.WorkbookStyles.Style;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Renders a {@link ReportTable} on a streamed sheet: title row, header row (frozen, with an
 * autofilter), then one typed row per table row. A table longer than a sheet can hold continues
 * on sheets "name (2)", "name (3)", ..., and the first sheet says so next to its title (in the
 * report's language).
 */
final class TableSheet {
  static final int TITLE_ROW = 0;
  static final int HEADER_ROW = 1;
  static final int FIRST_DATA_ROW = 2;
  /** Excel's last row index is 1,048,575. */
  static final int EXCEL_MAX_ROWS = 1_048_576;
  static final int DEFAULT_MAX_DATA_ROWS = EXCEL_MAX_ROWS - FIRST_DATA_ROW;
  /** Widths are measured on this many rows per sheet; enough to be representative, cheap. */
  private static final int WIDTH_SAMPLE_ROWS = 10_000;

  private TableSheet() {}

  /** Writes {@code table} under {@code sheetName} (already unique); returns the sheets created. */
  static List<SXSSFSheet> write(SXSSFWorkbook wb, Cells cells, Labels labels, SheetNames names,
      String sheetName, ReportTable table, int maxDataRows) {
    int total = table.rows().size();
    int sheetCount = Math.max(1, (total + maxDataRows - 1) / maxDataRows);
    String title = table.title() == null ? table.sheetName() : table.title();
    List<String> sheetNames = new ArrayList<>(List.of(sheetName));
    for (int part = 2; part <= sheetCount; part++) {
      sheetNames.add(names.continuation(sheetName, part));
    }
    List<SXSSFSheet> sheets = new ArrayList<>();
    Iterator<List<Object>> rows = table.rows().iterator();
    for (int part = 1; part <= sheetCount; part++) {
      SXSSFSheet sheet = wb.createSheet(sheetNames.get(part - 1));
      sheets.add(sheet);
      Row titleRow = sheet.createRow(TITLE_ROW);
      cells.text(titleRow, 0, part == 1 ? title
          : labels.format("report.table.continued", title, String.valueOf(part)), Style.TITLE);
      if (part == 1 && sheetCount > 1) {
        cells.text(titleRow, Math.max(1, table.columns().size()), labels.format(
            "report.table.overflow", total, sheetNames.get(1), sheetNames.get(sheetCount - 1)),
            Style.NOTE);
      }
      int written = writeRows(sheet, cells, table, rows, maxDataRows);
      finish(sheet, table.columns().size(), written);
      if (part == sheetCount) {
        note(sheet, cells, labels, table, written);
      }
    }
    return sheets;
  }

  private static int writeRows(SXSSFSheet sheet, Cells cells, ReportTable table,
      Iterator<List<Object>> rows, int maxDataRows) {
    List<ReportColumn> columns = table.columns();
    ColumnWidths widths = new ColumnWidths(columns.size());
    Row header = sheet.createRow(HEADER_ROW);
    for (int c = 0; c < columns.size(); c++) {
      cells.text(header, c, columns.get(c).header(), Style.HEADER);
      widths.observe(c, columns.get(c).header(), CellKind.TEXT);
    }
    int written = 0;
    while (written < maxDataRows && rows.hasNext()) {
      List<Object> values = rows.next();
      if (values.size() > columns.size()) {
        throw new IllegalArgumentException("table '" + table.sheetName() + "' row "
            + (written + 1) + " has " + values.size() + " values for " + columns.size()
            + " columns");
      }
      Row row = sheet.createRow(FIRST_DATA_ROW + written);
      for (int c = 0; c < values.size(); c++) {
        CellKind kind = columns.get(c).kind();
        cells.value(row, c, values.get(c), kind);
        if (written < WIDTH_SAMPLE_ROWS) {
          widths.observe(c, values.get(c), kind);
        }
      }
      written++;
    }
    widths.applyTo(sheet);
    return written;
  }

  /**
   * The table's note one row below its last row; an empty table without a note says so, so that
   * no sheet is left headers-only without a word.
   */
  private static void note(SXSSFSheet sheet, Cells cells, Labels labels, ReportTable table,
      int written) {
    String note = table.note() != null ? table.note()
        : table.rows().isEmpty() ? labels.get("report.table.empty") : null;
    if (note != null) {
      int r = FIRST_DATA_ROW + written + (written == 0 ? 0 : 1);
      cells.text(sheet.createRow(r), 0, note, Style.NOTE);
    }
  }

  private static void finish(SXSSFSheet sheet, int columnCount, int dataRows) {
    sheet.createFreezePane(0, FIRST_DATA_ROW);
    if (columnCount > 0) {
      sheet.setAutoFilter(new CellRangeAddress(
          HEADER_ROW, HEADER_ROW + dataRows, 0, columnCount - 1));
    }
  }
}
