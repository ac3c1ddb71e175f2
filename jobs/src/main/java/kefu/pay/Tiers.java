package kefu.pay;

import java.math.BigDecimal;
import java.util.List;

/**
 * Tier tables. A value x is in band (lower, upper]. Progressive: sum over bands of
 * rate x (min(x, upper) - lower)^+. Whole: the rate of x's band times all of x. Values at or
 * below the first band's lower earn 0.
 */
final class Tiers {
  private Tiers() {}

  static BigDecimal amount(BigDecimal x, List<TierBand> bands, String mode) {
    if (ComponentDef.WHOLE.equals(mode)) {
      for (TierBand b : bands) {
        if (x.compareTo(b.lower()) > 0 && (b.upper() == null || x.compareTo(b.upper()) <= 0)) {
          return x.multiply(b.rate());
        }
      }
      return BigDecimal.ZERO;
    }
    BigDecimal total = BigDecimal.ZERO;
    for (TierBand b : bands) {
      BigDecimal top = b.upper() == null || x.compareTo(b.upper()) < 0 ? x : b.upper();
      BigDecimal inBand = top.subtract(b.lower());
      if (inBand.signum() > 0) {
        total = total.add(inBand.multiply(b.rate()));
      }
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
