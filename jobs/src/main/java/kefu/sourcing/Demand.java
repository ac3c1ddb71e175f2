package kefu.sourcing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kefu.calendar.PromotionCalendar;
import kefu.calendar.PromotionEvent;
import kefu.spark.Ddl;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The demand mart {@code sourcing_demand}: grain shop_id × month × day_type × hour (0–23, every
 * hour present), per shop and for all shops together ({@code shop_id = "all"}), from the row
 * tier's demand by shop and day (kefu.facts.DemandFacts).
 *
 * <p>day_type: {@code normal}, {@code <event>:<phase>} on promotion days, {@code holiday} in the
 * 春节物流暂停 pause. Columns: {@code days} (days of that type with receptions in the month),
 * {@code receptions} (receptions started in the hour, local time, over those days),
 * {@code buyer_messages}, {@code arrivals_per_hour} (= receptions ÷ days), {@code
 * handled_receptions}, {@code handle_seconds_sum} (ended_at − started_at of replied receptions),
 * {@code aht_seconds} (the hour's mean; the shop-month's mean in hours without replied
 * receptions), {@code inquiries} (the day type's distinct buyer-day inquiries allocated to hours
 * by their share of receptions, so hours add up), {@code inquiries_per_day}, and the
 * concurrency of the day type repeated on its hours: {@code agent_reception_seconds} (sum of
 * every agent part, first reply → reception end), {@code agent_busy_seconds} (the union of each
 * agent's parts), {@code observed_concurrency} = their ratio (mean chats an agent had open while
 * busy), and {@code covered_days}: the days of the month inside the history (first to last
 * reception date over all shops); fewer than the month's days = a partial month, whose monthly
 * fees and wages the cost model pro-rates.
 */
public final class Demand {
  private Demand() {}

  public static final String ALL_SHOPS = "all";
  /** The calendar event that marks holiday days rather than promotion days. */
  public static final String HOLIDAY_EVENT = "春节物流暂停";

  public static final StructType SCHEMA = Ddl.schema("shop_id STRING, month STRING, "
      + "day_type STRING, hour INT, days INT, receptions BIGINT, buyer_messages BIGINT, "
      + "arrivals_per_hour DOUBLE, handled_receptions BIGINT, handle_seconds_sum BIGINT, "
      + "aht_seconds DOUBLE, inquiries DOUBLE, inquiries_per_day DOUBLE, "
      + "agent_reception_seconds BIGINT, agent_busy_seconds BIGINT, "
      + "observed_concurrency DOUBLE, covered_days INT");

  /** A shop (or all shops), month and day type. */
  private record DayType(String shopId, String month, String dayType) {}

  /** The sums of one hour of a day type. */
  private static final class HourSums {
    long receptions;
    long buyerMessages;
    long handled;
    Long handleSeconds;

    void add(long r, long m, long h, Long seconds) {
      receptions += r;
      buyerMessages += m;
      handled += h;
      if (seconds != null) {
        handleSeconds = handleSeconds == null ? seconds : handleSeconds + seconds;
      }
    }
  }

  /** The sums of a day type: its days, inquiries and agent seconds. */
  private static final class DaySums {
    final Set<LocalDate> dates = new HashSet<>();
    final HourSums[] hours = new HourSums[24];
    Long inquiries;
    Long receptionSeconds;
    Long busySeconds;
  }

  /**
   * @param hours (shop_id, date, hour, receptions, buyer_messages, handled_receptions,
   *     handle_seconds_sum)
   * @param inquiries (shop_id, date, inquiries)
   * @param busy (shop_id, date, agent_reception_seconds, agent_busy_seconds)
   */
  public static LocalTable build(LocalTable hours, LocalTable inquiries, LocalTable busy,
      PromotionCalendar calendar) {
    Map<LocalDate, String> dayTypes = dayTypes(calendar);
    Map<DayType, DaySums> sums = new TreeMap<>(java.util.Comparator.comparing(DayType::shopId)
        .thenComparing(DayType::month).thenComparing(DayType::dayType));
    LocalDate from = null;
    LocalDate to = null;
    for (Row r : hours.rows()) {
      LocalDate date = date(r.getAs("date"));
      from = from == null || date.isBefore(from) ? date : from;
      to = to == null || date.isAfter(to) ? date : to;
      int hour = r.getAs("hour");
      for (DaySums d : both(sums, r.getAs("shop_id"), date, dayTypes)) {
        d.dates.add(date);
        if (d.hours[hour] == null) {
          d.hours[hour] = new HourSums();
        }
        d.hours[hour].add(r.getAs("receptions"), r.getAs("buyer_messages"),
            r.getAs("handled_receptions"), r.getAs("handle_seconds_sum"));
      }
    }
    for (Row r : inquiries.rows()) {
      for (DaySums d : existing(sums, r.getAs("shop_id"), date(r.getAs("date")), dayTypes)) {
        d.inquiries = (d.inquiries == null ? 0 : d.inquiries) + (long) r.getAs("inquiries");
      }
    }
    for (Row r : busy.rows()) {
      for (DaySums d : existing(sums, r.getAs("shop_id"), date(r.getAs("date")), dayTypes)) {
        d.receptionSeconds = (d.receptionSeconds == null ? 0 : d.receptionSeconds)
            + (long) r.getAs("agent_reception_seconds");
        d.busySeconds = (d.busySeconds == null ? 0 : d.busySeconds)
            + (long) r.getAs("agent_busy_seconds");
      }
    }
    Map<String, Double> monthAht = monthAht(sums);
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<DayType, DaySums> e : sums.entrySet()) {
      DayType k = e.getKey();
      DaySums d = e.getValue();
      int days = d.dates.size();
      long dayReceptions = 0;
      for (HourSums h : d.hours) {
        dayReceptions += h == null ? 0 : h.receptions;
      }
      YearMonth month = YearMonth.parse(k.month());
      LocalDate start = from.isAfter(month.atDay(1)) ? from : month.atDay(1);
      LocalDate end = to.isBefore(month.atEndOfMonth()) ? to : month.atEndOfMonth();
      int covered = (int) ChronoUnit.DAYS.between(start, end) + 1;
      for (int hour = 0; hour < 24; hour++) {
        HourSums h = d.hours[hour] == null ? new HourSums() : d.hours[hour];
        Double aht = h.handled > 0 ? Double.valueOf((double) h.handleSeconds / h.handled)
            : monthAht.get(k.shopId() + "\u0000" + k.month());
        double inquiriesInHour = dayReceptions > 0
            ? (double) ((d.inquiries == null ? 0 : d.inquiries) * h.receptions) / dayReceptions
            : 0.0;
        rows.add(LocalTable.row(SCHEMA, k.shopId(), k.month(), k.dayType(), hour, days,
            h.receptions, h.buyerMessages, (double) h.receptions / days, h.handled,
            h.handleSeconds, aht, inquiriesInHour, inquiriesInHour / days, d.receptionSeconds,
            d.busySeconds, d.busySeconds != null && d.busySeconds > 0
                ? (double) d.receptionSeconds / d.busySeconds : null, covered));
      }
    }
    return new LocalTable(SCHEMA, rows);
  }

  /** The shop-month's mean handling time over its day types (null without replied receptions). */
  private static Map<String, Double> monthAht(Map<DayType, DaySums> sums) {
    Map<String, Long> seconds = new HashMap<>();
    Map<String, Long> handled = new HashMap<>();
    sums.forEach((k, d) -> {
      for (HourSums h : d.hours) {
        if (h != null) {
          String key = k.shopId() + "\u0000" + k.month();
          if (h.handleSeconds != null) {
            seconds.merge(key, h.handleSeconds, Long::sum);
          }
          handled.merge(key, h.handled, Long::sum);
        }
      }
    });
    Map<String, Double> aht = new HashMap<>();
    handled.forEach((key, n) -> {
      if (n > 0 && seconds.containsKey(key)) {
        aht.put(key, (double) seconds.get(key) / n);
      }
    });
    return aht;
  }

  /** The day type of the shop's date and of all shops' (created when missing). */
  private static List<DaySums> both(Map<DayType, DaySums> sums, String shop, LocalDate date,
      Map<LocalDate, String> dayTypes) {
    String month = date.toString().substring(0, 7);
    String type = dayTypes.getOrDefault(date, HourDemand.NORMAL);
    return List.of(sums.computeIfAbsent(new DayType(shop, month, type), k -> new DaySums()),
        sums.computeIfAbsent(new DayType(ALL_SHOPS, month, type), k -> new DaySums()));
  }

  /** As {@link #both}, but only day types that have receptions (the mart's rows). */
  private static List<DaySums> existing(Map<DayType, DaySums> sums, String shop, LocalDate date,
      Map<LocalDate, String> dayTypes) {
    String month = date.toString().substring(0, 7);
    String type = dayTypes.getOrDefault(date, HourDemand.NORMAL);
    List<DaySums> out = new ArrayList<>(2);
    for (String s : List.of(shop, ALL_SHOPS)) {
      DaySums d = sums.get(new DayType(s, month, type));
      if (d != null) {
        out.add(d);
      }
    }
    return out;
  }

  /** Every calendar day covered by an event, with its day type (calendar.on picks the phase). */
  static Map<LocalDate, String> dayTypes(PromotionCalendar calendar) {
    Map<LocalDate, String> types = new HashMap<>();
    for (PromotionEvent e : calendar.events()) {
      for (LocalDate d = e.start(); !d.isAfter(e.end()); d = d.plusDays(1)) {
        if (!types.containsKey(d)) {
          PromotionEvent on = calendar.on(d).orElseThrow();
          types.put(d, HOLIDAY_EVENT.equals(on.event()) ? HourDemand.HOLIDAY
              : on.event() + ":" + on.phase());
        }
      }
    }
    return types;
  }

  private static LocalDate date(Object o) {
    return o instanceof LocalDate d ? d : ((java.sql.Date) o).toLocalDate();
  }
}
