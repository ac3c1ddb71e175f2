package kefu.sourcing;

/**
 * The monthly cost of one option for one shop: the total and its parts (all RMB per month).
 * {@code staff} is the in-house headcount (in_house, hybrid core) or the outsourced seats;
 * {@code wageSource} payroll | modelled for options with in-house staff, else null.
 * {@code inHouseInquiries + outsourcedInquiries = inquiries}: who serves them (hybrid splits).
 * {@code coveredDays < daysInMonth}: a partial month, monthly fees and wages pro-rated;
 * {@code note} says so and names the city tiers that priced the in-house heads.
 * {@code conversionFactor}: the option's agents' conversion relative to in-house agents (1 for
 * in_house; the configured outsourced factor for quoted options; the hybrid's mix of both by
 * who serves the inquiries), applied to the agent-credited sales {@code creditedSales} (null
 * when not known).
 */
public record OptionCost(String shopId, String month, String option, double cost, double wage,
    double socialInsurance, double overhead, double turnover, double seatFees, double baseFee,
    double commission, double volumeFees, double peakSurcharge, double nightSurcharge,
    double minimumTopUp, double staff, double inquiries, double receptions, long paidOrders,
    double sales, String wageSource, double inHouseInquiries, double outsourcedInquiries,
    int coveredDays, int daysInMonth, String note, Double creditedSales,
    double conversionFactor) {

  /** The agent-credited sales this option's agents are expected to keep. */
  public Double expectedCreditedSales() {
    return creditedSales == null ? null : creditedSales * conversionFactor;
  }

  /** Agent-credited sales lost to a lower conversion (negative: gained). */
  public Double creditedSalesLost() {
    return creditedSales == null ? null : creditedSales - expectedCreditedSales();
  }

  /** Cost per ¥100 of the agent-credited sales kept: what ranks the options. */
  public Double costPer100CreditedSales() {
    Double kept = expectedCreditedSales();
    return kept == null || kept <= 0 ? null : cost / kept * 100;
  }

  public Double costPerInquiry() {
    return inquiries > 0 ? cost / inquiries : null;
  }

  public Double costPerPaidOrder() {
    return paidOrders > 0 ? cost / paidOrders : null;
  }

  public Double costShareOfSales() {
    return sales > 0 ? cost / sales : null;
  }
}
