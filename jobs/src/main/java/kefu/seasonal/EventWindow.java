package kefu.seasonal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import kefu.calendar.PromotionCalendar;
import kefu.calendar.PromotionEvent;

/**
 * One analysed window: a phase of an event in a year, or the whole event ({@value #ALL_PHASES}),
 * with the days of data it owns. A day covered by two events belongs to the first listed one
 * ({@link PromotionCalendar#on}).
 */
record EventWindow(String event, String phase, int year, LocalDate start, LocalDate end,
    List<LocalDate> days) {

  static final String ALL_PHASES = "all";

  /** True if the data has every day of the phase. */
  private static boolean covered(PromotionEvent p, Predicate<LocalDate> hasData) {
    return hasData.test(p.start()) && hasData.test(p.end());
  }

  /**
   * Every phase the data covers day for day, and the whole-event window when it covers every
   * phase.
   */
  static List<EventWindow> of(PromotionCalendar calendar, Predicate<LocalDate> hasData) {
    Map<String, List<PromotionEvent>> byEventYear = new LinkedHashMap<>();
    for (PromotionEvent e : calendar.events()) {
      byEventYear.computeIfAbsent(e.event() + '\u0001' + e.start().getYear(),
          k -> new ArrayList<>()).add(e);
    }
    List<EventWindow> windows = new ArrayList<>();
    for (List<PromotionEvent> phases : byEventYear.values()) {
      TreeSet<LocalDate> union = new TreeSet<>();
      LocalDate start = null;
      LocalDate end = null;
      boolean everyPhaseCovered = true;
      for (PromotionEvent p : phases) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = p.start(); !d.isAfter(p.end()); d = d.plusDays(1)) {
          if (hasData.test(d) && calendar.on(d).map(p::equals).orElse(false)) {
            days.add(d);
          }
        }
        start = start == null || p.start().isBefore(start) ? p.start() : start;
        end = end == null || p.end().isAfter(end) ? p.end() : end;
        union.addAll(days);
        // Only a phase the data covers day for day: a slice of an event against a full
        // baseline is no effect (one covered day of 38节 gave an "uplift" of 0.00x).
        boolean covered = covered(p, hasData);
        everyPhaseCovered &= covered;
        if (!days.isEmpty() && covered) {
          windows.add(new EventWindow(p.event(), p.phase(), p.start().getYear(), p.start(),
              p.end(), days));
        }
      }
      if (!union.isEmpty() && everyPhaseCovered) {
        PromotionEvent first = phases.get(0);
        windows.add(new EventWindow(first.event(), ALL_PHASES, first.start().getYear(), start,
            end, List.copyOf(union)));
      }
    }
    return windows;
  }

  /**
   * Comparable non-event days: the weekdays the window's days fall on, within {@code weeks} weeks
   * before its start or after its end, with data, and in no event window at all.
   */
  List<LocalDate> baseline(PromotionCalendar calendar, int weeks, Predicate<LocalDate> hasData) {
    Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
    days.forEach(d -> weekdays.add(d.getDayOfWeek()));
    List<LocalDate> baseline = new ArrayList<>();
    for (LocalDate d = start.minusWeeks(weeks); !d.isAfter(end.plusWeeks(weeks));
        d = d.plusDays(1)) {
      if (weekdays.contains(d.getDayOfWeek()) && hasData.test(d) && calendar.on(d).isEmpty()) {
        baseline.add(d);
      }
    }
    return baseline;
  }
}
