package kefu.sourcing;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one shop-month's costs are computed from (driver side, aggregates only): hourly
 * demand by day type, sales and paid orders, the in-house pay of the payroll mart if given
 * ({@code payrollPay} null = model the wage) split by the agents' city tiers, and the days of
 * the month the history covers ({@code coveredDays} &lt; days in month = a partial month:
 * monthly fees and wages are pro-rated by {@link #monthShare()}). {@code creditedSales} is the
 * part of {@code sales} credited to an agent (what an agent's conversion can move; null when
 * not known).
 */
public record ShopMonth(String shopId, String month, List<HourDemand> hours, double sales,
    long paidOrders, Double payrollPay, int payrollAgents, List<PayrollTier> payrollTiers,
    int coveredDays, Double creditedSales) {

  public ShopMonth {
    hours = List.copyOf(hours);
    payrollTiers = payrollTiers == null ? List.of() : List.copyOf(payrollTiers);
    int days = YearMonth.parse(month).lengthOfMonth();
    coveredDays = coveredDays <= 0 ? days : Math.min(days, coveredDays);
  }

  /** A month whose agent-credited sales are not known. */
  public ShopMonth(String shopId, String month, List<HourDemand> hours, double sales,
      long paidOrders, Double payrollPay, int payrollAgents, List<PayrollTier> payrollTiers,
      int coveredDays) {
    this(shopId, month, hours, sales, paidOrders, payrollPay, payrollAgents, payrollTiers,
        coveredDays, null);
  }

  /** A whole month without payroll tiers (the configured tier prices the heads). */
  public ShopMonth(String shopId, String month, List<HourDemand> hours, double sales,
      long paidOrders, Double payrollPay, int payrollAgents) {
    this(shopId, month, hours, sales, paidOrders, payrollPay, payrollAgents, List.of(), 0);
  }

  public int daysInMonth() {
    return YearMonth.parse(month).lengthOfMonth();
  }

  /** Share of the month the history covers (1 for a whole month). */
  public double monthShare() {
    return (double) coveredDays / daysInMonth();
  }

  public boolean isPartial() {
    return coveredDays < daysInMonth();
  }

  /** Observed days per day type. */
  public Map<String, Integer> daysByType() {
    Map<String, Integer> days = new LinkedHashMap<>();
    hours.forEach(h -> days.merge(h.dayType(), h.days(), Math::max));
    return days;
  }

  public int observedDays() {
    return daysByType().values().stream().mapToInt(Integer::intValue).sum();
  }

  public double inquiries() {
    return hours.stream().mapToDouble(HourDemand::inquiries).sum();
  }

  public double receptions() {
    return hours.stream().mapToDouble(HourDemand::receptions).sum();
  }

  public double inquiriesPerDay() {
    int days = observedDays();
    return days == 0 ? 0 : inquiries() / days;
  }

  /** Volume (receptions, messages, inquiries, sales, orders) × factor; pay untouched. */
  public ShopMonth scaled(double factor) {
    return new ShopMonth(shopId, month, hours.stream().map(h -> h.scaled(factor)).toList(),
        sales * factor, Math.round(paidOrders * factor), payrollPay, payrollAgents, payrollTiers,
        coveredDays, creditedSales == null ? null : creditedSales * factor);
  }

  /** The same month with the wage modelled instead of taken from the payroll. */
  public ShopMonth withoutPayroll() {
    return new ShopMonth(shopId, month, hours, sales, paidOrders, null, 0, List.of(),
        coveredDays, creditedSales);
  }

  public ShopMonth withPayrollFactor(double factor) {
    return payrollPay == null ? this : new ShopMonth(shopId, month, hours, sales, paidOrders,
        payrollPay * factor, payrollAgents, payrollTiers.stream()
            .map(t -> new PayrollTier(t.cityTier(), t.agents(), t.pay() * factor)).toList(),
        coveredDays, creditedSales);
  }
}
