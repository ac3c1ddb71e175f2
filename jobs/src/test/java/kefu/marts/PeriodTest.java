package kefu.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodTest {

  @Test
  void parsesQuartersMonthsAndYearsIntoHalfOpenDateRanges() {
    Period q = Period.parse("2025Q4");
    assertEquals("quarter", q.type());
    assertEquals(LocalDate.of(2025, 10, 1), q.start());
    assertEquals(LocalDate.of(2026, 1, 1), q.endExclusive());
    Period m = Period.parse("2025-02");
    assertEquals(new Period("2025-02", "month", LocalDate.of(2025, 2, 1),
        LocalDate.of(2025, 3, 1)), m);
    assertEquals("2025-02", Period.parse("2025-2").label());
    Period y = Period.parse(" 2025 ");
    assertEquals(LocalDate.of(2026, 1, 1), y.endExclusive());
    assertTrue(q.contains(LocalDate.of(2025, 12, 31)));
    assertThrows(IllegalArgumentException.class, () -> Period.parse("2025-13"));
    assertThrows(IllegalArgumentException.class, () -> Period.parse("Q4"));
  }

  @Test
  void previousStepsBackOnePeriodAcrossYearBoundaries() {
    assertEquals("2024Q4", Period.parse("2025Q1").previous().label());
    assertEquals("2024-12", Period.parse("2025-01").previous().label());
    assertEquals("2024", Period.parse("2025").previous().label());
  }

  @Test
  void sameLastYearKeepsTheTypeAndShiftsOneYear() {
    assertEquals("2024Q4", Period.parse("2025Q4").sameLastYear().label());
    assertEquals("2024-02", Period.parse("2025-02").sameLastYear().label());
    assertEquals("2024", Period.parse("2025").sameLastYear().label());
  }

  @Test
  void monthsListsTheMonthsInsideAPeriod() {
    List<Period> months = Period.parse("2025Q4").months();
    assertEquals(List.of("2025-10", "2025-11", "2025-12"),
        months.stream().map(Period::label).toList());
    assertEquals(12, Period.parse("2025").months().size());
    assertEquals(1, Period.parse("2025-10").months().size());
  }
}
