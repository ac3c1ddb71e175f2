package kefu.marts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period in business dates: a quarter ({@code 2025Q4}), a month ({@code 2025-10}) or a
 * year ({@code 2025}), as the half-open range {@code [start, endExclusive)}.
 */
public record Period(String label, String type, LocalDate start, LocalDate endExclusive) {

  public static final String QUARTER = "quarter";
  public static final String MONTH = "month";
  public static final String YEAR = "year";

  private static final Pattern QUARTER_LABEL = Pattern.compile("(\\d{4})\\s*[Qq]([1-4])");
  private static final Pattern MONTH_LABEL = Pattern.compile("(\\d{4})-(\\d{1,2})");
  private static final Pattern YEAR_LABEL = Pattern.compile("(\\d{4})");

  public static Period parse(String s) {
    String text = s == null ? "" : s.trim();
    Matcher m = QUARTER_LABEL.matcher(text);
    if (m.matches()) {
      int quarter = Integer.parseInt(m.group(2));
      return of(QUARTER, LocalDate.of(Integer.parseInt(m.group(1)), 3 * quarter - 2, 1));
    }
    m = MONTH_LABEL.matcher(text);
    if (m.matches()) {
      int month = Integer.parseInt(m.group(2));
      if (month < 1 || month > 12) {
        throw new IllegalArgumentException("not a month: " + s);
      }
      return of(MONTH, LocalDate.of(Integer.parseInt(m.group(1)), month, 1));
    }
    m = YEAR_LABEL.matcher(text);
    if (m.matches()) {
      return of(YEAR, LocalDate.of(Integer.parseInt(m.group(1)), 1, 1));
    }
    throw new IllegalArgumentException(
        "period must look like 2025Q4, 2025-10 or 2025, got: " + s);
  }

  /** The period of {@code type} that starts on {@code start} (a quarter, month or year start). */
  public static Period of(String type, LocalDate start) {
    switch (type) {
      case QUARTER: {
        int quarter = (start.getMonthValue() - 1) / 3 + 1;
        LocalDate first = LocalDate.of(start.getYear(), 3 * quarter - 2, 1);
        return new Period(first.getYear() + "Q" + quarter, QUARTER, first, first.plusMonths(3));
      }
      case MONTH: {
        LocalDate first = start.withDayOfMonth(1);
        return new Period(String.format("%04d-%02d", first.getYear(), first.getMonthValue()),
            MONTH, first, first.plusMonths(1));
      }
      case YEAR: {
        LocalDate first = LocalDate.of(start.getYear(), 1, 1);
        return new Period(String.valueOf(first.getYear()), YEAR, first, first.plusYears(1));
      }
      default:
        throw new IllegalArgumentException("unknown period type " + type);
    }
  }

  /** The period of the same type just before this one (2025Q1 -> 2024Q4). */
  public Period previous() {
    switch (type) {
      case QUARTER: return of(QUARTER, start.minusMonths(3));
      case MONTH: return of(MONTH, start.minusMonths(1));
      default: return of(YEAR, start.minusYears(1));
    }
  }

  /** The same period one year earlier (2025Q4 -> 2024Q4, 2025-10 -> 2024-10). */
  public Period sameLastYear() {
    return of(type, start.minusYears(1));
  }

  /** The months inside this period, in order (a month gives itself). */
  public List<Period> months() {
    List<Period> months = new ArrayList<>();
    for (LocalDate d = start; d.isBefore(endExclusive); d = d.plusMonths(1)) {
      months.add(of(MONTH, d));
    }
    return months;
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && date.isBefore(endExclusive);
  }
}
