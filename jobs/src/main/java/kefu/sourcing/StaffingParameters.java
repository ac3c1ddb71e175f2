package kefu.sourcing;

/**
 * How demand becomes agents (sheet Staffing of sourcing.xlsx). Hours are 0–24 local hours; a
 * range whose start is after its end wraps midnight (night 22–8 = 22:00–08:00).
 *
 * @param concurrentChats "observed" (the factor at the shop's observed concurrency) or a number
 *     of simultaneous chats looked up in the concurrency table
 * @param payrollScheme "current" or a scheme_id of the payroll mart used for in-house pay
 * @param messageBasis what shared_seat's per-message price counts: receptions or buyer_messages
 * @param outsourcedConversionFactor an outsourced agent's conversion (inquiry → paid sale)
 *     relative to an in-house agent's; an assumption, the brief states no figure (default 0.9)
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
    double breakEvenMaxPerDay,
    double outsourcedConversionFactor) {

  public static final String OBSERVED = "observed";
  public static final String CURRENT = "current";
  /**
   * Outsourced agents convert 90% as well as in-house ones unless configured: a conservative
   * assumption (they know the products and the shop's promotions less well); no source states
   * a figure.
   */
  public static final double DEFAULT_OUTSOURCED_CONVERSION = 0.9;

  /** Parameters with the default outsourced conversion factor. */
  public StaffingParameters(double serviceLevelTarget, double serviceLevelSeconds,
      double shrinkage, double maxOccupancy, int minimumAgents, int minimumAgentsPerCoveredHour,
      int coveredFrom, int coveredTo, int nightFrom, int nightTo, double shiftHours,
      double contractedHoursPerMonth, String concurrentChats, int cityTier, String payrollScheme,
      String messageBasis, double breakEvenMaxPerDay) {
    this(serviceLevelTarget, serviceLevelSeconds, shrinkage, maxOccupancy, minimumAgents,
        minimumAgentsPerCoveredHour, coveredFrom, coveredTo, nightFrom, nightTo, shiftHours,
        contractedHoursPerMonth, concurrentChats, cityTier, payrollScheme, messageBasis,
        breakEvenMaxPerDay, DEFAULT_OUTSOURCED_CONVERSION);
  }

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
