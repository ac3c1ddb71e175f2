package kefu.pay;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Distribution statistics of a small vector of monthly pay, computed on the driver. */
public final class PayStats {
  private PayStats() {}

  /**
   * Percentile by linear interpolation between order statistics (numpy's default, Excel's
   * PERCENTILE.INC): h = (n - 1) p.
   */
  public static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * Gini coefficient of sorted values: sum_i (2i - n - 1) x_i / (n sum x), i = 1..n (0 = equal
   * pay, towards 1 = concentrated). NaN when the total is not positive.
   */
  public static double gini(double[] sorted) {
    int n = sorted.length;
    double total = 0;
    double weighted = 0;
    for (int i = 0; i < n; i++) {
      total += sorted[i];
      weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
    }
    return n == 0 || total <= 0 ? Double.NaN : weighted / (n * total);
  }

  /** Percentile-bootstrap 95% intervals {medianLow, medianHigh, giniLow, giniHigh}. */
  public static double[] bootstrap(double[] values, int resamples, long seed) {
    int n = values.length;
    if (n == 0 || resamples <= 0) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] medians = new double[resamples];
    double[] ginis = new double[resamples];
    double[] sample = new double[n];
    for (int b = 0; b < resamples; b++) {
      for (int i = 0; i < n; i++) {
        sample[i] = values[random.nextInt(n)];
      }
      Arrays.sort(sample);
      medians[b] = percentile(sample, 0.5);
      ginis[b] = gini(sample);
    }
    Arrays.sort(medians);
    Arrays.sort(ginis);
    return new double[] {percentile(medians, 0.025), percentile(medians, 0.975),
        percentile(ginis, 0.025), percentile(ginis, 0.975)};
  }
}
