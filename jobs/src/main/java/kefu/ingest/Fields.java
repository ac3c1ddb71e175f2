package kefu.ingest;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed access to the cells of the current record by header alias. A cell that fails to parse, or
 * a required one that is blank, throws {@link Rejection} naming the file's header and raw value;
 * values of personal-data columns are redacted there.
 */
final class Fields {
  /** Normalised headers whose values are personal data and never leave ingest. */
  private static final Set<String> PERSONAL = Set.of(
      "买家会员名", "买家支付宝账号", "收货人姓名", "收货地址", "联系电话", "联系手机", "买家昵称",
      "卖家真实姓名", "买家退款说明", "买家留言", "消息内容", "text", "authorid", "姓名",
      "displayname", "buyerkey", "发票抬头", "修改后的收货地址");

  private final Headers headers;
  private final boolean excelSerials;
  private final ZoneId zone;
  /** Events (orders, payments, messages …) cannot be later than this: a day after the run. */
  private final java.time.Instant latest;
  private RawRecord record;

  Fields(Headers headers, boolean excelSerials, ZoneId zone) {
    this.headers = headers;
    this.excelSerials = excelSerials;
    this.zone = zone;
    this.latest = java.time.Instant.now().plus(java.time.Duration.ofDays(1));
  }

  void bind(RawRecord r) {
    this.record = r;
  }

  Headers headers() {
    return headers;
  }

  boolean has(String... aliases) {
    return headers.has(aliases);
  }

  static boolean isPersonal(String header) {
    return header != null && PERSONAL.contains(Headers.normalise(header));
  }

  String raw(String... aliases) {
    int i = headers.index(aliases);
    checkTwin(i, Cells::text, Cells.text(record.cell(i)), aliases);
    return record.cell(i);
  }

  /**
   * When the header names column {@code i} twice and the copy reads differently, the record is
   * ambiguous and rejected (equal copies, as some exports repeat a column, are fine).
   */
  private <T> void checkTwin(int i, Function<String, T> parser, T value, String[] aliases) {
    int twin = headers.twinOf(i);
    if (twin < 0) {
      return;
    }
    Object copy;
    try {
      copy = parser.apply(record.cell(twin));
    } catch (BadCell e) {
      copy = e;
    }
    if (!java.util.Objects.equals(value, copy)) {
      throw reject(aliases, "column appears twice in the header (columns " + (i + 1) + " and "
          + (twin + 1) + ") with different values");
    }
  }

  String text(String... aliases) {
    return Cells.text(raw(aliases));
  }

  String requiredText(String... aliases) {
    return required(text(aliases), aliases);
  }

  String id(String... aliases) {
    return parse(Cells::id, aliases);
  }

  String requiredId(String... aliases) {
    return required(id(aliases), aliases);
  }

  BigDecimal money(String... aliases) {
    return parse(Cells::money, aliases);
  }

  BigDecimal requiredMoney(String... aliases) {
    return required(money(aliases), aliases);
  }

  Integer count(String... aliases) {
    return parse(Cells::count, aliases);
  }

  Integer score(String... aliases) {
    return parse(Cells::score, aliases);
  }

  Boolean yesNo(String... aliases) {
    return parse(Cells::yesNo, aliases);
  }

  Timestamp time(String... aliases) {
    return parse(s -> Cells.eventTime(s, zone, excelSerials, latest), aliases);
  }

  Timestamp requiredTime(String... aliases) {
    return required(time(aliases), aliases);
  }

  Timestamp twitterTime(String... aliases) {
    return required(parse(Cells::twitterTime, aliases), aliases);
  }

  Date date(String... aliases) {
    LocalDate d = parse(s -> Cells.date(s, excelSerials), aliases);
    return d == null ? null : Date.valueOf(d);
  }

  /** A date range {@code 2025-10-01至2025-10-07} (also {@code ~}), or one date for both ends. */
  java.util.List<LocalDate> span(String... aliases) {
    return parse(s -> {
      String t = Cells.text(s);
      if (t == null) {
        return null;
      }
      String[] ends = t.split("\\s*(?:至|~|～)\\s*", -1);
      if (ends.length > 2) {
        throw new BadCell("expected a date, or a span like 2025-10-01至2025-10-07");
      }
      LocalDate from = Cells.date(ends[0], excelSerials);
      LocalDate to = ends.length == 2 ? Cells.date(ends[1], excelSerials) : from;
      if (from == null || to == null) {
        throw new BadCell("expected a date, or a span like 2025-10-01至2025-10-07");
      }
      if (to.isBefore(from)) {
        throw new BadCell("span ends before it starts");
      }
      return java.util.List.of(from, to);
    }, aliases);
  }

  /** An export's count (延迟统计 and blank are unknown: null). */
  Long metricCount(String... aliases) {
    return parse(s -> {
      Integer n = Cells.count(Cells.statedMetric(s));
      return n == null ? null : n.longValue();
    }, aliases);
  }

  /** An export's amount in yuan (延迟统计 and blank: null). */
  BigDecimal metricMoney(String... aliases) {
    return parse(s -> Cells.money(Cells.statedMetric(s)), aliases);
  }

  /** An export's ratio, {@code 1.25} or {@code 125%} (延迟统计 and blank: null). */
  Double metricRatio(String... aliases) {
    return parse(s -> {
      BigDecimal r = Cells.rate(Cells.statedMetric(s));
      if (r != null && r.signum() < 0) {
        throw new BadCell("negative ratio");
      }
      return r == null ? null : r.doubleValue();
    }, aliases);
  }

  /** An export's rate as a fraction 0-1: {@code 25.00%} is 0.25 (延迟统计 and blank: null). */
  Double metricRate(String... aliases) {
    return parse(s -> {
      BigDecimal r = Cells.rate(Cells.statedMetric(s));
      if (r != null && (r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0)) {
        throw new BadCell("rate outside 0-100%");
      }
      return r == null ? null : r.doubleValue();
    }, aliases);
  }

  /** An export's duration in seconds, {@code 12.5} or {@code 00:01:05} (延迟统计: null). */
  Double metricSeconds(String... aliases) {
    return parse(s -> Cells.seconds(Cells.statedMetric(s)), aliases);
  }

  /** Maps a value through {@code choices}; unknown values reject with {@code expected}. */
  String oneOf(Function<String, String> choices, String expected, String... aliases) {
    String v = text(aliases);
    if (v == null) {
      return null;
    }
    String mapped = choices.apply(v);
    if (mapped == null) {
      throw reject(aliases, "expected " + expected);
    }
    return mapped;
  }

  Rejection reject(String[] aliases, String reason) {
    return reject(aliases, reason, null);
  }

  /** {@code detail}: the row's other values behind the reason (never personal columns). */
  Rejection reject(String[] aliases, String reason, String detail) {
    int i = headers.index(aliases);
    String column = i >= 0 ? headers.name(i) : aliases[0];
    String raw = record.cell(i);
    return new Rejection(column, isPersonal(column) ? Rejection.REDACTED : raw, reason, detail);
  }

  private <T> T parse(Function<String, T> parser, String... aliases) {
    int i = headers.index(aliases);
    if (i < 0) {
      return null;
    }
    T value;
    try {
      value = parser.apply(record.cell(i));
    } catch (BadCell e) {
      throw reject(aliases, e.reason());
    }
    checkTwin(i, parser, value, aliases);
    return value;
  }

  private <T> T required(T value, String... aliases) {
    if (value == null) {
      throw reject(aliases, "missing required value");
    }
    return value;
  }
}
