package kefu.sourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BreakEvenTest {
  @Test
  void tieredInquiryAndDedicatedFlatCrossWhereTheirCostsMeet() {
    SourcingConfig config = CostModelTest.seedConfig();
    List<BreakEven.Point> points = BreakEven.points(List.of(CostModelTest.seedMonth()), config);
    assertEquals(15, points.size());
    BreakEven.Point p = points.stream().filter(x -> x.optionA().equals("dedicated_flat")
        && x.optionB().equals("tiered_inquiry")).findFirst().orElseThrow();
    assertNotNull(p.inquiriesPerDay());
    assertEquals("tiered_inquiry", p.cheaperBelow());
    ShopMonth ref = BreakEven.referenceMonth(List.of(CostModelTest.seedMonth()));
    var below = BreakEven.costsAt(ref, config, p.inquiriesPerDay() - 0.02);
    var above = BreakEven.costsAt(ref, config, p.inquiriesPerDay() + 0.02);
    assertTrue(below.get("tiered_inquiry") < below.get("dedicated_flat"));
    assertTrue(above.get("tiered_inquiry") >= above.get("dedicated_flat") - 0.01);
  }

  @Test
  void optionsThatNeverCrossInTheRangeHaveNoBreakEven() {
    SourcingConfig config = CostModelTest.seedConfig();
    List<BreakEven.Point> points = BreakEven.points(List.of(CostModelTest.seedMonth()), config);
    for (BreakEven.Point p : points) {
      if (p.crossings() == 0) {
        assertNull(p.inquiriesPerDay());
        assertEquals(p.cheaperBelow(), p.cheaperAbove());
      }
    }
    assertTrue(points.stream().anyMatch(p -> p.crossings() == 0));
  }

  @Test
  void everyPairWithoutAVolumeSaysWhyAndCarriesItsCostsAtTheReferenceVolume() {
    SourcingConfig config = CostModelTest.seedConfig();
    ShopMonth month = CostModelTest.seedMonth();
    List<BreakEven.Point> points = BreakEven.points(List.of(month), config);
    for (BreakEven.Point p : points) {
      if (p.inquiriesPerDay() == null) {
        assertNotNull(p.reason(), p.toString());
      } else if (p.crossings() == 1) {
        assertNull(p.reason(), p.toString());
      } else {
        assertEquals(BreakEven.Reason.FIRST_OF_SEVERAL, p.reason());
      }
    }
    // in_house vs dedicated_flat: 920 inquiries over 31 days; 10,840 against one seat 5,000 +
    // the event day's extra seat-day 5,000 ÷ 31 × 1.75
    BreakEven.Point p = points.stream().filter(x -> x.optionA().equals("in_house")
        && x.optionB().equals("dedicated_flat")).findFirst().orElseThrow();
    assertEquals(BreakEven.Reason.ONE_ALWAYS_CHEAPER, p.reason());
    assertEquals("dedicated_flat", p.cheaperBelow());
    assertEquals(920 / 31.0, p.referencePerDay(), 1e-9);
    assertEquals(10_840.0, p.referenceCostA(), 1e-6);
    assertEquals(5000 + 5000 / 31.0 * 1.75, p.referenceCostB(), 1e-6);
    // in_house vs tiered_inquiry: whole agents against price bands cross 5 times
    BreakEven.Point steps = points.stream().filter(x -> x.optionA().equals("in_house")
        && x.optionB().equals("tiered_inquiry")).findFirst().orElseThrow();
    assertEquals(BreakEven.Reason.FIRST_OF_SEVERAL, steps.reason());
  }

  @Test
  void sensitivityMovesEachOptionWithItsOwnDrivers() {
    List<SourcingSensitivity.Swing> swings = SourcingSensitivity.swings(
        List.of(CostModelTest.seedMonth()), CostModelTest.seedConfig());
    assertEquals(6 * 4, swings.size());
    for (SourcingSensitivity.Swing s : swings) {
      boolean staff = s.option().equals("in_house") || s.option().equals("hybrid");
      if (s.driver().equals("wage") && s.option().equals("in_house")) {
        // wage 7,000 + 32% social insurance moves by ±20%
        assertEquals(-0.2 * 7000 * 1.32, s.lowCost() - s.baseCost(), 1e-6);
      }
      if (s.driver().equals("outsourcing_price") && s.option().equals("in_house")) {
        assertEquals(s.baseCost(), s.highCost(), 1e-9);
      }
      if (s.driver().equals("wage") && !staff) {
        assertEquals(s.baseCost(), s.highCost(), 1e-9);
      }
      if (s.driver().equals("outsourcing_price") && s.option().equals("tiered_inquiry")) {
        assertEquals(1.2 * s.baseCost(), s.highCost(), 1e-6);
      }
    }
  }
}
