package kefu.sourcing;

import static kefu.sourcing.SourcingConfig.DEDICATED_COMMISSION;
import static kefu.sourcing.SourcingConfig.DEDICATED_FLAT;
import static kefu.sourcing.SourcingConfig.HYBRID;
import static kefu.sourcing.SourcingConfig.IN_HOUSE;
import static kefu.sourcing.SourcingConfig.SHARED_SEAT;
import static kefu.sourcing.SourcingConfig.TIERED_INQUIRY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The cost functions of the six options for one shop-month (pure Java, driver side).
 *
 * <ul>
 *   <li>in_house: wage (payroll pay of in-house agents, else headcount × tier wage) + social
 *       insurance % + per-head equipment, office, software, management + turnover (hire cost ÷
 *       tenure).
 *   <li>dedicated_flat / dedicated_commission: seats × seat fee; a seat is one agent online over
 *       the covered hours, seats = ceil(normal-and-holiday agent-hours per day ÷ covered hours),
 *       at least min_seats. Event days needing more seats pay the extra seat-days pro rata plus
 *       the peak surcharge; the covered night hours' share of the fees pays the night surcharge;
 *       commission = rate × sales.
 *   <li>shared_seat: base fee + unit price × messages (receptions or buyer messages), surcharges
 *       on event-day and night-hour messages.
 *   <li>tiered_inquiry: each day type's inquiries at the band price of its inquiries per day,
 *       surcharges on event-day and night-hour inquiries.
 *   <li>hybrid: an in-house core team sized for normal days' covered daytime + event days,
 *       holidays and night hours priced like tiered_inquiry (its own tier table).
 * </ul>
 * Every quoted option is topped up to its minimum monthly fee (hybrid: its outsourced part).
 */
public final class CostModel {
  private CostModel() {}

  public static final String PAYROLL = "payroll";
  public static final String MODELLED = "modelled";

  public static List<OptionCost> costs(ShopMonth month, SourcingConfig config) {
    return costs(StaffingPlanner.plan(month, config), config);
  }

  public static List<OptionCost> costs(MonthPlan plan, SourcingConfig config) {
    List<OptionCost> out = new ArrayList<>();
    out.add(inHouse(plan, config));
    out.add(seats(plan, config, DEDICATED_FLAT));
    out.add(seats(plan, config, DEDICATED_COMMISSION));
    out.add(sharedSeat(plan, config));
    out.add(tieredInquiry(plan, config));
    out.add(hybrid(plan, config));
    return out;
  }

  /** Cost of one option (same as picking it from {@link #costs}). */
  public static double cost(ShopMonth month, SourcingConfig config, String option) {
    for (OptionCost c : costs(month, config)) {
      if (c.option().equals(option)) {
        return c.cost();
      }
    }
    throw new IllegalArgumentException("unknown option " + option);
  }

  private static OptionCost inHouse(MonthPlan plan, SourcingConfig config) {
    ShopMonth m = plan.month();
    InHouseCost ih = config.inHouse(config.staffing().cityTier());
    boolean payroll = m.payrollPay() != null;
    double heads = payroll ? m.payrollAgents() : plan.headcount();
    double wage = payroll ? m.payrollPay() : heads * ih.monthlyWage();
    return staffCost(m, IN_HOUSE, ih, heads, wage, payroll ? PAYROLL : MODELLED, new Parts());
  }

  private static OptionCost staffCost(ShopMonth m, String option, InHouseCost ih, double heads,
      double wage, String source, Parts outsourced) {
    double social = wage * ih.socialInsuranceRate();
    double overhead = heads * ih.overheadPerHead();
    double turnover = heads * ih.turnoverPerHead();
    double total = wage + social + overhead + turnover + outsourced.total();
    return new OptionCost(m.shopId(), m.month(), option, total, wage, social, overhead, turnover,
        0, 0, 0, outsourced.volume, outsourced.peak, outsourced.night, outsourced.topUp, heads,
        m.inquiries(), m.receptions(), m.paidOrders(), m.sales(), source);
  }

  private static OptionCost seats(MonthPlan plan, SourcingConfig config, String option) {
    ShopMonth m = plan.month();
    OutsourcingQuote q = config.quote(option);
    StaffingParameters p = config.staffing();
    int coveredHours = Math.max(1, p.coveredHoursPerDay());
    double nonEventPerDay = plan.agentHoursPerDay(t -> !HourDemand.isEvent(t));
    int seats = Math.max(q.minSeats(), (int) Math.ceil(nonEventPerDay / coveredHours - 1e-9));
    double seatFees = seats * q.seatFee();
    double night = seatFees * q.nightSurcharge() * p.coveredNightHoursPerDay() / coveredHours;
    double extraSeatDays = 0;
    for (Map.Entry<String, Integer> e : m.daysByType().entrySet()) {
      if (HourDemand.isEvent(e.getKey())) {
        double perDay = plan.agentHoursPerDay(t -> t.equals(e.getKey()));
        int needed = (int) Math.ceil(perDay / coveredHours - 1e-9);
        extraSeatDays += Math.max(0, needed - seats) * (double) e.getValue();
      }
    }
    double extraFees = extraSeatDays * q.seatFee() / m.daysInMonth();
    double peak = extraFees * q.peakSurcharge();
    double commission = option.equals(DEDICATED_COMMISSION) ? q.commissionRate() * m.sales() : 0;
    double subtotal = seatFees + extraFees + night + peak + commission;
    double topUp = Math.max(0, q.minimumMonthlyFee() - subtotal);
    return new OptionCost(m.shopId(), m.month(), option, subtotal + topUp, 0, 0, 0, 0,
        seatFees + extraFees, 0, commission, 0, peak, night, topUp, seats, m.inquiries(),
        m.receptions(), m.paidOrders(), m.sales(), null);
  }

  private static OptionCost sharedSeat(MonthPlan plan, SourcingConfig config) {
    ShopMonth m = plan.month();
    OutsourcingQuote q = config.quote(SHARED_SEAT);
    boolean byMessages = "buyer_messages".equals(config.staffing().messageBasis());
    Parts parts = new Parts();
    for (HourPlan h : plan.hours()) {
      HourDemand d = h.demand();
      double units = byMessages ? d.buyerMessages() : d.receptions();
      parts.add(units * q.unitPrice(), d.isEventDay(), h.night(), q);
    }
    parts.topUp = Math.max(0, q.minimumMonthlyFee() - q.baseFee() - parts.total());
    return new OptionCost(m.shopId(), m.month(), SHARED_SEAT, q.baseFee() + parts.total(), 0, 0,
        0, 0, 0, q.baseFee(), 0, parts.volume, parts.peak, parts.night, parts.topUp, 0,
        m.inquiries(), m.receptions(), m.paidOrders(), m.sales(), null);
  }

  private static OptionCost tieredInquiry(MonthPlan plan, SourcingConfig config) {
    ShopMonth m = plan.month();
    OutsourcingQuote q = config.quote(TIERED_INQUIRY);
    Parts parts = perInquiry(plan, config, q, h -> true);
    parts.topUp = Math.max(0, q.minimumMonthlyFee() - parts.total());
    return new OptionCost(m.shopId(), m.month(), TIERED_INQUIRY, parts.total(), 0, 0, 0, 0, 0, 0,
        0, parts.volume, parts.peak, parts.night, parts.topUp, 0, m.inquiries(), m.receptions(),
        m.paidOrders(), m.sales(), null);
  }

  private static OptionCost hybrid(MonthPlan plan, SourcingConfig config) {
    ShopMonth m = plan.month();
    OutsourcingQuote q = config.quote(HYBRID);
    InHouseCost ih = config.inHouse(config.staffing().cityTier());
    boolean payroll = m.payrollPay() != null && m.payrollAgents() > 0;
    double wagePerHead = payroll ? m.payrollPay() / m.payrollAgents() : ih.monthlyWage();
    Parts parts = perInquiry(plan, config, q,
        h -> !HourDemand.NORMAL.equals(h.demand().dayType()) || h.night());
    parts.topUp = Math.max(0, q.minimumMonthlyFee() - parts.total());
    int heads = plan.coreHeadcount();
    return staffCost(m, HYBRID, ih, heads, heads * wagePerHead, payroll ? PAYROLL : MODELLED,
        parts);
  }

  /** Inquiries of the selected hours, each day type at the band price of its daily volume. */
  private static Parts perInquiry(MonthPlan plan, SourcingConfig config, OutsourcingQuote q,
      Predicate<HourPlan> outsourced) {
    Map<String, Double> perDay = new LinkedHashMap<>();
    for (HourPlan h : plan.hours()) {
      if (outsourced.test(h) && h.demand().days() > 0) {
        perDay.merge(h.demand().dayType(), h.demand().inquiries() / h.demand().days(),
            Double::sum);
      }
    }
    Parts parts = new Parts();
    for (HourPlan h : plan.hours()) {
      if (outsourced.test(h) && h.demand().days() > 0) {
        double price = config.unitPrice(q.tierTable(), perDay.get(h.demand().dayType()));
        parts.add(h.demand().inquiries() * price, h.demand().isEventDay(), h.night(), q);
      }
    }
    return parts;
  }

  /** Volume fees with their surcharges (event days: peak; night hours: night; both add up). */
  private static final class Parts {
    double volume;
    double peak;
    double night;
    double topUp;

    void add(double fee, boolean eventDay, boolean nightHour, OutsourcingQuote q) {
      volume += fee;
      peak += eventDay ? fee * q.peakSurcharge() : 0;
      night += nightHour ? fee * q.nightSurcharge() : 0;
    }

    double total() {
      return volume + peak + night + topUp;
    }
  }
}
