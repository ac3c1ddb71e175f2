package kefu.sourcing;

/** Erlang C staffing of one demand hour; {@code requiredAgents} is 0 outside covered hours. */
public record HourPlan(HourDemand demand, boolean covered, boolean night, double concurrencyFactor,
    double effectiveAhtSeconds, double trafficErlangs, int requiredAgents,
    double expectedServiceLevel, double occupancy) {

  /** Agent-hours over the month: agents × days of this day type. */
  public double agentHours() {
    return (double) requiredAgents * demand.days();
  }
}
