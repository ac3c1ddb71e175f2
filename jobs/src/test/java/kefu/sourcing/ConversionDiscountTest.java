package kefu.sourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Options compared on cost per ¥100 of the agent-credited sales they keep: the seed month of
 * {@link CostModelTest} with 100,000 of its 200,000 sales credited to agents.
 */
class ConversionDiscountTest {

  static ShopMonth creditedSeedMonth() {
    ShopMonth m = CostModelTest.seedMonth();
    return new ShopMonth(m.shopId(), m.month(), m.hours(), m.sales(), m.paidOrders(), null, 0,
        List.of(), 0, 100_000.0);
  }

  static SourcingConfig withConversion(SourcingConfig c, double factor) {
    StaffingParameters s = c.staffing();
    return new SourcingConfig(new StaffingParameters(s.serviceLevelTarget(),
        s.serviceLevelSeconds(), s.shrinkage(), s.maxOccupancy(), s.minimumAgents(),
        s.minimumAgentsPerCoveredHour(), s.coveredFrom(), s.coveredTo(), s.nightFrom(),
        s.nightTo(), s.shiftHours(), s.contractedHoursPerMonth(), s.concurrentChats(),
        s.cityTier(), s.payrollScheme(), s.messageBasis(), s.breakEvenMaxPerDay(), factor),
        c.concurrency(), c.inHouse(), c.quotes(), c.priceBands());
  }

  @Test
  void outsourcedAgentsKeep90PercentOfTheCreditedSalesByDefault() {
    Map<String, OptionCost> c = CostModelTest.byOption(CostModel.costs(creditedSeedMonth(),
        CostModelTest.seedConfig()));
    OptionCost tiered = c.get("tiered_inquiry");
    assertEquals(0.9, tiered.conversionFactor(), 1e-12);
    assertEquals(90_000.0, tiered.expectedCreditedSales(), 1e-6);
    assertEquals(10_000.0, tiered.creditedSalesLost(), 1e-6);
    // 1,949.40 per 90,000 kept
    assertEquals(1949.4 / 900, tiered.costPer100CreditedSales(), 1e-9);
    OptionCost inHouse = c.get("in_house");
    assertEquals(1.0, inHouse.conversionFactor(), 1e-12);
    assertEquals(0.0, inHouse.creditedSalesLost(), 1e-9);
    assertEquals(10.84, inHouse.costPer100CreditedSales(), 1e-9);
    // the hybrid converts at 1 what its core serves and at 0.9 what it outsources
    OptionCost hybrid = c.get("hybrid");
    assertEquals((hybrid.inHouseInquiries() + 0.9 * hybrid.outsourcedInquiries()) / 920,
        hybrid.conversionFactor(), 1e-12);
  }

  @Test
  void theBestValueCanBeDearerThanTheCheapestWhenOutsourcedAgentsConvertMuchLess() {
    // at 15%: tiered 1,949.40 ÷ 15,000 = ¥13.00 per ¥100 kept, in-house 10,840 ÷ 100,000 = ¥10.84
    SourcingConfig config = withConversion(CostModelTest.seedConfig(), 0.15);
    List<OptionCost> costs = CostModel.costs(creditedSeedMonth(), config);
    OptionCost cheapest = SourcingCost.cheapest(costs).values().iterator().next();
    OptionCost best = SourcingCost.bestValue(costs).values().iterator().next();
    assertEquals("tiered_inquiry", cheapest.option());
    assertEquals("in_house", best.option());
    assertEquals(1949.4 / 150, CostModelTest.byOption(costs).get("tiered_inquiry")
        .costPer100CreditedSales(), 1e-9);
    // at the default 0.9 the cheapest is also the best value
    List<OptionCost> usual = CostModel.costs(creditedSeedMonth(), CostModelTest.seedConfig());
    assertEquals("tiered_inquiry", SourcingCost.bestValue(usual).values().iterator().next()
        .option());
  }

  @Test
  void withoutCreditedSalesTheComparisonIsOnCostAlone() {
    // the seed month does not know its credited sales: nothing to discount, cost decides
    List<OptionCost> costs = CostModel.costs(CostModelTest.seedMonth(),
        withConversion(CostModelTest.seedConfig(), 0.15));
    OptionCost tiered = CostModelTest.byOption(costs).get("tiered_inquiry");
    assertNull(tiered.creditedSalesLost());
    assertNull(tiered.costPer100CreditedSales());
    assertEquals("tiered_inquiry", SourcingCost.bestValue(costs).values().iterator().next()
        .option());
  }
}
