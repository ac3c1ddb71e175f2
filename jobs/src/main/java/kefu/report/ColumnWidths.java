package kefu.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Column widths from content length: CJK (wide) characters count double, numbers by their
 * formatted length; each width is capped so that long text wraps or overflows instead.
 */
final class ColumnWidths {
  static final int MIN_CHARS = 6;
  static final int MAX_CHARS = 50;

  private final int[] chars;

  ColumnWidths(int columns) {
    chars = new int[columns];
    Arrays.fill(chars, MIN_CHARS);
  }

  void observe(int col, Object value, CellKind kind) {
    if (col >= chars.length || value == null) {
      return;
    }
    chars[col] = Math.max(chars[col], Math.min(MAX_CHARS, width(value, kind)));
  }

  void applyTo(Sheet sheet) {
    for (int c = 0; c < chars.length; c++) {
      sheet.setColumnWidth(c, (Math.min(MAX_CHARS, chars[c]) + 2) * 256);
    }
  }

  static int width(Object value, CellKind kind) {
    if (value instanceof Number n) {
      double d = n instanceof BigDecimal bd ? bd.doubleValue() : n.doubleValue();
      String s = switch (kind) {
        case MONEY -> String.format("¥%,.2f", d);
        case PERCENT -> String.format("%.1f%%", d * 100);
        case INTEGER -> String.format("%,.0f", d);
        default -> String.format("%,.2f", d);
      };
      return s.length();
    }
    if (value instanceof LocalDate) {
      return 10;
    }
    if (value instanceof java.time.temporal.Temporal || value instanceof java.util.Date) {
      return 16;
    }
    return textWidth(value.toString());
  }

  /** Display width of the longest line; wide (CJK, full-width) characters count two. */
  static int textWidth(String s) {
    int longest = 0;
    int current = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        longest = Math.max(longest, current);
        current = 0;
      } else {
        current += isWide(cp) ? 2 : 1;
      }
    }
    return Math.max(longest, current);
  }

  static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1FAFF)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
