package kefu.sourcing;

/**
 * Erlang C (M/M/c queue: Poisson arrivals, exponential handling, no abandonment), computed with
 * the Erlang B recursion B(k) = a·B(k−1) / (k + a·B(k−1)) so it stays finite for thousands of
 * Erlangs (no factorials, no powers). Chat is handled by dividing the handling time by a
 * concurrency factor (domain brief Part 2 §6).
 */
public final class ErlangC {
  private ErlangC() {}

  /** Erlang B blocking probability for {@code agents} servers and {@code traffic} Erlangs. */
  public static double erlangB(int agents, double traffic) {
    double b = 1.0;
    for (int k = 1; k <= agents; k++) {
      b = traffic * b / (k + traffic * b);
    }
    return b;
  }

  /** P(wait > 0); 1 when the traffic is not below the number of agents (queue grows forever). */
  public static double erlangC(int agents, double traffic) {
    if (traffic <= 0) {
      return 0.0;
    }
    if (agents <= traffic) {
      return 1.0;
    }
    double b = erlangB(agents, traffic);
    return agents * b / (agents - traffic * (1 - b));
  }

  /** Share of contacts answered within {@code targetSeconds}: 1 − C·e^{−(c−a)·t/AHT}. */
  public static double serviceLevel(int agents, double traffic, double ahtSeconds,
      double targetSeconds) {
    if (traffic <= 0) {
      return 1.0;
    }
    if (agents <= traffic) {
      return 0.0;
    }
    double sl = 1 - erlangC(agents, traffic)
        * Math.exp(-(agents - traffic) * targetSeconds / ahtSeconds);
    return Math.max(0.0, Math.min(1.0, sl));
  }

  /** Mean wait before answer in seconds: C·AHT/(c−a); infinite when a ≥ c. */
  public static double averageSpeedOfAnswer(int agents, double traffic, double ahtSeconds) {
    if (traffic <= 0) {
      return 0.0;
    }
    if (agents <= traffic) {
      return Double.POSITIVE_INFINITY;
    }
    return erlangC(agents, traffic) * ahtSeconds / (agents - traffic);
  }

  /** Share of agent time spent handling: a / c (0 without agents). */
  public static double occupancy(int agents, double traffic) {
    return agents <= 0 ? 0.0 : Math.min(1.0, traffic / agents);
  }

  /** Traffic in Erlangs: arrivals × handling time ÷ interval. */
  public static double traffic(double arrivalsPerInterval, double intervalSeconds,
      double ahtSeconds) {
    return arrivalsPerInterval * ahtSeconds / intervalSeconds;
  }

  /**
   * The fewest agents meeting the service level and the occupancy cap, never fewer than
   * {@code minimumAgents}. The handling time is divided by {@code concurrencyFactor} (an agent
   * chatting with several buyers at once clears them faster than one by one).
   */
  public static int requiredAgents(double arrivalsPerInterval, double intervalSeconds,
      double ahtSeconds, double concurrencyFactor, double slTarget, double slSeconds,
      double maxOccupancy, int minimumAgents) {
    if (arrivalsPerInterval <= 0 || ahtSeconds <= 0) {
      return Math.max(0, minimumAgents);
    }
    double effectiveAht = ahtSeconds / Math.max(concurrencyFactor, 1e-9);
    double a = traffic(arrivalsPerInterval, intervalSeconds, effectiveAht);
    int c = Math.max(Math.max(1, minimumAgents), (int) Math.floor(a) + 1);
    while (serviceLevel(c, a, effectiveAht, slSeconds) < slTarget
        || occupancy(c, a) > maxOccupancy) {
      c++;
    }
    return c;
  }

  /**
   * The most arrivals per interval {@code agents} can take while meeting the service level and
   * the occupancy cap (the inverse of {@link #requiredAgents}): bisection on the arrivals, whose
   * service level only falls as they grow. 0 without agents; infinite without handling time.
   */
  public static double maxArrivals(int agents, double intervalSeconds, double ahtSeconds,
      double concurrencyFactor, double slTarget, double slSeconds, double maxOccupancy) {
    if (agents <= 0) {
      return 0.0;
    }
    if (ahtSeconds <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    double effectiveAht = ahtSeconds / Math.max(concurrencyFactor, 1e-9);
    double lo = 0;
    double hi = agents * Math.min(1.0, maxOccupancy) * intervalSeconds / effectiveAht;
    for (int n = 0; n < 60; n++) {
      double mid = (lo + hi) / 2;
      double a = traffic(mid, intervalSeconds, effectiveAht);
      if (serviceLevel(agents, a, effectiveAht, slSeconds) >= slTarget
          && occupancy(agents, a) <= maxOccupancy) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
