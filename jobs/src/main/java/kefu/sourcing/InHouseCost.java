package kefu.sourcing;

/**
 * Monthly cost of one in-house agent in a city tier (sheet InHouse). Turnover cost per head and
 * month = hireCost ÷ averageTenureMonths (each leaver is replaced, recruited and trained).
 */
public record InHouseCost(
    int cityTier,
    double monthlyWage,
    double socialInsuranceRate,
    double equipment,
    double office,
    double software,
    double management,
    double hireCost,
    double averageTenureMonths) {

  /** Equipment, office, software and management per head and month. */
  public double overheadPerHead() {
    return seatPerHead() + management;
  }

  /** What a seat costs per head and month: equipment, office and software. */
  public double seatPerHead() {
    return equipment + office + software;
  }

  public double turnoverPerHead() {
    return hireCost / averageTenureMonths;
  }
}
