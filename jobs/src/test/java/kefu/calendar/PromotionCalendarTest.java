package kefu.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import kefu.testing.SparkTestSession;
import org.junit.jupiter.api.Test;

class PromotionCalendarTest {

  static String calendarCsv() {
    Path fromModule = Path.of("..", "data", "config", "calendar.csv");
    return fromModule.toFile().exists() ? fromModule.toString()
        : Path.of("data", "config", "calendar.csv").toString();
  }

  @Test
  void csvParsesAndMatchesTheDefaults() {
    PromotionCalendar read = PromotionCalendar.read(SparkTestSession.get(), calendarCsv());
    assertEquals(PromotionCalendar.defaults(), read);
  }

  @Test
  void csvHasSinglesDayAnd618For2024And2025() {
    PromotionCalendar calendar = PromotionCalendar.read(SparkTestSession.get(), calendarCsv());
    for (int year : new int[] {2024, 2025}) {
      Set<String> events = calendar.events().stream()
          .filter(e -> e.start().getYear() == year)
          .map(PromotionEvent::event)
          .collect(Collectors.toSet());
      assertTrue(events.containsAll(Set.of("双11", "618", "年货节", "春节物流暂停", "38节", "88", "双12")),
          year + ": " + events);
    }
  }

  @Test
  void onFindsThePhaseOfADay() {
    PromotionCalendar calendar = PromotionCalendar.defaults();
    assertEquals("day", calendar.on(LocalDate.of(2024, 11, 11)).orElseThrow().phase());
    assertEquals("双11", calendar.on(LocalDate.of(2024, 10, 25)).orElseThrow().event());
    assertEquals("main", calendar.on(LocalDate.of(2024, 5, 20)).orElseThrow().phase());
    assertEquals("presale", calendar.on(LocalDate.of(2023, 5, 26)).orElseThrow().phase());
    assertEquals("pause", calendar.on(LocalDate.of(2025, 1, 29)).orElseThrow().phase());
    assertTrue(calendar.on(LocalDate.of(2024, 9, 10)).isEmpty());
  }
}
