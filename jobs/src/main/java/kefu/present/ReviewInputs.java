package kefu.present;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import kefu.marts.Period;

/**
 * What the run was given, so that a figure whose input is missing says so in words (未提供聊天记录)
 * instead of showing 0, and no finding is drawn from it.
 *
 * @param refundExport a refund export was given (without one, refunds come from the order
 *     export's 退款金额 column: amounts only, no units, no 是否需要退货)
 * @param firstOrderDay the first business day with an order, null when there is none
 * @param lastOrderDay the last business day with an order, null when there is none
 * @param calendarYears the years the promotion calendar has events for
 */
public record ReviewInputs(boolean chats, boolean refundExport, boolean ratings, boolean agents,
    LocalDate firstOrderDay, LocalDate lastOrderDay, Set<Integer> calendarYears,
    FromExports exports) {

  /**
   * The agents' figures came from their 赤兔/千牛 exports (no chats): which layouts, how many
   * rows spanned two months and were left out, whether 分时接待 and a handling time were given,
   * and the exports' totals over the agents by period label (the Summary's period, previous and
   * same period last year; a period missing here has no export).
   */
  public record FromExports(String layouts, int unplacedRows, boolean receptionHours,
      boolean handlingTime, java.util.Map<String, kefu.facts.ExportFacts.Totals> totals) {

    public FromExports {
      totals = totals == null ? java.util.Map.of() : java.util.Map.copyOf(totals);
    }

    /** The exports' totals of {@code p}, null when no export covers it. */
    kefu.facts.ExportFacts.Totals totals(Period p) {
      kefu.facts.ExportFacts.Totals t = totals.get(p.label());
      return t == null || t.agentDays() == 0 ? null : t;
    }
  }

  /** A review not from the per-agent exports. */
  public ReviewInputs(boolean chats, boolean refundExport, boolean ratings, boolean agents,
      LocalDate firstOrderDay, LocalDate lastOrderDay, Set<Integer> calendarYears) {
    this(chats, refundExport, ratings, agents, firstOrderDay, lastOrderDay, calendarYears, null);
  }

  public ReviewInputs {
    calendarYears = calendarYears == null ? Set.of() : Set.copyOf(calendarYears);
  }

  /** Whether the agents' figures come from their exports. */
  boolean fromExports() {
    return exports != null;
  }

  /** Every input, data on every day (tests and callers without the facts). */
  public static ReviewInputs complete() {
    return new ReviewInputs(true, true, true, true, LocalDate.MIN, LocalDate.MAX, Set.of());
  }

  /** The part of {@code p} that has orders: 0 days, some, or all of it. */
  Coverage coverage(Period p) {
    if (firstOrderDay == null) {
      return Coverage.NONE;
    }
    LocalDate last = p.endExclusive().minusDays(1);
    if (lastOrderDay.isBefore(p.start()) || firstOrderDay.isAfter(last)) {
      return Coverage.NONE;
    }
    return firstOrderDay.isAfter(p.start()) || lastOrderDay.isBefore(last)
        ? Coverage.PARTIAL : Coverage.FULL;
  }

  /** The first and last day of {@code p} that have orders (call when it has some). */
  LocalDate[] coveredDays(Period p) {
    LocalDate from = firstOrderDay.isAfter(p.start()) ? firstOrderDay : p.start();
    LocalDate last = p.endExclusive().minusDays(1);
    return new LocalDate[] {from, lastOrderDay.isBefore(last) ? lastOrderDay : last};
  }

  /** Years with orders that the promotion calendar has no event for. */
  Set<Integer> yearsOutsideCalendar() {
    Set<Integer> out = new TreeSet<>();
    if (firstOrderDay == null || calendarYears.isEmpty()) {
      return out;
    }
    for (int y = firstOrderDay.getYear(); y <= lastOrderDay.getYear(); y++) {
      if (!calendarYears.contains(y)) {
        out.add(y);
      }
    }
    return out;
  }

  enum Coverage { NONE, PARTIAL, FULL }
}
