package kefu.seasonal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import kefu.calendar.PromotionCalendar;
import kefu.calendar.PromotionEvent;
import org.junit.jupiter.api.Test;

/** Baseline choice, uplift, YoY and the bootstrap interval on hand-made daily series. */
class SeasonalEffectsTest {
  static final LocalDate FIRST = LocalDate.of(2023, 1, 1);
  static final LocalDate LAST = LocalDate.of(2024, 6, 30);

  /** E: Mon-Tue 11-12 March 2024 (and 13-14 March 2023); F: Monday 25 March 2024. */
  static final PromotionCalendar CALENDAR = new PromotionCalendar(List.of(
      new PromotionEvent("E", "main", LocalDate.of(2023, 3, 13), LocalDate.of(2023, 3, 14)),
      new PromotionEvent("E", "main", LocalDate.of(2024, 3, 11), LocalDate.of(2024, 3, 12)),
      new PromotionEvent("F", "day", LocalDate.of(2024, 3, 25), LocalDate.of(2024, 3, 25)),
      new PromotionEvent("G", "day", LocalDate.of(2025, 3, 25), LocalDate.of(2025, 3, 25))));

  static final SeasonalOptions OPTIONS = new SeasonalOptions(4, 400, 7L);

  /** orders: 10 a day, 30 on E days 2024, 15 on E days 2023; conversion 20% vs 40% on E. */
  static DailyValues series(boolean noisy) {
    DailyValues v = DailyValues.of(SeasonalMetric.catalogue(new String[0]));
    for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
      boolean e2024 = CALENDAR.on(d).filter(p -> p.event().equals("E") && p.start().getYear() == 2024)
          .isPresent();
      boolean e2023 = CALENDAR.on(d).filter(p -> p.event().equals("E") && p.start().getYear() == 2023)
          .isPresent();
      double jitter = noisy ? (d.toEpochDay() % 2 == 0 ? -2 : 2) : 0;
      double orders = e2024 ? 30 + jitter : e2023 ? 15 : 10 + jitter;
      v.put("orders", SeasonalSeries.ALL, d, orders, 1);
      v.put("conversion", SeasonalSeries.ALL, d, e2024 ? 40 : 20, 100);
    }
    return v;
  }

  static SeasonalEffects.Effect find(List<SeasonalEffects.Effect> effects, String event,
      String phase, int year, String metric) {
    return effects.stream().filter(e -> e.event.equals(event) && e.phase.equals(phase)
        && e.year == year && e.metric.equals(metric) && e.category.equals(SeasonalSeries.ALL))
        .findFirst().orElse(null);
  }

  @Test
  void baselineIsTheSameWeekdaysWithinFourWeeksWithoutAnyEventDay() {
    DailyValues v = series(false);
    EventWindow e = EventWindow.of(CALENDAR, v::inRange).stream()
        .filter(w -> w.event().equals("E") && w.year() == 2024 && w.phase().equals("main"))
        .findFirst().orElseThrow();
    List<LocalDate> baseline = e.baseline(CALENDAR, 4, v::inRange);
    // Mondays and Tuesdays 12 Feb .. 9 Apr, without 11-12 March (E) and 25 March (F)
    assertEquals(15, baseline.size(), baseline.toString());
    assertTrue(baseline.stream().allMatch(d -> d.getDayOfWeek().getValue() <= 2));
    assertTrue(baseline.contains(LocalDate.of(2024, 2, 12)));
    assertTrue(baseline.contains(LocalDate.of(2024, 4, 9)));
    assertTrue(!baseline.contains(LocalDate.of(2024, 3, 25)));
    assertTrue(!baseline.contains(LocalDate.of(2024, 3, 11)));
    assertTrue(!baseline.contains(LocalDate.of(2024, 2, 11)));
    assertTrue(baseline.stream().noneMatch(d -> CALENDAR.on(d).isPresent()));
  }

  @Test
  void upliftOnAConstantBaselineHasACollapsedInterval() {
    List<SeasonalEffects.Effect> effects = SeasonalEffects.rows(series(false), CALENDAR, OPTIONS);
    SeasonalEffects.Effect orders = find(effects, "E", "main", 2024, "orders");
    assertEquals(2, orders.eventDays);
    assertEquals(60.0, orders.eventNumerator);
    assertEquals(2.0, orders.eventDenominator);
    assertEquals(30.0, orders.eventLevel);
    assertEquals(15, orders.baselineDays);
    assertEquals(10.0, orders.baselineLevel);
    assertEquals(3.0, orders.upliftRatio, 1e-12);
    assertEquals(20.0, orders.upliftDiff, 1e-12);
    assertEquals(3.0, orders.ciLow, 1e-12);
    assertEquals(3.0, orders.ciHigh, 1e-12);
    // a rate: sum of numerators over sum of denominators
    SeasonalEffects.Effect conversion = find(effects, "E", "main", 2024, "conversion");
    assertEquals(0.4, conversion.eventLevel, 1e-12);
    assertEquals(0.2, conversion.baselineLevel, 1e-12);
    assertEquals(2.0, conversion.upliftRatio, 1e-12);
    // the whole-event row of a one-phase event equals the phase
    assertEquals(3.0, find(effects, "E", "all", 2024, "orders").upliftRatio, 1e-12);
  }

  @Test
  void yearOverYearComparesTheSameEventPhaseAYearEarlier() {
    List<SeasonalEffects.Effect> effects = SeasonalEffects.rows(series(false), CALENDAR, OPTIONS);
    SeasonalEffects.Effect orders = find(effects, "E", "main", 2024, "orders");
    assertEquals(15.0, orders.prevYearLevel);
    assertEquals(1.0, orders.yoyChange, 1e-12);
    SeasonalEffects.Effect earlier = find(effects, "E", "main", 2023, "orders");
    assertNull(earlier.prevYearLevel);
    assertNull(earlier.yoyChange);
    assertNull(find(effects, "F", "day", 2024, "orders").prevYearLevel);
  }

  @Test
  void eventsWithoutDataAreLeftOutAndChatMetricsStayOnAll() {
    List<SeasonalEffects.Effect> effects = SeasonalEffects.rows(series(false), CALENDAR, OPTIONS);
    assertTrue(effects.stream().noneMatch(e -> e.event.equals("G")));
  }

  @Test
  void aKnownShiftWithNoiseHasAnIntervalAroundIt() {
    List<SeasonalEffects.Effect> effects = SeasonalEffects.rows(series(true), CALENDAR, OPTIONS);
    SeasonalEffects.Effect orders = find(effects, "E", "main", 2024, "orders");
    assertNotNull(orders.ciLow);
    assertTrue(orders.ciLow < orders.upliftRatio && orders.upliftRatio < orders.ciHigh,
        orders.ciLow + " " + orders.upliftRatio + " " + orders.ciHigh);
    assertTrue(orders.ciLow > 2.2 && orders.ciHigh < 4.0, orders.ciLow + " " + orders.ciHigh);
    // seeded: the same options give the same interval
    SeasonalEffects.Effect again = find(SeasonalEffects.rows(series(true), CALENDAR, OPTIONS),
        "E", "main", 2024, "orders");
    assertEquals(orders.ciLow, again.ciLow);
    assertEquals(orders.ciHigh, again.ciHigh);
  }

  @Test
  void quantileInterpolatesBetweenOrderStatistics() {
    assertEquals(2.5, SeasonalEffects.quantile(new double[] {1, 2, 3, 4}, 0.5), 1e-12);
    assertEquals(1.0, SeasonalEffects.quantile(new double[] {1, 2, 3, 4}, 0.0), 1e-12);
  }
}
