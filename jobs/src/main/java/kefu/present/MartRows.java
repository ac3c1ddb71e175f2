package kefu.present;

import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.spark.sql.Row;

/** Null-safe reads of mart rows collected to the driver (they are small aggregates). */
final class MartRows {
  private MartRows() {}

  static boolean has(Row r, String column) {
    return Arrays.asList(r.schema().fieldNames()).contains(column);
  }

  static Object value(Row r, String column) {
    return has(r, column) ? r.getAs(column) : null;
  }

  static String text(Row r, String column) {
    Object v = value(r, column);
    return v == null ? null : v.toString();
  }

  static double number(Row r, String column) {
    Object v = value(r, column);
    return v instanceof Number n ? n.doubleValue() : 0.0;
  }

  static BigDecimal money(Row r, String column) {
    Object v = value(r, column);
    if (v instanceof BigDecimal b) {
      return b;
    }
    return v instanceof Number n ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.ZERO;
  }

  /** numerator ÷ denominator, or null when nothing was counted. */
  static Double ratio(double numerator, double denominator) {
    return denominator == 0 ? null : numerator / denominator;
  }
}
