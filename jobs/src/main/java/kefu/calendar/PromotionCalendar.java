package kefu.calendar;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.trim;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The promotion calendar: one row per event x phase x year (start and end inclusive). Read from
 * {@code data/config/calendar.csv} (header {@code event,phase,start,end[,note]}) or the built-in
 * {@link #defaults()} which mirror that file.
 */
public final class PromotionCalendar implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<PromotionEvent> events;

  public PromotionCalendar(List<PromotionEvent> events) {
    List<PromotionEvent> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparing(PromotionEvent::start)
        .thenComparing(PromotionEvent::end)
        .thenComparing(PromotionEvent::event)
        .thenComparing(PromotionEvent::phase));
    this.events = List.copyOf(sorted);
  }

  /** Reads the calendar CSV (UTF-8, ISO dates); the small config table is collected on purpose. */
  public static PromotionCalendar read(SparkSession spark, String csvPath) {
    List<Row> rows = spark.read()
        .option("header", "true")
        .option("encoding", "UTF-8")
        .option("ignoreLeadingWhiteSpace", "true")
        .option("ignoreTrailingWhiteSpace", "true")
        .csv(csvPath)
        .select(trim(col("event")), trim(col("phase")), trim(col("start")), trim(col("end")))
        .collectAsList();
    List<PromotionEvent> events = new ArrayList<>();
    for (Row row : rows) {
      if (row.isNullAt(0) || row.getString(0).isEmpty()) {
        continue;
      }
      events.add(new PromotionEvent(row.getString(0), row.getString(1),
          LocalDate.parse(row.getString(2)), LocalDate.parse(row.getString(3))));
    }
    return new PromotionCalendar(events);
  }

  /** The shipped defaults for 2019-2026 (same rows as data/config/calendar.csv). */
  public static PromotionCalendar defaults() {
    return new PromotionCalendar(DefaultPromotionDates.events());
  }

  public List<PromotionEvent> events() {
    return events;
  }

  /**
   * The phase a day belongs to. When phases overlap the most specific one wins: the latest start,
   * then the shortest span.
   */
  public Optional<PromotionEvent> on(LocalDate day) {
    return events.stream()
        .filter(e -> e.covers(day))
        .max(Comparator.comparing(PromotionEvent::start)
            .thenComparing(Comparator.comparing(PromotionEvent::days).reversed()));
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
