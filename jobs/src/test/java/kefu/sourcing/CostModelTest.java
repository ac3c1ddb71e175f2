package kefu.sourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    List<HourDemand> hours = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      double normal = (h >= 8 ? 2 : 1) * 30.0;
      hours.add(new HourDemand(HourDemand.NORMAL, h, 30, normal, normal * 3, normal / 2, 60,
          null));
      double event = h >= 8 ? 40 : 0;
      hours.add(new HourDemand(EVENT, h, 1, event, event * 3, event / 2, 60, null));
    }
    return new ShopMonth("s1", "2024-03", hours, 200_000, 1000, null, 0);
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
    // core team of 2 + event day and normal nights (180 inquiries, 6/day at 1.8) outsourced
    assertEquals(10_840 + 324 + 432 + 324 + 97.2 + 16.2, c.get("hybrid").cost(), 1e-6);
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
    assertEquals(6000 * 1.32 + 2 * 800 + 1193.4, c.get("hybrid").cost(), 1e-6);
  }

  static Map<String, OptionCost> byOption(List<OptionCost> costs) {
    return costs.stream().collect(Collectors.toMap(OptionCost::option, c -> c));
  }
}
