package kefu.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Built-in promotion dates 2019-2026 (domain brief Part 2 §5). Sourced dates are noted as such;
 * everything else is a guess that follows the sourced pattern ({@link #note}).
 */
final class DefaultPromotionDates {
  private DefaultPromotionDates() {}

  static final String NEW_YEAR_FESTIVAL = "年货节";
  static final String SPRING_FESTIVAL_PAUSE = "春节物流暂停";
  static final String WOMENS_DAY = "38节";
  static final String MID_YEAR = "618";
  static final String AUGUST_EIGHT = "88";
  static final String SINGLES_DAY = "双11";
  static final String DOUBLE_TWELVE = "双12";

  /** Lunar new year's day per year (public holiday calendars). */
  static final Map<Integer, LocalDate> LUNAR_NEW_YEAR = Map.of(
      2019, LocalDate.of(2019, 2, 5),
      2020, LocalDate.of(2020, 1, 25),
      2021, LocalDate.of(2021, 2, 12),
      2022, LocalDate.of(2022, 2, 1),
      2023, LocalDate.of(2023, 1, 22),
      2024, LocalDate.of(2024, 2, 10),
      2025, LocalDate.of(2025, 1, 29),
      2026, LocalDate.of(2026, 2, 17));

  /** One calendar row with the note written to calendar.xlsx. */
  record Row(PromotionEvent event, String note) {}

  static List<PromotionEvent> events() {
    return rows().stream().map(Row::event).toList();
  }

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (int year = 2019; year <= 2026; year++) {
      newYearFestival(rows, year);
      springFestivalPause(rows, year);
      add(rows, WOMENS_DAY, "main", year, "03-01", "03-07", "guess: dates unsourced");
      add(rows, WOMENS_DAY, "day", year, "03-08", "03-08", "guess: dates unsourced");
      midYear(rows, year);
      add(rows, AUGUST_EIGHT, "day", year, "08-08", "08-08", "8.8 day; single day assumed");
      singlesDay(rows, year);
      add(rows, DOUBLE_TWELVE, "main", year, "12-10", "12-11", "guess: dates unsourced");
      add(rows, DOUBLE_TWELVE, "day", year, "12-12", "12-12", "12.12 day");
    }
    return rows;
  }

  private static void newYearFestival(List<Row> rows, int year) {
    switch (year) {
      case 2020 -> add(rows, NEW_YEAR_FESTIVAL, "main", year, "01-02", "01-15",
          "start sourced (2 Jan); end guessed");
      case 2021 -> add(rows, NEW_YEAR_FESTIVAL, "main", year, "01-20", "02-02",
          "start sourced (20 Jan); end guessed");
      case 2025 -> {
        add(rows, NEW_YEAR_FESTIVAL, "presale", year, "01-04", "01-05", "sourced: 4-16 Jan");
        add(rows, NEW_YEAR_FESTIVAL, "main", year, "01-06", "01-16", "sourced: sale from 6 Jan");
      }
      case 2026 -> add(rows, NEW_YEAR_FESTIVAL, "main", year, "01-15", "02-05",
          "guess: ends before the logistics pause");
      default -> add(rows, NEW_YEAR_FESTIVAL, "main", year, "01-06", "01-18",
          "guess: early January two weeks");
    }
  }

  /** Couriers slow down around the holiday; 2024 couriers ran 春节模式 8-17 Feb. */
  private static void springFestivalPause(List<Row> rows, int year) {
    LocalDate newYear = LUNAR_NEW_YEAR.get(year);
    rows.add(new Row(new PromotionEvent(SPRING_FESTIVAL_PAUSE, "pause",
        newYear.minusDays(5), newYear.plusDays(6)),
        "guess: lunar new year " + newYear + " -5..+6 days"));
  }

  private static void midYear(List<Row> rows, int year) {
    if (year >= 2024) {
      add(rows, MID_YEAR, "main", year, "05-20", "06-17", year == 2024
          ? "sourced: started 20 May, presale removed" : "guess: 2024 pattern (no presale)");
    } else {
      String presaleStart = year == 2022 ? "05-26" : "05-24";
      add(rows, MID_YEAR, "presale", year, presaleStart, "05-31", year == 2022
          ? "sourced: Alibaba presale 26 May" : "guess: late-May presale");
      add(rows, MID_YEAR, "main", year, "06-01", "06-17", "guess: sale from 1 June");
    }
    add(rows, MID_YEAR, "day", year, "06-18", "06-18", "618 day");
  }

  private static void singlesDay(List<Row> rows, int year) {
    switch (year) {
      case 2019 -> add(rows, SINGLES_DAY, "presale", year, "10-21", "11-10",
          "guess: single presale window");
      case 2020, 2021 -> {
        String note = year == 2021 ? "sourced: presale from 20 Oct, sale 1-3 Nov"
            : "guess: 2021 pattern";
        add(rows, SINGLES_DAY, "presale", year, year == 2021 ? "10-20" : "10-21", "10-31", note);
        add(rows, SINGLES_DAY, "wave1", year, "11-01", "11-03", note);
        add(rows, SINGLES_DAY, "presale2", year, "11-04", "11-10", note);
      }
      case 2022, 2023 -> {
        String note = year == 2022 ? "sourced: presale 24 Oct, waves 31 Oct-3 Nov and 10-11 Nov"
            : "guess: 2022 pattern";
        add(rows, SINGLES_DAY, "presale", year, "10-24", "10-30", note);
        add(rows, SINGLES_DAY, "wave1", year, "10-31", "11-03", note);
        add(rows, SINGLES_DAY, "presale2", year, "11-04", "11-09", note);
        add(rows, SINGLES_DAY, "wave2", year, "11-10", "11-10", note);
      }
      default -> {
        String presaleStart = year == 2025 ? "10-15" : "10-14";
        String note = year == 2024 ? "mid-October start sourced; 14 Oct often quoted (unsourced)"
            : "guess: 2024 pattern";
        add(rows, SINGLES_DAY, "presale", year, presaleStart, "10-20", note);
        add(rows, SINGLES_DAY, "main", year, "10-21", "11-10", note);
      }
    }
    add(rows, SINGLES_DAY, "day", year, "11-11", "11-11", "11.11 day");
  }

  private static void add(List<Row> rows, String event, String phase, int year, String from,
      String to, String note) {
    LocalDate start = MonthDay.parse("--" + from).atYear(year);
    LocalDate end = MonthDay.parse("--" + to).atYear(year);
    rows.add(new Row(new PromotionEvent(event, phase, start, end), note));
  }
}
