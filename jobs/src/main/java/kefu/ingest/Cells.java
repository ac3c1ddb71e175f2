package kefu.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads export cells (domain brief Part 2 §2.6 quirks): text guards {@code ="…"} and {@code '},
 * money with 元/¥/thousands separators, local times, Excel serials, percent rates. Blank gives
 * null; anything unreadable throws {@link BadCell}, never a silent null.
 */
public final class Cells {
  private Cells() {}

  static final Set<String> SUMMARY_WORDS = Set.of("汇总", "合计", "总计", "均值", "总合计", "小计");
  private static final String SUMMARY_FIRST_CHARS = SUMMARY_WORDS.stream()
      .map(w -> w.substring(0, 1)).distinct().collect(java.util.stream.Collectors.joining());
  /** Below the lowest of those characters (ids, times, amounts) a cell's chars are skipped. */
  private static final char SUMMARY_LOWEST_CHAR = (char) SUMMARY_FIRST_CHARS.chars().min()
      .orElseThrow();
  private static final Pattern SCIENTIFIC = Pattern.compile("[0-9]+(\\.[0-9]+)?[eE][+-]?[0-9]+");
  private static final Pattern LOCAL_TIME = Pattern.compile(
      "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?:\\s*日)?"
          + "(?:(?:\\s+|T)(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?)?");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u3000]");
  private static final Pattern COLONS_AND_SPACES = Pattern.compile("[:：\\s]");
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final DateTimeFormatter TWITTER_TIME =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);
  private static final LocalDateTime EXCEL_EPOCH = LocalDateTime.of(1899, 12, 30, 0, 0);
  private static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");

  /** Trimmed text without BOM, {@code ="…"} or leading {@code '} guards; blank gives null. */
  public static String text(String raw) {
    if (raw == null) {
      return null;
    }
    String s = strip(raw);
    if (s.startsWith("=\"") && s.endsWith("\"") && s.length() >= 3) {
      s = strip(s.substring(2, s.length() - 1));
    } else if (s.startsWith("'")) {
      s = strip(s.substring(1));
    }
    return s.isEmpty() ? null : s;
  }

  /** An identifier; Excel's scientific mangling of long ids ({@code 1.23E+17}) is rejected. */
  public static String id(String raw) {
    String s = text(raw);
    if (s != null && hasExponentMark(s) && SCIENTIFIC.matcher(s).matches()) {
      throw new BadCell("id in scientific notation (mangled by Excel), expected digits");
    }
    return s;
  }

  /** Yuan, scale 2 (HALF_UP); strips 元, ¥, ￥, thousands separators; rejects negative. */
  public static BigDecimal money(String raw) {
    String s = text(raw);
    if (s == null) {
      return null;
    }
    // Nearly every cell of an export is a bare amount like 128.50: read it without the clean-up
    // (up to 20 characters, so an absurdly long one still gets the range check's message).
    BigDecimal value = s.length() <= 20 && isUnsignedDecimal(s) ? new BigDecimal(s)
        : anyAmount(s);
    value = value.setScale(2, RoundingMode.HALF_UP);
    if (value.compareTo(MAX_MONEY) > 0) {
      throw new BadCell("amount too large for decimal(14,2)");
    }
    return value;
  }

  /** An amount as shops write it: 元, ¥, RMB, thousands separators, spaces, an exponent. */
  private static BigDecimal anyAmount(String s) {
    String n = s.replace("元", "").replace("¥", "").replace("￥", "").replace("RMB", "")
        .replace(",", "").replace("，", "");
    n = SPACES.matcher(n).replaceAll("");
    BigDecimal value;
    try {
      if (!PLAIN_NUMBER.matcher(n).matches() && !SCIENTIFIC.matcher(n).matches()) {
        throw new NumberFormatException();
      }
      double check = Double.parseDouble(n);
      if (Double.isNaN(check) || Double.isInfinite(check)) {
        throw new BadCell("money out of range, expected an amount in yuan");
      }
      value = new BigDecimal(n);
    } catch (NumberFormatException e) {
      throw new BadCell("not an amount, expected yuan like 12.50");
    }
    if (value.signum() < 0) {
      throw new BadCell("negative amount");
    }
    return value;
  }

  /** Digits with at most one decimal point ({@code 12}, {@code 12.5}, {@code .5}, {@code 12.}). */
  private static boolean isUnsignedDecimal(String s) {
    boolean digit = false;
    boolean point = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        return false;
      }
    }
    return digit;
  }

  /** Excel's scientific form needs an exponent mark; most ids are ruled out without the regex. */
  private static boolean hasExponentMark(String s) {
    return s.indexOf('e') >= 0 || s.indexOf('E') >= 0;
  }

  /** A whole number ({@code 3} or {@code 3.0}); rejects fractions and negatives. */
  public static Integer count(String raw) {
    String s = text(raw);
    if (s == null) {
      return null;
    }
    s = s.replace(",", "");
    try {
      BigDecimal d = new BigDecimal(s);
      if (d.signum() < 0) {
        throw new BadCell("negative count");
      }
      return d.intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new BadCell("not a whole number");
    }
  }

  /** A DSR score: whole number 1 to 5. */
  public static Integer score(String raw) {
    Integer v;
    try {
      v = count(raw);
    } catch (BadCell e) {
      throw new BadCell("score must be a whole number 1-5");
    }
    if (v != null && (v < 1 || v > 5)) {
      throw new BadCell("score must be a whole number 1-5");
    }
    return v;
  }

  /** A rate as a fraction: {@code 95.3%} or {@code 0.953}. */
  public static BigDecimal rate(String raw) {
    String s = text(raw);
    if (s == null) {
      return null;
    }
    boolean percent = s.endsWith("%") || s.endsWith("％");
    String n = percent ? s.substring(0, s.length() - 1).trim() : s;
    try {
      if (!PLAIN_NUMBER.matcher(n).matches()) {
        throw new NumberFormatException();
      }
      BigDecimal v = new BigDecimal(n);
      return percent ? v.movePointLeft(2) : v;
    } catch (NumberFormatException e) {
      throw new BadCell("not a rate, expected 95.3% or 0.953");
    }
  }

  /**
   * What a 千牛 export shows for a metric not computed yet (domain brief 1.3, 2.5): the figure is
   * unknown, as a blank cell is, never 0.
   */
  public static final String DELAYED = "延迟统计";

  /** The cell of an export's metric: null when blank, {@link #DELAYED} or a dash. */
  public static String statedMetric(String raw) {
    String s = text(raw);
    return s == null || DELAYED.equals(s) || "-".equals(s) || "--".equals(s) ? null : s;
  }

  private static final Pattern CLOCK =
      Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{1,2}(?:\\.\\d+)?)");
  private static final Pattern SECONDS = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:秒|s|S)?");

  /**
   * A duration in seconds: {@code 12.5} (or {@code 12.5秒}, {@code 12.5s}), or a clock
   * {@code 00:01:05} / {@code 01:05} (minutes:seconds), as exports write them both.
   */
  public static Double seconds(String raw) {
    String s = text(raw);
    if (s == null) {
      return null;
    }
    Matcher plain = SECONDS.matcher(s);
    if (plain.matches()) {
      return Double.valueOf(plain.group(1));
    }
    Matcher clock = CLOCK.matcher(s);
    if (clock.matches()) {
      int minutes = Integer.parseInt(clock.group(2));
      double secs = Double.parseDouble(clock.group(3));
      if (minutes >= 60 && clock.group(1) != null || secs >= 60) {
        throw new BadCell("not a duration, expected seconds like 12.5 or a time like 00:01:05");
      }
      long hours = clock.group(1) == null ? 0 : Long.parseLong(clock.group(1));
      return hours * 3600 + minutes * 60 + secs;
    }
    throw new BadCell("not a duration, expected seconds like 12.5 or a time like 00:01:05");
  }

  /** 是/否, true/false, yes/no, 1/0. */
  public static Boolean yesNo(String raw) {
    String s = text(raw);
    if (s == null) {
      return null;
    }
    switch (s.toLowerCase(Locale.ROOT)) {
      case "是": case "true": case "yes": case "y": case "1": case "需要":
        return Boolean.TRUE;
      case "否": case "false": case "no": case "n": case "0": case "不需要":
        return Boolean.FALSE;
      default:
        throw new BadCell("expected 是/否");
    }
  }

  /**
   * A local time ({@code 2016/5/23 22:02}, {@code 2016-05-23 22:02:07}, date only = midnight) in
   * {@code zone}; with {@code excelSerial}, also an Excel serial day number (XLSX cells).
   */
  public static Timestamp timestamp(String raw, ZoneId zone, boolean excelSerial) {
    LocalDateTime local = localDateTime(raw, excelSerial);
    return local == null ? null : Timestamp.from(local.atZone(zone).toInstant());
  }

  /** No shop export holds events before this; earlier times are typos or epoch defaults. */
  static final LocalDateTime EARLIEST_EVENT = LocalDateTime.of(2000, 1, 1, 0, 0);

  /**
   * A {@link #timestamp} of something that happened: not before {@link #EARLIEST_EVENT}, not
   * after {@code latest} (the run's clock plus a day).
   */
  public static Timestamp eventTime(String raw, ZoneId zone, boolean excelSerial,
      java.time.Instant latest) {
    LocalDateTime local = localDateTime(raw, excelSerial);
    if (local == null) {
      return null;
    }
    if (local.isBefore(EARLIEST_EVENT)) {
      throw new BadCell("time before " + EARLIEST_EVENT.toLocalDate()
          + ", expected a time of an online-shop event");
    }
    java.time.Instant t = local.atZone(zone).toInstant();
    if (t.isAfter(latest)) {
      throw new BadCell("time in the future (after " + latest.atZone(zone).toLocalDate()
          + "), expected a time that has happened");
    }
    return Timestamp.from(t);
  }

  /** A calendar date (time of day, if any, must be midnight-insensitive: it is dropped). */
  public static LocalDate date(String raw, boolean excelSerial) {
    LocalDateTime local = localDateTime(raw, excelSerial);
    return local == null ? null : local.toLocalDate();
  }

  /** Twitter's {@code Tue Oct 31 22:10:47 +0000 2017}: the offset is explicit. */
  public static Timestamp twitterTime(String raw) {
    String s = text(raw);
    if (s == null) {
      return null;
    }
    try {
      return Timestamp.from(ZonedDateTime.parse(s, TWITTER_TIME).toInstant());
    } catch (DateTimeParseException e) {
      throw new BadCell("expected a time like Tue Oct 31 22:10:47 +0000 2017");
    }
  }

  static LocalDateTime localDateTime(String raw, boolean excelSerial) {
    String s = text(raw);
    if (s == null) {
      return null;
    }
    LocalDateTime plain = exportTime(s);
    if (plain != null) {
      return plain;
    }
    Matcher m = LOCAL_TIME.matcher(s);
    if (m.matches()) {
      try {
        LocalDateTime t = LocalDateTime.of(
            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)),
            m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
            m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        if (m.group(7) != null) {
          String nanos = (m.group(7) + "000000000").substring(0, 9);
          t = t.withNano(Integer.parseInt(nanos));
        }
        return t;
      } catch (DateTimeException e) {
        throw new BadCell("impossible date or time");
      }
    }
    if (excelSerial && PLAIN_NUMBER.matcher(s).matches()) {
      return excelSerial(new BigDecimal(s));
    }
    throw new BadCell("expected a time like YYYY/M/D H:mm[:ss] or YYYY-MM-DD HH:mm:ss");
  }

  /**
   * The export's own {@code yyyy-MM-dd HH:mm:ss} (or {@code /} or {@code .} separated) read
   * without the regex, as nearly every time cell of a large export is; other shapes give null
   * and go through {@link #LOCAL_TIME}.
   */
  private static LocalDateTime exportTime(String s) {
    if (s.length() != 19 || !isDateSeparator(s.charAt(4)) || !isDateSeparator(s.charAt(7))
        || (s.charAt(10) != ' ' && s.charAt(10) != 'T') || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second);
    } catch (DateTimeException e) {
      throw new BadCell("impossible date or time");
    }
  }

  private static boolean isDateSeparator(char c) {
    return c == '-' || c == '/' || c == '.';
  }

  /** The ASCII digits {@code s[from, from + count)} as a number, or -1 if one is not a digit. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static LocalDateTime excelSerial(BigDecimal serial) {
    // Day 60 is Excel's phantom 1900-02-29; serials >= 61 map exactly from 1899-12-30.
    if (serial.compareTo(BigDecimal.valueOf(61)) < 0
        || serial.compareTo(BigDecimal.valueOf(2958466)) >= 0) {
      throw new BadCell("Excel date serial out of range");
    }
    long seconds = serial.multiply(BigDecimal.valueOf(86400))
        .setScale(0, RoundingMode.HALF_UP).longValueExact();
    return EXCEL_EPOCH.plusSeconds(seconds);
  }

  /** True when the cell marks a summary row (合计, 汇总, 总计, 均值), not a record. */
  public static boolean isSummary(String raw) {
    String s = text(raw);
    if (s == null) {
      return false;
    }
    if (!mayBeSummary(s)) {
      return false;
    }
    s = COLONS_AND_SPACES.matcher(s).replaceAll("");
    return SUMMARY_WORDS.contains(s);
  }

  /** A summary cell holds a summary word's first character: most cells are ruled out fast. */
  private static boolean mayBeSummary(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= SUMMARY_LOWEST_CHAR && SUMMARY_FIRST_CHARS.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isBlank(s.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isBlank(char c) {
    return Character.isWhitespace(c) || c == '\uFEFF' || c == '\u00a0' || c == '\u3000';
  }
}
