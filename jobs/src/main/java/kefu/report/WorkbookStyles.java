package kefu.report;

import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The style library of one workbook: every style is created once, up front, and looked up by
 * {@link Style}. Each style also exists quote-prefixed, for text a spreadsheet would otherwise
 * read as a formula.
 */
final class WorkbookStyles {

  enum Style {
    TITLE(null),
    LABEL(null),
    HEADER(null),
    TEXT(null),
    LINK(null),
    NOTE(null),
    INTEGER("#,##0"),
    DECIMAL("#,##0.00"),
    MONEY("¥#,##0.00"),
    PERCENT("0.0%"),
    DATE("yyyy-mm-dd"),
    DATETIME("yyyy-mm-dd hh:mm"),
    /** A relative change, signed. */
    CHANGE_PERCENT("+0.0%;-0.0%;0.0%"),
    /** A change of a rate, in percentage points (the value is already ×100). */
    CHANGE_POINTS("+0.0\"pp\";-0.0\"pp\";0.0\"pp\"");

    final String format;

    Style(String format) {
      this.format = format;
    }

    static Style of(CellKind kind) {
      return switch (kind) {
        case TEXT -> TEXT;
        case INTEGER -> INTEGER;
        case DECIMAL -> DECIMAL;
        case MONEY -> MONEY;
        case PERCENT -> PERCENT;
        case DATE -> DATE;
        case DATETIME -> DATETIME;
      };
    }
  }

  private final Map<Style, CellStyle> plain = new EnumMap<>(Style.class);
  private final Map<Style, CellStyle> quoted = new EnumMap<>(Style.class);

  WorkbookStyles(Workbook wb) {
    Font bold = wb.createFont();
    bold.setBold(true);
    Font title = wb.createFont();
    title.setBold(true);
    title.setFontHeightInPoints((short) 14);
    Font link = wb.createFont();
    link.setUnderline(Font.U_SINGLE);
    link.setColor(IndexedColors.BLUE.getIndex());
    Font note = wb.createFont();
    note.setItalic(true);
    note.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
    for (Style s : Style.values()) {
      for (boolean quote : new boolean[] {false, true}) {
        CellStyle cs = wb.createCellStyle();
        cs.setVerticalAlignment(VerticalAlignment.TOP);
        if (s.format != null) {
          cs.setDataFormat(wb.createDataFormat().getFormat(s.format));
        }
        switch (s) {
          case TITLE -> cs.setFont(title);
          case LABEL -> cs.setFont(bold);
          case LINK -> cs.setFont(link);
          case NOTE -> cs.setFont(note);
          case HEADER -> {
            cs.setFont(bold);
            cs.setWrapText(true);
            cs.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            cs.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            cs.setBorderBottom(BorderStyle.THIN);
            cs.setBorderTop(BorderStyle.THIN);
            cs.setBorderLeft(BorderStyle.THIN);
            cs.setBorderRight(BorderStyle.THIN);
          }
          default -> { }
        }
        cs.setQuotePrefixed(quote);
        (quote ? quoted : plain).put(s, cs);
      }
    }
  }

  CellStyle get(Style s) {
    return plain.get(s);
  }

  /** The style for a text cell holding {@code text}: quote-prefixed if it looks like a formula. */
  CellStyle forText(Style s, String text) {
    return (SafeText.needsQuotePrefix(text) ? quoted : plain).get(s);
  }
}
