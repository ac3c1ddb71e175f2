package kefu.pay;

import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * Tier tables as Column expressions, built on the driver from the (small) band list. A value x
 * is in band (lower, upper]. Progressive: sum over bands of rate x (min(x, upper) - lower)^+.
 * Whole: the rate of x's band times all of x. Values at or below the first band's lower earn 0.
 */
final class Tiers {
  private Tiers() {}

  static Column amount(Column x, List<TierBand> bands, String mode) {
    Column value = PayslipLines.exact(x);
    if (ComponentDef.WHOLE.equals(mode)) {
      Column rate = lit(BigDecimal.ZERO);
      for (int i = bands.size() - 1; i >= 0; i--) {
        TierBand b = bands.get(i);
        Column in = value.gt(lit(b.lower()));
        if (b.upper() != null) {
          in = in.and(value.leq(lit(b.upper())));
        }
        rate = when(in, lit(b.rate())).otherwise(rate);
      }
      return value.multiply(rate);
    }
    Column total = lit(BigDecimal.ZERO);
    for (TierBand b : bands) {
      Column top = b.upper() == null ? value : least(value, lit(b.upper()));
      total = total.plus(greatest(lit(BigDecimal.ZERO), top.minus(lit(b.lower())))
          .multiply(lit(b.rate())));
    }
    return total;
  }

  /**
   * A readable description, e.g.
   * "progressive T_DAILY_ORDERS: (0,50] 1.0; (50,100] 1.5; >100 2.0".
   */
  static String describe(String table, List<TierBand> bands, String mode) {
    StringBuilder sb = new StringBuilder(mode).append(' ').append(table).append(':');
    for (TierBand b : bands) {
      sb.append(' ');
      if (b.upper() == null) {
        sb.append('>').append(b.lower().toPlainString());
      } else {
        sb.append('(').append(b.lower().toPlainString()).append(',')
            .append(b.upper().toPlainString()).append(']');
      }
      sb.append(' ').append(b.rate().stripTrailingZeros().toPlainString()).append(';');
    }
    sb.setLength(sb.length() - 1);
    return sb.toString();
  }
}
