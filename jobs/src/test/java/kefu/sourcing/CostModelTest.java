package kefu.sourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One hand-computed month in the spirit of seed 004: a small shop whose in-house team is the
 * minimum of two agents (~10k a month) against a dedicated outsourced agent (5,000) and the
 * volume-priced models. March 2024 (31 days): 30 normal days, one 38节 day.
 */
class CostModelTest {
  static final String EVENT = "38节:day";

  /** Tier-2 agent at 3,500 + 32% + 600 overhead + 1,500/7.5 turnover = 5,420 a head. */
  static SourcingConfig seedConfig() {
    SourcingConfig d = SourcingConfig.defaults();
    StaffingParameters s = d.staffing();
    StaffingParameters staffing = new StaffingParameters(s.serviceLevelTarget(),
        s.serviceLevelSeconds(), 0.10, s.maxOccupancy(), 2, 1, 8, 16, 22, 8, 8, 174,
        StaffingParameters.OBSERVED, 2, StaffingParameters.CURRENT, "receptions", 5000);
    List<InHouseCost> inHouse = List.of(new InHouseCost(2, 3500, 0.32, 200, 300, 100, 0, 1500,
        7.5));
    return new SourcingConfig(staffing, d.concurrency(), inHouse, d.quotes(), d.priceBands());
  }

  /**
   * Normal days: 2 receptions an hour 08–24, 1 an hour 00–08; the 38节 day: 40 an hour 08–24.
   * AHT 60 s; half the receptions are inquiries. Sales 200,000, 1,000 paid orders.
   */
  static ShopMonth seedMonth() {
    return seedMonth(30, 0);
  }

  /** The seed month with {@code normalDays} normal days and the history covering coveredDays. */
  static ShopMonth seedMonth(int normalDays, int coveredDays) {
    List<HourDemand> hours = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      double normal = (h >= 8 ? 2 : 1) * (double) normalDays;
      hours.add(new HourDemand(HourDemand.NORMAL, h, normalDays, normal, normal * 3, normal / 2,
          60, null));
      double event = h >= 8 ? 40 : 0;
      hours.add(new HourDemand(EVENT, h, 1, event, event * 3, event / 2, 60, null));
    }
    return new ShopMonth("s1", "2024-03", hours, 200_000, 1000, null, 0, List.of(),
        coveredDays);
  }

  /** What the seed core (one agent on duty 08–16) takes of the event day's 40 arrivals/h. */
  static double eventCoreShare() {
    return ErlangC.maxArrivals(1, 3600, 60, 1.0, 0.90, 30, 0.85) / 40;
  }

  /**
   * Hybrid's outsourced part in the seed month. Normal days: 16–22 (uncovered, 180 inquiries)
   * and the nights 22–08 (180, +30%), 12 a day at 1.8. The event day: everything but what the
   * core takes 08–16, at 1.35 (over 200 a day), +75%; its 22–24 (40 inquiries) +30%.
   */
  static double hybridOutsourced() {
    double eventOut = 320 - 8 * 20 * eventCoreShare();
    return 360 * 1.8 + 180 * 1.8 * 0.30 + eventOut * 1.35 * 1.75 + 40 * 1.35 * 0.30;
  }

  @Test
  void staffingOfTheSeedMonth() {
    MonthPlan plan = StaffingPlanner.plan(seedMonth(), seedConfig());
    // normal covered hours need 1 agent (SL 97.9%), the event day's 2 (1 agent: SL 43.6%)
    assertEquals(30 * 8 + 8 * 2, plan.agentHours(), 1e-9);
    assertEquals(256 / (174 * 0.9), plan.fteRequired(), 1e-9);
    assertEquals(2, plan.headcount());
    assertEquals(2, plan.peakAgents());
    assertEquals(240 / (174 * 0.9), plan.coreFte(), 1e-9);
    assertEquals(2, plan.coreHeadcount());
    assertEquals(32.0, plan.shifts(), 1e-9);
  }

  @Test
  void eachPriceModelOnAHandComputedMonth() {
    Map<String, OptionCost> c = byOption(CostModel.costs(seedMonth(), seedConfig()));
    // in-house: 2 × (3,500 × 1.32 + 600 + 200) = 10,840
    assertEquals(10_840.0, c.get("in_house").cost(), 1e-6);
    assertEquals(7_000.0, c.get("in_house").wage(), 1e-6);
    assertEquals("modelled", c.get("in_house").wageSource());
    // one seat 5,000; the event day needs 2: one extra seat-day 5,000/31 + 75%
    assertEquals(5000 + 5000 / 31.0 * 1.75, c.get("dedicated_flat").cost(), 1e-6);
    assertEquals(5000 / 31.0 * 0.75, c.get("dedicated_flat").peakSurcharge(), 1e-6);
    assertEquals(0.0, c.get("dedicated_flat").nightSurcharge(), 1e-9);
    assertEquals(1.0, c.get("dedicated_flat").staff());
    // base 2,000 per seat (same extra seat-day) + 2% of 200,000
    assertEquals(2000 + 2000 / 31.0 * 1.75 + 4000, c.get("dedicated_commission").cost(), 1e-6);
    // 1,500 + 0.8 × 1,840 receptions + 75% on 640 event receptions + 30% on 440 night ones
    assertEquals(1500 + 1472 + 384 + 105.6, c.get("shared_seat").cost(), 1e-6);
    // normal 20 inquiries/day at 1.8, the event day 320/day at 1.35; surcharges as above
    assertEquals(1080 + 432 + 324 + 97.2 + 16.2, c.get("tiered_inquiry").cost(), 1e-6);
    // core team of 2 (like in_house) + everything the core does not serve, per inquiry
    assertEquals(10_840 + hybridOutsourced(), c.get("hybrid").cost(), 1e-6);
    assertEquals(240 + 160 * eventCoreShare(), c.get("hybrid").inHouseInquiries(), 1e-6);
    assertEquals(1000, c.get("tiered_inquiry").paidOrders());
    assertEquals(920.0, c.get("tiered_inquiry").inquiries(), 1e-9);
    assertEquals(1949.4 / 200_000, c.get("tiered_inquiry").costShareOfSales(), 1e-12);
  }

  @Test
  void surchargesFallOnEventDaysAndNightHoursOnly() {
    SourcingConfig config = seedConfig();
    ShopMonth noEvent = new ShopMonth("s1", "2024-03", seedMonth().hours().stream()
        .filter(h -> !h.isEventDay()).toList(), 0, 0, null, 0);
    OptionCost tiered = byOption(CostModel.costs(noEvent, config)).get("tiered_inquiry");
    assertEquals(0.0, tiered.peakSurcharge(), 1e-9);
    assertEquals(180 * 1.8 * 0.30, tiered.nightSurcharge(), 1e-9);
    // a seat over covered hours 08–24 works 2 of its 16 hours at night: 30% on 2/16 of the fee
    StaffingParameters s = config.staffing();
    SourcingConfig latest = new SourcingConfig(new StaffingParameters(s.serviceLevelTarget(),
        s.serviceLevelSeconds(), s.shrinkage(), s.maxOccupancy(), 2, 1, 8, 24, 22, 8, 8, 174,
        "1", 2, "current", "receptions", 5000), config.concurrency(), config.inHouse(),
        config.quotes(), config.priceBands());
    OptionCost flat = byOption(CostModel.costs(noEvent, latest)).get("dedicated_flat");
    assertEquals(1.0, flat.staff());
    assertEquals(5000 * 0.30 * 2 / 16, flat.nightSurcharge(), 1e-9);
  }

  @Test
  void theTeamIsNeverSmallerThanTheMinimumAndMinimumFeesTopUp() {
    ShopMonth tiny = new ShopMonth("s1", "2024-03", List.of(new HourDemand(HourDemand.NORMAL,
        10, 30, 3, 3, 3, 60, null)), 0, 0, null, 0);
    MonthPlan plan = StaffingPlanner.plan(tiny, seedConfig());
    assertEquals(30.0, plan.agentHours(), 1e-9);
    assertEquals(2, plan.headcount());
    assertEquals(2.0, plan.fte(), 1e-9);
    SourcingConfig d = seedConfig();
    List<OutsourcingQuote> quotes = new ArrayList<>();
    for (OutsourcingQuote q : d.quotes()) {
      quotes.add(q.option().equals("tiered_inquiry") ? new OutsourcingQuote(q.option(), q.name(),
          0, 0, 0, 0, q.tierTable(), 1000, 0, 0.75, 0.3, null) : q);
    }
    SourcingConfig withMinimum = new SourcingConfig(d.staffing(), d.concurrency(), d.inHouse(),
        quotes, d.priceBands());
    OptionCost tiered = byOption(CostModel.costs(tiny, withMinimum)).get("tiered_inquiry");
    assertEquals(1000.0, tiered.cost(), 1e-9);
    assertEquals(1000 - 3 * 1.8, tiered.minimumTopUp(), 1e-9);
  }

  @Test
  void inHousePayComesFromThePayrollWhenGiven() {
    ShopMonth m = seedMonth();
    ShopMonth paid = new ShopMonth(m.shopId(), m.month(), m.hours(), m.sales(), m.paidOrders(),
        9_000.0, 3);
    Map<String, OptionCost> c = byOption(CostModel.costs(paid, seedConfig()));
    assertEquals(9000 * 1.32 + 3 * 800, c.get("in_house").cost(), 1e-6);
    assertEquals("payroll", c.get("in_house").wageSource());
    // hybrid core of 2 paid the payroll's mean pay per agent (3,000)
    assertEquals(6000 * 1.32 + 2 * 800 + hybridOutsourced(), c.get("hybrid").cost(), 1e-6);
  }

  @Test
  void hybridServesEveryInquiryExactlyOnce() {
    ShopMonth m = seedMonth();
    Map<String, OptionCost> c = byOption(CostModel.costs(m, seedConfig()));
    for (OptionCost o : c.values()) {
      assertEquals(m.inquiries(), o.inHouseInquiries() + o.outsourcedInquiries(), 1e-9,
          o.option());
    }
    assertEquals(920.0, c.get("in_house").inHouseInquiries(), 1e-9);
    assertEquals(920.0, c.get("tiered_inquiry").outsourcedInquiries(), 1e-9);
    OptionCost hybrid = c.get("hybrid");
    assertTrue(hybrid.inHouseInquiries() > 240 && hybrid.outsourcedInquiries() > 360);
    // hour by hour: normal 08–16 in-house, 16–22 (uncovered) and the nights outsourced, the
    // event day's covered daytime split at the core's capacity
    for (HybridSplit.Hour h : HybridSplit.split(StaffingPlanner.plan(m, seedConfig()),
        seedConfig())) {
      int hour = h.plan().demand().hour();
      boolean coreHours = hour >= 8 && hour < 16;
      if (!coreHours) {
        assertEquals(0.0, h.inHouseShare(), 1e-12);
      } else if (h.plan().demand().isEventDay()) {
        assertEquals(eventCoreShare(), h.inHouseShare(), 1e-12);
      } else {
        assertEquals(1.0, h.inHouseShare(), 1e-12);
      }
    }
    assertTrue(eventCoreShare() > 0.1 && eventCoreShare() < 0.5, "" + eventCoreShare());
  }

  @Test
  void perHeadCostsFollowThePayrollAgentsCityTiers() {
    SourcingConfig s = seedConfig();
    List<InHouseCost> tiers = List.of(new InHouseCost(1, 6000, 0.35, 300, 800, 150, 500, 3000,
        7.5), s.inHouse().get(0));
    SourcingConfig config = new SourcingConfig(s.staffing(), s.concurrency(), tiers, s.quotes(),
        s.priceBands());
    ShopMonth m = seedMonth();
    ShopMonth paid = new ShopMonth(m.shopId(), m.month(), m.hours(), m.sales(), m.paidOrders(),
        13_000.0, 3, List.of(new PayrollTier(1, 1, 6000), new PayrollTier(2, 2, 7000)), 0);
    Map<String, OptionCost> c = byOption(CostModel.costs(paid, config));
    OptionCost in = c.get("in_house");
    assertEquals(13_000.0, in.wage(), 1e-6);
    assertEquals(6000 * 0.35 + 7000 * 0.32, in.socialInsurance(), 1e-6);
    assertEquals(1750 + 2 * 600, in.overhead(), 1e-6);
    assertEquals(400 + 2 * 200, in.turnover(), 1e-6);
    assertTrue(in.note().contains("tier 1 ×1, tier 2 ×2"), in.note());
    // without tiers (payroll total only) the configured tier 2 prices every head
    ShopMonth untiered = new ShopMonth(m.shopId(), m.month(), m.hours(), m.sales(),
        m.paidOrders(), 13_000.0, 3);
    assertEquals(3 * 600, byOption(CostModel.costs(untiered, config)).get("in_house").overhead(),
        1e-6);
  }

  @Test
  void aPartialMonthProRatesMonthlyFeesAndWagesButNotVolumeFees() {
    // history from 2024-03-17: 15 of 31 days, 14 of them normal + the event day
    ShopMonth m = seedMonth(14, 15);
    double share = 15 / 31.0;
    MonthPlan plan = StaffingPlanner.plan(m, seedConfig());
    assertEquals(14 * 8 + 16, plan.agentHours(), 1e-9);
    assertEquals(128 / (174 * 0.9 * share), plan.fteRequired(), 1e-9);
    assertEquals(2, plan.headcount());
    Map<String, OptionCost> c = byOption(CostModel.costs(m, seedConfig()));
    assertEquals(10_840 * share, c.get("in_house").cost(), 1e-6);
    assertEquals(5000 * share + 5000 / 31.0 * 1.75, c.get("dedicated_flat").cost(), 1e-6);
    assertEquals(1500 * share, c.get("shared_seat").baseFee(), 1e-6);
    // per-inquiry fees are what the covered days' inquiries cost: not pro-rated
    assertEquals(14 * 20 * 1.8 + 320 * 1.35, c.get("tiered_inquiry").volumeFees(), 1e-6);
    for (OptionCost o : c.values()) {
      assertEquals(15, o.coveredDays());
      assertEquals(31, o.daysInMonth());
      assertTrue(o.note().startsWith("partial month: 15 of 31 days covered"), o.note());
    }
    assertNull(byOption(CostModel.costs(seedMonth(), seedConfig())).get("dedicated_flat").note());
  }

  static Map<String, OptionCost> byOption(List<OptionCost> costs) {
    return costs.stream().collect(Collectors.toMap(OptionCost::option, c -> c));
  }
}
