package kefu.sourcing;

/**
 * The monthly cost of one option for one shop: the total and its parts (all RMB per month).
 * {@code staff} is the in-house headcount (in_house, hybrid core) or the outsourced seats;
 * {@code wageSource} payroll | modelled for options with in-house staff, else null.
 * {@code inHouseInquiries + outsourcedInquiries = inquiries}: who serves them (hybrid splits).
 * {@code coveredDays < daysInMonth}: a partial month, monthly fees and wages pro-rated;
 * {@code note} says so and names the city tiers that priced the in-house heads.
 */
public record OptionCost(String shopId, String month, String option, double cost, double wage,
    double socialInsurance, double overhead, double turnover, double seatFees, double baseFee,
    double commission, double volumeFees, double peakSurcharge, double nightSurcharge,
    double minimumTopUp, double staff, double inquiries, double receptions, long paidOrders,
    double sales, String wageSource, double inHouseInquiries, double outsourcedInquiries,
    int coveredDays, int daysInMonth, String note) {

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
