package kefu.sourcing;

/** Per-inquiry price while the day's volume is in [lower, upper) (upper null = no limit). */
public record PriceBand(String tierTable, double lower, Double upper, double unitPrice) {
  public boolean contains(double perDay) {
    return perDay >= lower && (upper == null || perDay < upper);
  }
}
