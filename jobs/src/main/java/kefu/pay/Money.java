package kefu.pay;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding of pay amounts. Amounts are computed exactly in decimals and rounded half up once, to
 * the column they are shown in: fen for money, six places for rates.
 */
final class Money {
  private Money() {}

  static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  /** To the fen (2 places), half up; null stays null. */
  static BigDecimal fen(BigDecimal v) {
    return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
  }

  /** A rate to 6 places, half up; null stays null. */
  static BigDecimal rate(BigDecimal v) {
    return v == null ? null : v.setScale(6, RoundingMode.HALF_UP);
  }

  /** A double as the decimal it prints as (Spark casts doubles to decimals this way). */
  static BigDecimal decimal(double v) {
    return BigDecimal.valueOf(v);
  }

  /** Places a quotient keeps before it is rounded to the column it is shown in. */
  static final int QUOTIENT_SCALE = 16;

  /** a / b to {@value #QUOTIENT_SCALE} places, half up. */
  static BigDecimal divide(BigDecimal a, BigDecimal b) {
    return a.divide(b, QUOTIENT_SCALE, RoundingMode.HALF_UP);
  }

  static BigDecimal divide(BigDecimal a, long b) {
    return divide(a, BigDecimal.valueOf(b));
  }
}
