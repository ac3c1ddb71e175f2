package kefu.pay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PayStatsTest {

  @Test
  void giniOfOneToFiveIsFourFifteenths() {
    // sum (2i-n-1) x_i = -4-4+0+8+20 = 20; n sum x = 75.
    assertEquals(20.0 / 75.0, PayStats.gini(new double[] {1, 2, 3, 4, 5}), 1e-12);
    assertEquals(0.0, PayStats.gini(new double[] {3000, 3000, 3000}), 1e-12);
    assertEquals(0.75, PayStats.gini(new double[] {0, 0, 0, 100}), 1e-12);
  }

  @Test
  void percentilesInterpolateBetweenOrderStatistics() {
    double[] v = {1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 11000};
    assertEquals(6000, PayStats.percentile(v, 0.5), 1e-9);
    assertEquals(2000, PayStats.percentile(v, 0.10), 1e-9);
    assertEquals(3500, PayStats.percentile(v, 0.25), 1e-9);
    assertEquals(8500, PayStats.percentile(v, 0.75), 1e-9);
    assertEquals(10000, PayStats.percentile(v, 0.90), 1e-9);
    assertEquals(2500, PayStats.percentile(new double[] {2000, 3000}, 0.5), 1e-9);
  }

  @Test
  void bootstrapIntervalsAreSeededAndContainTheEstimate() {
    double[] v = {3000, 3200, 3500, 4000, 4100, 4800, 5200, 6000, 7500, 9000};
    double[] a = PayStats.bootstrap(v, 500, 42);
    double[] b = PayStats.bootstrap(v, 500, 42);
    assertArrayEquals(a, b);
    assertTrue(a[0] <= 4450 && 4450 <= a[1]);
    double gini = PayStats.gini(v);
    assertTrue(a[2] <= gini + 0.05 && gini - 0.05 <= a[3]);
  }
}
