package kefu.sourcing;

/**
 * How demand becomes agents (sheet Staffing of sourcing.xlsx). Hours are 0–24 local hours; a
 * range whose start is after its end wraps midnight (night 22–8 = 22:00–08:00).
 *
 * @param concurrentChats "observed" (the factor at the shop's observed concurrency) or a number
 *     of simultaneous chats looked up in the concurrency table
 * @param payrollScheme "current" or a scheme_id of the payroll mart used for in-house pay
 * @param messageBasis what shared_seat's per-message price counts: receptions or buyer_messages
 */
public record StaffingParameters(
    double serviceLevelTarget,
    double serviceLevelSeconds,
    double shrinkage,
    double maxOccupancy,
    int minimumAgents,
    int minimumAgentsPerCoveredHour,
    int coveredFrom,
    int coveredTo,
    int nightFrom,
    int nightTo,
    double shiftHours,
    double contractedHoursPerMonth,
    String concurrentChats,
    int cityTier,
    String payrollScheme,
    String messageBasis,
    double breakEvenMaxPerDay) {

  public static final String OBSERVED = "observed";
  public static final String CURRENT = "current";

  public boolean isCovered(int hour) {
    return inRange(hour, coveredFrom, coveredTo);
  }

  public boolean isNight(int hour) {
    return inRange(hour, nightFrom, nightTo);
  }

  public int coveredHoursPerDay() {
    int n = 0;
    for (int h = 0; h < 24; h++) {
      n += isCovered(h) ? 1 : 0;
    }
    return n;
  }

  public int coveredNightHoursPerDay() {
    int n = 0;
    for (int h = 0; h < 24; h++) {
      n += isCovered(h) && isNight(h) ? 1 : 0;
    }
    return n;
  }

  /** Productive hours one full-time agent gives per month after shrinkage. */
  public double productiveHoursPerFte() {
    return contractedHoursPerMonth * (1 - shrinkage);
  }

  static boolean inRange(int hour, int from, int to) {
    if (from == to) {
      return false;
    }
    return from < to ? hour >= from && hour < to : hour >= from || hour < to;
  }
}
