package kefu.calendar;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The promotion calendar: one row per event x phase x year (start and end inclusive), in the
 * order listed. Read from {@code data/config/calendar.xlsx} ({@link #readOrDefaults}) or the
 * built-in {@link #defaults()} which the committed file mirrors. Phases of one event and year
 * never overlap (validated); different events may, and a day then belongs to the first listed.
 */
public final class PromotionCalendar implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The calendar's file name in a config folder. */
  public static final String FILE_NAME = "calendar.xlsx";

  private final List<PromotionEvent> events;

  public PromotionCalendar(List<PromotionEvent> events) {
    this.events = List.copyOf(events);
  }

  /**
   * {@code configDir/calendar.xlsx} validated (POI only, no Spark), or the defaults when the file
   * is absent. Throws {@link CalendarConfigError} naming every bad cell.
   */
  public static PromotionCalendar readOrDefaults(Path configDir) {
    Path file = configDir.resolve(FILE_NAME);
    return Files.exists(file) ? read(file) : defaults();
  }

  /** Reads and validates one calendar workbook. */
  public static PromotionCalendar read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CalendarConfigError(List.of(file.getFileName() + ": file not found at " + file));
    }
    return CalendarWorkbook.read(file);
  }

  /** Writes the defaults (with their sourcing notes) as an editable workbook. */
  public static Path writeDefaults(Path file) {
    List<DefaultPromotionDates.Row> rows = DefaultPromotionDates.rows();
    return CalendarWorkbook.write(rows.stream().map(DefaultPromotionDates.Row::event).toList(),
        rows.stream().map(DefaultPromotionDates.Row::note).toList(), file);
  }

  /** The shipped defaults for 2019-2026 (same rows as data/config/calendar.xlsx). */
  public static PromotionCalendar defaults() {
    return new PromotionCalendar(DefaultPromotionDates.events());
  }

  public List<PromotionEvent> events() {
    return events;
  }

  /** The phase a day belongs to: the first listed phase covering it (overlaps are rare). */
  public Optional<PromotionEvent> on(LocalDate day) {
    return events.stream().filter(e -> e.covers(day)).findFirst();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PromotionCalendar c && c.events.equals(events);
  }

  @Override
  public int hashCode() {
    return events.hashCode();
  }

  @Override
  public String toString() {
    return "PromotionCalendar" + events;
  }
}
