package kefu.report;

/**
 * Makes text from inputs safe to put in a spreadsheet cell.
 *
 * <p>{@link #cell} removes what a cell cannot hold; {@link #needsQuotePrefix} tells whether a
 * spreadsheet would read the text as a formula (CSV/formula injection), in which case the writer
 * gives the cell a quote-prefixed style: the visible value stays the same, but Excel and
 * LibreOffice show it as text and never evaluate it.
 */
public final class SafeText {
  private SafeText() {}

  /** Excel's limit on the characters of one cell. */
  public static final int MAX_CELL_CHARS = 32_767;

  /**
   * Strips control characters other than tab and newline (and code points XML cannot carry),
   * then truncates to {@link #MAX_CELL_CHARS} without splitting a surrogate pair. Null stays null.
   */
  public static String cell(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_CELL_CHARS));
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        if (out.length() + 2 > MAX_CELL_CHARS) {
          break;
        }
        out.append(c).append(s.charAt(++i));
        continue;
      }
      if (!keeps(c)) {
        continue;
      }
      if (out.length() + 1 > MAX_CELL_CHARS) {
        break;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** True if a spreadsheet would treat the text as a formula or a DDE command. */
  public static boolean needsQuotePrefix(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    char first = s.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@'
        || first == '\t' || first == '\r'
        // full-width forms that some spreadsheet locales also accept as formula starters
        || first == '＝' || first == '＋' || first == '－' || first == '＠';
  }

  private static boolean keeps(char c) {
    if (c == '\t' || c == '\n') {
      return true;
    }
    if (Character.isISOControl(c)) {
      return false;
    }
    // lone surrogates and the XML non-characters cannot be written to the sheet XML
    return !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
  }
}
