package kefu.notebook;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import kefu.report.CellKind;

/** A report value as text for reading, formatted like the workbook shows it. */
final class ValueText {
  private ValueText() {}

  static String of(Object value, CellKind kind) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number n && kind != null) {
      double d = n.doubleValue();
      if (!Double.isFinite(d)) {
        return "";
      }
      return switch (kind) {
        case MONEY -> String.format(Locale.ROOT, "¥%,.2f", money(n));
        case PERCENT -> String.format(Locale.ROOT, "%.1f%%", d * 100);
        case INTEGER -> String.format(Locale.ROOT, "%,d", Math.round(d));
        case DECIMAL -> String.format(Locale.ROOT, "%,.2f", d);
        default -> n.toString();
      };
    }
    if (value instanceof TemporalAccessor) {
      return value.toString();
    }
    return value.toString();
  }

  private static BigDecimal money(Number n) {
    return n instanceof BigDecimal bd ? bd : BigDecimal.valueOf(n.doubleValue());
  }
}
