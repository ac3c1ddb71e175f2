package kefu.sourcing;

import java.math.BigDecimal;

/** Rounds the parts of a total to cents so that they add up exactly to the rounded total. */
final class Cents {
  private Cents() {}

  /**
   * Each part rounded half up to cents; the difference between the rounded total and the sum
   * of the rounded parts (a cent or two of rounding) is put on the largest part, where it
   * changes the least.
   */
  static BigDecimal[] apportion(double[] parts, double total) {
    BigDecimal[] out = new BigDecimal[parts.length];
    BigDecimal sum = BigDecimal.ZERO;
    int largest = 0;
    for (int i = 0; i < parts.length; i++) {
      out[i] = SourcingCost.money(parts[i]);
      sum = sum.add(out[i]);
      if (Math.abs(parts[i]) > Math.abs(parts[largest])) {
        largest = i;
      }
    }
    if (parts.length > 0) {
      out[largest] = out[largest].add(SourcingCost.money(total).subtract(sum));
    }
    return out;
  }
}
