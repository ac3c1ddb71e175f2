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

/**
 * The cost functions of the six options for one shop-month (pure Java, driver side).
 *
 * <ul>
 *   <li>in_house: wage (payroll pay of in-house agents, else headcount × tier wage) + social
 *       insurance % + per-head equipment, office, software, management + turnover (hire cost ÷
 *       tenure); per-head rows by the payroll agents' city tiers, else the configured tier.
 *   <li>dedicated_flat / dedicated_commission: seats × seat fee; a seat is one agent online over
 *       the covered hours, seats = ceil(normal-and-holiday agent-hours per day ÷ covered hours),
 *       at least min_seats. Event days needing more seats pay the extra seat-days pro rata plus
 *       the peak surcharge; the covered night hours' share of the fees pays the night surcharge;
 *       commission = rate × sales.
 *   <li>shared_seat: base fee + unit price × messages (receptions or buyer messages), surcharges
 *       on event-day and night-hour messages.
 *   <li>tiered_inquiry: each day type's inquiries at the band price of its inquiries per day,
 *       surcharges on event-day and night-hour inquiries.
 *   <li>hybrid: an in-house core team sized for normal days' covered daytime hours, paid like
 *       in_house; everything it does not serve ({@link HybridSplit}: night hours, uncovered
 *       hours, event and holiday days' excess over the core's capacity) outsourced per inquiry
 *       like tiered_inquiry (its own tier table and surcharges).
 * </ul>
 * Every quoted option is topped up to its minimum monthly fee (hybrid: its outsourced part). A
 * partial month (history covers only part of it) pro-rates monthly fees, minimum fees, wages
 * and per-head costs by covered days ÷ days in month; per-unit fees are not pro-rated.
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
    HeadCost head = HeadCost.of(m, config);
    boolean payroll = m.payrollPay() != null;
    double heads = payroll ? m.payrollAgents() : plan.headcount();
    double wage = (payroll ? m.payrollPay() : heads * head.wage()) * m.monthShare();
    return staffCost(m, IN_HOUSE, head, heads, wage, payroll ? PAYROLL : MODELLED, new Parts(),
        m.inquiries(), 1);
  }

  private static OptionCost staffCost(ShopMonth m, String option, HeadCost head, double heads,
      double wage, String source, Parts outsourced, double inHouseInquiries,
      double outsourcedConversion) {
    double social = wage * head.socialInsuranceRate();
    double overhead = heads * head.overhead() * m.monthShare();
    double turnover = heads * head.turnover() * m.monthShare();
    double total = wage + social + overhead + turnover + outsourced.total();
    double outsourcedInquiries = m.inquiries() - inHouseInquiries;
    // in-house agents convert at 1, the outsourced part at its factor, weighted by inquiries
    double conversion = m.inquiries() > 0
        ? (inHouseInquiries + outsourcedInquiries * outsourcedConversion) / m.inquiries() : 1;
    return new OptionCost(m.shopId(), m.month(), option, total, wage, social, overhead, turnover,
        0, 0, 0, outsourced.volume, outsourced.peak, outsourced.night, outsourced.topUp, heads,
        m.inquiries(), m.receptions(), m.paidOrders(), m.sales(), source, inHouseInquiries,
        outsourcedInquiries, m.coveredDays(), m.daysInMonth(), note(m, head.tiers()),
        m.creditedSales(), conversion);
  }

  private static OptionCost seats(MonthPlan plan, SourcingConfig config, String option) {
    ShopMonth m = plan.month();
    OutsourcingQuote q = config.quote(option);
    StaffingParameters p = config.staffing();
    int coveredHours = Math.max(1, p.coveredHoursPerDay());
    double nonEventPerDay = plan.agentHoursPerDay(t -> !HourDemand.isEvent(t));
    int seats = Math.max(q.minSeats(), (int) Math.ceil(nonEventPerDay / coveredHours - 1e-9));
    double seatFees = seats * q.seatFee() * m.monthShare();
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
    double topUp = Math.max(0, q.minimumMonthlyFee() * m.monthShare() - subtotal);
    return outsourced(m, config, option, subtotal + topUp, seatFees + extraFees, 0, commission,
        0, peak, night, topUp, seats);
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
    double baseFee = q.baseFee() * m.monthShare();
    parts.topUp = Math.max(0, q.minimumMonthlyFee() * m.monthShare() - baseFee - parts.total());
    return outsourced(m, config, SHARED_SEAT, baseFee + parts.total(), 0, baseFee, 0,
        parts.volume, parts.peak, parts.night, parts.topUp, 0);
  }

  private static OptionCost tieredInquiry(MonthPlan plan, SourcingConfig config) {
    ShopMonth m = plan.month();
    OutsourcingQuote q = config.quote(TIERED_INQUIRY);
    Parts parts = perInquiry(plan.hours().stream().map(h -> new HybridSplit.Hour(h, 0))
        .toList(), config, q);
    parts.topUp = Math.max(0, q.minimumMonthlyFee() * m.monthShare() - parts.total());
    return outsourced(m, config, TIERED_INQUIRY, parts.total(), 0, 0, 0, parts.volume,
        parts.peak, parts.night, parts.topUp, 0);
  }

  private static OptionCost outsourced(ShopMonth m, SourcingConfig config, String option,
      double cost, double seatFees, double baseFee, double commission, double volume,
      double peak, double night, double topUp, double seats) {
    return new OptionCost(m.shopId(), m.month(), option, cost, 0, 0, 0, 0, seatFees, baseFee,
        commission, volume, peak, night, topUp, seats, m.inquiries(), m.receptions(),
        m.paidOrders(), m.sales(), null, 0, m.inquiries(), m.coveredDays(), m.daysInMonth(),
        note(m, null), m.creditedSales(), config.staffing().outsourcedConversionFactor());
  }

  /**
   * The in-house core (sized for normal days' covered daytime, paid like in_house) plus the
   * outsourcer for everything the core does not serve ({@link HybridSplit}), per inquiry.
   */
  private static OptionCost hybrid(MonthPlan plan, SourcingConfig config) {
    ShopMonth m = plan.month();
    OutsourcingQuote q = config.quote(HYBRID);
    HeadCost head = HeadCost.of(m, config);
    boolean payroll = m.payrollPay() != null && m.payrollAgents() > 0;
    double wagePerHead = payroll ? m.payrollPay() / m.payrollAgents() : head.wage();
    List<HybridSplit.Hour> split = HybridSplit.split(plan, config);
    Parts parts = perInquiry(split, config, q);
    parts.topUp = Math.max(0, q.minimumMonthlyFee() * m.monthShare() - parts.total());
    double inHouseInquiries = split.stream().mapToDouble(HybridSplit.Hour::inHouseInquiries)
        .sum();
    int heads = plan.coreHeadcount();
    return staffCost(m, HYBRID, head, heads, heads * wagePerHead * m.monthShare(),
        payroll ? PAYROLL : MODELLED, parts, inHouseInquiries,
        config.staffing().outsourcedConversionFactor());
  }

  /**
   * The outsourced inquiries of each hour, each day type at the band price of its outsourced
   * inquiries per day; event days pay the peak surcharge, night hours the night surcharge.
   */
  private static Parts perInquiry(List<HybridSplit.Hour> hours, SourcingConfig config,
      OutsourcingQuote q) {
    Map<String, Double> perDay = new LinkedHashMap<>();
    for (HybridSplit.Hour h : hours) {
      HourDemand d = h.plan().demand();
      if (d.days() > 0) {
        perDay.merge(d.dayType(), h.outsourcedInquiries() / d.days(), Double::sum);
      }
    }
    Parts parts = new Parts();
    for (HybridSplit.Hour h : hours) {
      HourDemand d = h.plan().demand();
      if (d.days() > 0 && h.outsourcedInquiries() > 0) {
        double price = config.unitPrice(q.tierTable(), perDay.get(d.dayType()));
        parts.add(h.outsourcedInquiries() * price, d.isEventDay(), h.plan().night(), q);
      }
    }
    return parts;
  }

  private static String note(ShopMonth m, String tiers) {
    List<String> notes = new ArrayList<>();
    if (m.isPartial()) {
      notes.add("partial month: " + m.coveredDays() + " of " + m.daysInMonth()
          + " days covered, monthly fees and wages pro-rated");
    }
    if (tiers != null) {
      notes.add("in-house heads priced at " + tiers);
    }
    return notes.isEmpty() ? null : String.join("; ", notes);
  }

  /**
   * Per-head in-house costs: agent-weighted over the payroll agents' city tiers when the payroll
   * gives them (social insurance weighted by pay), else the configured tier. {@code seat} is
   * equipment + office + software, {@code management} the management share, so overhead = seat
   * + management. {@code hireCost} and {@code tenureMonths} explain turnover (hire cost ÷
   * tenure; agent-weighted hire cost and the tenure that gives the mixed turnover). {@code tiers}
   * names the payroll tiers (null for the configured tier).
   */
  record HeadCost(double wage, double socialInsuranceRate, double seat, double management,
      double turnover, double hireCost, String tiers) {

    double overhead() {
      return seat + management;
    }

    /** The tenure that gives this turnover from this hire cost (months). */
    double tenureMonths() {
      return turnover > 0 ? hireCost / turnover : 0;
    }

    static HeadCost of(InHouseCost c) {
      return new HeadCost(c.monthlyWage(), c.socialInsuranceRate(), c.seatPerHead(),
          c.management(), c.turnoverPerHead(), c.hireCost(), null);
    }

    static HeadCost of(ShopMonth m, SourcingConfig config) {
      InHouseCost configured = config.inHouse(config.staffing().cityTier());
      if (m.payrollPay() == null || m.payrollTiers().isEmpty()) {
        return of(configured);
      }
      double agents = 0;
      double pay = 0;
      double wage = 0;
      double social = 0;
      double socialByHead = 0;
      double seat = 0;
      double management = 0;
      double turnover = 0;
      double hire = 0;
      List<String> names = new ArrayList<>();
      for (PayrollTier t : m.payrollTiers()) {
        InHouseCost c = config.inHouse(t.cityTier());
        agents += t.agents();
        pay += t.pay();
        wage += t.agents() * c.monthlyWage();
        social += t.pay() * c.socialInsuranceRate();
        socialByHead += t.agents() * c.socialInsuranceRate();
        seat += t.agents() * c.seatPerHead();
        management += t.agents() * c.management();
        turnover += t.agents() * c.turnoverPerHead();
        hire += t.agents() * c.hireCost();
        names.add("tier " + t.cityTier() + " ×" + t.agents());
      }
      if (agents <= 0) {
        return of(configured);
      }
      return new HeadCost(wage / agents, pay > 0 ? social / pay : socialByHead / agents,
          seat / agents, management / agents, turnover / agents, hire / agents,
          "payroll city " + String.join(", ", names));
    }
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
