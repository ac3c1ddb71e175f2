package kefu.report;

import java.math.BigDecimal;
import java.util.List;
import kefu.report.WorkbookStyles.Style;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The 概要 (Summary) sheet: title, periods and time zone, the key-figures table with its changes
 * against the previous period (环比) and the same period last year (同比), the findings, and a
 * link to every other sheet. Its own words come from the report's {@link Labels}.
 */
final class SummarySheet {
  /** Label keys of the key-figures table's header: 指标 本期 上期 环比 去年同期 同比. */
  static final List<String> KEY_FIGURE_HEADERS = List.of("report.summary.header.figure",
      "report.summary.header.current", "report.summary.header.previous",
      "report.summary.header.vsPrevious", "report.summary.header.lastYear",
      "report.summary.header.vsLastYear");

  /** A sheet the table of contents links to, with a short description. */
  record Link(String sheetName, String description) {}

  private SummarySheet() {}

  static void write(Sheet sheet, Cells cells, Labels labels, ReviewReport report,
      List<Link> links) {
    ColumnWidths widths = new ColumnWidths(KEY_FIGURE_HEADERS.size());
    int r = 0;
    cells.text(sheet.createRow(r++), 0, report.title(), Style.TITLE);
    r = labelled(sheet, cells, widths, r, labels.get("report.summary.period"), report.period());
    r = labelled(sheet, cells, widths, r, labels.get("report.summary.previousPeriod"),
        report.previousPeriod());
    r = labelled(sheet, cells, widths, r, labels.get("report.summary.lastYearPeriod"),
        report.lastYearPeriod());
    r = labelled(sheet, cells, widths, r, labels.get("report.summary.timeZone"),
        report.timeZone());
    r++;

    cells.text(sheet.createRow(r++), 0, labels.get("report.summary.keyFigures"), Style.LABEL);
    Row header = sheet.createRow(r++);
    for (int c = 0; c < KEY_FIGURE_HEADERS.size(); c++) {
      String text = labels.get(KEY_FIGURE_HEADERS.get(c));
      cells.text(header, c, text, Style.HEADER);
      widths.observe(c, text, CellKind.TEXT);
    }
    for (KeyFigure k : report.keyFigures()) {
      Row row = sheet.createRow(r++);
      cells.text(row, 0, k.label(), Style.TEXT);
      cells.value(row, 1, k.value(), k.kind());
      cells.value(row, 2, k.previous(), k.kind());
      change(row, 3, cells, k.value(), k.previous(), k.kind());
      cells.value(row, 4, k.lastYear(), k.kind());
      change(row, 5, cells, k.value(), k.lastYear(), k.kind());
      widths.observe(0, k.label(), CellKind.TEXT);
      widths.observe(1, k.value(), k.kind());
      widths.observe(2, k.previous(), k.kind());
      widths.observe(4, k.lastYear(), k.kind());
    }
    r++;

    if (!report.notes().isEmpty()) {
      cells.text(sheet.createRow(r++), 0, labels.get("report.summary.notes"), Style.LABEL);
      for (String note : report.notes()) {
        cells.text(sheet.createRow(r++), 0, note, Style.NOTE); // long text overflows right
      }
      r++;
    }

    if (!report.findings().isEmpty()) {
      cells.text(sheet.createRow(r++), 0, labels.get("report.summary.findings"), Style.LABEL);
      for (String finding : report.findings()) {
        cells.text(sheet.createRow(r++), 0, finding, Style.TEXT); // long text overflows right
      }
      r++;
    }

    cells.text(sheet.createRow(r++), 0, labels.get("report.summary.contents"), Style.LABEL);
    for (Link link : links) {
      Row row = sheet.createRow(r++);
      Cell cell = cells.text(row, 0, link.sheetName(), Style.LINK);
      Hyperlink h = sheet.getWorkbook().getCreationHelper()
          .createHyperlink(HyperlinkType.DOCUMENT);
      h.setAddress(reference(link.sheetName()));
      cell.setHyperlink(h);
      cells.text(row, 1, link.description(), Style.TEXT);
      widths.observe(0, link.sheetName(), CellKind.TEXT);
    }
    widths.applyTo(sheet);
  }

  /** "'客服 (2)'!A1": sheet names are quoted, inner apostrophes doubled. */
  static String reference(String sheetName) {
    return "'" + sheetName.replace("'", "''") + "'!A1";
  }

  private static int labelled(Sheet sheet, Cells cells, ColumnWidths widths, int r, String label,
      String value) {
    if (value == null || value.isBlank()) {
      return r;
    }
    Row row = sheet.createRow(r);
    cells.text(row, 0, label, Style.LABEL);
    cells.text(row, 1, value, Style.TEXT);
    widths.observe(0, label, CellKind.TEXT);
    return r + 1;
  }

  /**
   * Relative change (current − base) ÷ |base|; for rates (PERCENT) the difference in percentage
   * points instead, since a relative change of a rate misleads. Blank if either is missing or
   * the base is zero.
   */
  private static void change(Row row, int col, Cells cells, Object current, Object base,
      CellKind kind) {
    if (!(current instanceof Number c) || !(base instanceof Number b)) {
      row.createCell(col);
      return;
    }
    BigDecimal cur = decimal(c);
    BigDecimal bas = decimal(b);
    if (cur == null || bas == null) {
      row.createCell(col);
      return;
    }
    if (kind == CellKind.PERCENT) {
      cells.value(row, col, cur.subtract(bas).movePointRight(2).doubleValue(),
          Style.CHANGE_POINTS);
    } else if (bas.signum() != 0) {
      cells.value(row, col, cur.subtract(bas).doubleValue() / bas.abs().doubleValue(),
          Style.CHANGE_PERCENT);
    } else {
      row.createCell(col);
    }
  }

  private static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal bd) {
      return bd;
    }
    double d = n.doubleValue();
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
  }
}
