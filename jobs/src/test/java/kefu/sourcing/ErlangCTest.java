package kefu.sourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class ErlangCTest {
  /**
   * The worked example of callcentrehelper.com ("Erlang C formula – made simple"): 100 calls in
   * 30 min, AHT 180 s = 10 Erlangs, target 80% in 20 s: 13 agents give P(wait) 28.53%, SL
   * 79.56% (not enough); 14 agents give P(wait) 17.41%, SL 88.84%: 14 agents are needed.
   */
  @Test
  void matchesThePublishedWorkedExample() {
    double a = ErlangC.traffic(100, 1800, 180);
    assertEquals(10.0, a, 1e-12);
    assertEquals(0.1741, ErlangC.erlangC(14, a), 1e-4);
    assertEquals(0.8884, ErlangC.serviceLevel(14, a, 180, 20), 1e-4);
    assertEquals(0.2853, ErlangC.erlangC(13, a), 1e-4);
    assertEquals(0.7956, ErlangC.serviceLevel(13, a, 180, 20), 1e-4);
    assertEquals(10.0 / 14, ErlangC.occupancy(14, a), 1e-12);
    assertEquals(14, ErlangC.requiredAgents(100, 1800, 180, 1.0, 0.80, 20, 1.0, 0));
    assertEquals(13, ErlangC.requiredAgents(100, 1800, 180, 1.0, 0.79, 20, 1.0, 0));
    // ASA = C · AHT / (c − a) = 0.1741 × 180 / 4 ≈ 7.8 s
    assertEquals(7.83, ErlangC.averageSpeedOfAnswer(14, a, 180), 0.01);
  }

  @Test
  void agreesWithThePoissonSeriesSummedExactly() {
    for (int c = 1; c <= 30; c++) {
      for (double a : new double[] {0.3, 1.0, 2.5, 7.9, 12.0, 25.5}) {
        if (a >= c) {
          continue;
        }
        assertEquals(exactErlangC(c, a), ErlangC.erlangC(c, a), 1e-12, "c=" + c + " a=" + a);
      }
    }
  }

  @Test
  void staysFiniteForVeryLargeTraffic() {
    double a = 1500.0;
    for (int c : new int[] {1501, 1520, 1550, 1600}) {
      double p = ErlangC.erlangC(c, a);
      assertFalse(Double.isNaN(p));
      assertTrue(p > 0 && p < 1, "c=" + c + " P=" + p);
    }
    assertTrue(ErlangC.erlangC(1520, a) > ErlangC.erlangC(1550, a));
    int agents = ErlangC.requiredAgents(30000, 3600, 180, 1.0, 0.9, 30, 1.0, 0);
    assertTrue(agents > 1500 && agents < 1600, "agents " + agents);
    assertTrue(ErlangC.serviceLevel(agents, a, 180, 30) >= 0.9);
    assertTrue(ErlangC.serviceLevel(agents - 1, a, 180, 30) < 0.9);
    // a 99% occupancy cap binds first at this scale: 1500 / 0.99 = 1515.2 -> 1516
    assertEquals(1516, ErlangC.requiredAgents(30000, 3600, 180, 1.0, 0.9, 30, 0.99, 0));
  }

  @Test
  void concurrencyShortensTheHandlingTimeAndOccupancyCapsTheLoad() {
    int single = ErlangC.requiredAgents(60, 3600, 600, 1.0, 0.9, 30, 0.85, 0);
    int three = ErlangC.requiredAgents(60, 3600, 600, 2.5, 0.9, 30, 0.85, 0);
    assertTrue(three < single, three + " vs " + single);
    // 10 Erlangs at most 85% busy -> at least 12 agents, even if SL were met with fewer
    int capped = ErlangC.requiredAgents(100, 1800, 180, 1.0, 0.0, 20, 0.85, 0);
    assertEquals(12, capped);
  }

  @Test
  void noDemandNeedsOnlyTheMinimum() {
    assertEquals(2, ErlangC.requiredAgents(0, 3600, 300, 1.0, 0.9, 30, 0.85, 2));
    assertEquals(2, ErlangC.requiredAgents(0.1, 3600, 300, 1.0, 0.9, 30, 0.85, 2));
    assertEquals(1.0, ErlangC.erlangC(5, 5.0));
    assertEquals(0.0, ErlangC.serviceLevel(5, 6.0, 180, 20));
  }

  @Test
  void maxArrivalsIsTheInverseOfRequiredAgents() {
    for (int agents = 1; agents <= 30; agents += 7) {
      for (double factor : new double[] {1.0, 1.7, 2.5}) {
        double max = ErlangC.maxArrivals(agents, 3600, 300, factor, 0.9, 30, 0.85);
        assertTrue(max > 0);
        assertTrue(ErlangC.requiredAgents(max, 3600, 300, factor, 0.9, 30, 0.85, 0) <= agents);
        assertTrue(ErlangC.requiredAgents(max * 1.001, 3600, 300, factor, 0.9, 30, 0.85, 0)
            > agents, agents + " agents, factor " + factor);
      }
    }
    assertEquals(0.0, ErlangC.maxArrivals(0, 3600, 300, 1.0, 0.9, 30, 0.85));
  }

  /** C(c, a) = (a^c/c! · c/(c−a)) / (Σ_{k<c} a^k/k! + a^c/c! · c/(c−a)) in 50-digit decimals. */
  private static double exactErlangC(int c, double trafficErlangs) {
    MathContext mc = new MathContext(50);
    BigDecimal a = new BigDecimal(trafficErlangs);
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = 0; k < c; k++) {
      sum = sum.add(term, mc);
      term = term.multiply(a, mc).divide(BigDecimal.valueOf(k + 1), mc);
    }
    BigDecimal top = term.multiply(BigDecimal.valueOf(c), mc)
        .divide(BigDecimal.valueOf(c).subtract(a, mc), mc);
    return top.divide(sum.add(top, mc), mc).doubleValue();
  }
}
