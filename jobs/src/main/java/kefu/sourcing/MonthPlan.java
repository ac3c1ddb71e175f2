package kefu.sourcing;

import java.util.List;

/**
 * Staffing of one shop-month. {@code fte} = agent-hours ÷ productive hours per FTE (contracted
 * hours after shrinkage), never below the configured minimum; {@code headcount} = ceil(fte).
 * The core team (hybrid) is sized the same way from normal days' covered, non-night hours.
 */
public record MonthPlan(ShopMonth month, List<HourPlan> hours, double agentHours, double shifts,
    double fteRequired, double fte, int headcount, int peakAgents, double coreAgentHours,
    double coreFte, int coreHeadcount) {

  /** Agent-hours per day of the given day types (covered hours). */
  public double agentHoursPerDay(java.util.function.Predicate<String> dayTypes) {
    double hoursSum = 0;
    java.util.Map<String, Integer> days = new java.util.HashMap<>();
    for (HourPlan h : hours) {
      if (dayTypes.test(h.demand().dayType())) {
        hoursSum += h.agentHours();
        days.put(h.demand().dayType(), h.demand().days());
      }
    }
    int d = days.values().stream().mapToInt(Integer::intValue).sum();
    return d == 0 ? 0 : hoursSum / d;
  }
}
