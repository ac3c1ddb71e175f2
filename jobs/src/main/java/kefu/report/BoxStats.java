package kefu.report;

/**
 * One box of a box plot, precomputed from a mart (only these aggregates reach the driver): the
 * box spans p25–p75 with a line at the median and a marker at the mean; the whiskers reach p10
 * and p90. {@code mean} may be null.
 */
public record BoxStats(Number p10, Number p25, Number median, Number p75, Number p90,
    Number mean) {
  public BoxStats {
    if (p10 == null || p25 == null || median == null || p75 == null || p90 == null) {
      throw new IllegalArgumentException("a box needs p10, p25, median, p75 and p90");
    }
  }
}
