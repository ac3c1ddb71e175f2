package kefu.ingest;

/**
 * A fatal input problem, in one line naming the file, line, column and what was expected versus
 * found. Never carries personal data: callers redact personal columns before building it.
 */
public final class InputError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputError(String message) {
    super(oneLine(message));
  }

  public InputError(String message, Throwable cause) {
    super(oneLine(message), cause);
  }

  static InputError at(String file, long line, String column, String expected, String found) {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(" line ").append(line);
    }
    if (column != null) {
      sb.append(" column ").append(column);
    }
    sb.append(": expected ").append(expected);
    if (found != null) {
      sb.append(", found '").append(found).append('\'');
    }
    return new InputError(sb.toString());
  }

  private static String oneLine(String s) {
    return s == null ? "input error" : s.replaceAll("[\\r\\n]+", " ");
  }
}
