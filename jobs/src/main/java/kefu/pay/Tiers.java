package kefu.pay;

import java.math.BigDecimal;
import java.util.ArrayList;
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
   * "progressive T_DAILY_ORDERS: (0,50] 1; (50,100] 1.5; >100 2".
   */
  static String describe(String table, List<TierBand> bands, String mode, PayslipWords words) {
    List<String> described = new ArrayList<>(bands.size());
    for (TierBand b : bands) {
      described.add(words.format(b.upper() == null ? "tiers.topBand" : "tiers.band",
          b.lower().toPlainString(), b.upper() == null ? null : b.upper().toPlainString(),
          b.rate().stripTrailingZeros().toPlainString()));
    }
    return words.format("tiers.table", words.word("tiers.mode." + mode), table,
        words.list(described));
  }
}
