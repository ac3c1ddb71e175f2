package kefu.report;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.util.WorkbookUtil;

/** Hands out valid, unique sheet names (Excel: at most 31 characters, no []:*?/\, any case). */
final class SheetNames {
  static final int MAX_CHARS = 31;
  private final Set<String> taken = new HashSet<>();

  /** {@code wanted} made valid; " (2)", " (3)", ... appended if already taken. */
  String unique(String wanted) {
    String base = WorkbookUtil.createSafeSheetName(
        wanted == null || wanted.isBlank() ? "Sheet" : wanted.strip(), '_');
    String name = base;
    for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
      name = numbered(base, n);
    }
    return name;
  }

  /** The name of continuation sheet {@code n} (2, 3, ...) of {@code base}, e.g. "客服 (2)". */
  String continuation(String base, int n) {
    return unique(numbered(base, n));
  }

  private static String numbered(String base, int n) {
    String suffix = " (" + n + ")";
    int keep = Math.min(base.length(), MAX_CHARS - suffix.length());
    return base.substring(0, keep) + suffix;
  }
}
