package kefu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.text.DecimalFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

/**
 * Generated inputs for the cell and header parsers: every input yields a value (or null for a
 * blank) or a {@link BadCell} reason, never another exception; formatted values read back as
 * themselves.
 */
class ParserPropertiesTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Instant LATEST = Instant.parse("2030-01-01T00:00:00Z");
  private static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");

  /** Any text, or text built from the characters export numbers and dates are made of. */
  @Provide
  Arbitrary<String> cells() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().withChars("0123456789.,-+eE元¥￥ %=\"'/:年月日T").ofMaxLength(30),
        Arbitraries.strings().numeric().ofMaxLength(25),
        Arbitraries.of("", " ", "N/A", "-0", "1e309", "-1e309", "1e-400", "0e999999999",
            "1e2147483648", "NaN", "Infinity", "-", ".", "1..2", "1,2,3", "¥", "元", "=\"\"",
            "'", "2016/2/30", "2016/5/23 25:61", "9999-12-31 23:59:59", "0000-01-01",
            "42513.92", "2958466", "60", "1e5", "合计", "\uFEFF12"));
  }

  /** Value or BadCell; any other exception fails the property. */
  private static <T> T valueOrReason(Function<String, T> parser, String raw) {
    try {
      return parser.apply(raw);
    } catch (BadCell e) {
      assertNotNull(e.reason());
      assertTrue(!e.reason().isBlank());
      return null;
    }
  }

  @Property
  void moneyIsAnAmountInRangeOrAReason(@ForAll("cells") String raw) {
    BigDecimal v = valueOrReason(Cells::money, raw);
    if (v != null) {
      assertEquals(2, v.scale());
      assertTrue(v.signum() >= 0 && v.compareTo(MAX_MONEY) <= 0, v::toPlainString);
    }
  }

  @Property
  void formattedMoneyParsesBackToItself(
      @ForAll @BigRange(min = "0", max = "999999999999.99") @Scale(2) BigDecimal amount,
      @ForAll("moneyFormats") Function<BigDecimal, String> format) {
    assertEquals(amount.setScale(2), Cells.money(format.apply(amount)));
  }

  @Provide
  Arbitrary<Function<BigDecimal, String>> moneyFormats() {
    return Arbitraries.of(
        a -> a.toPlainString(),
        a -> new DecimalFormat("#,##0.00").format(a),
        a -> "¥" + a.toPlainString(),
        a -> "￥" + new DecimalFormat("#,##0.00").format(a),
        a -> a.toPlainString() + "元",
        a -> " " + a.toPlainString() + " 元 ",
        a -> "=\"" + a.toPlainString() + "\"",
        a -> "'" + a.toPlainString());
  }

  @Property
  void countsScoresRatesAndFlagsAreValuesOrReasons(@ForAll("cells") String raw) {
    Integer count = valueOrReason(Cells::count, raw);
    assertTrue(count == null || count >= 0);
    Integer score = valueOrReason(Cells::score, raw);
    assertTrue(score == null || (score >= 1 && score <= 5));
    valueOrReason(Cells::rate, raw);
    valueOrReason(Cells::yesNo, raw);
    valueOrReason(Cells::isSummary, raw);
  }

  @Property
  void idsAndTextAreTrimmedAndNeverBlank(@ForAll("cells") String raw) {
    String id = valueOrReason(Cells::id, raw);
    String text = Cells.text(raw);
    assertTrue(text == null || (!text.isBlank() && text.equals(text.strip())));
    assertTrue(id == null || id.equals(text));
  }

  @Property
  void timesAreValuesOrReasons(@ForAll("cells") String raw) {
    valueOrReason(s -> Cells.timestamp(s, SHANGHAI, false), raw);
    valueOrReason(s -> Cells.timestamp(s, SHANGHAI, true), raw);
    valueOrReason(s -> Cells.date(s, true), raw);
    valueOrReason(Cells::twitterTime, raw);
    Timestamp event = valueOrReason(s -> Cells.eventTime(s, SHANGHAI, true, LATEST), raw);
    assertTrue(event == null || !event.toInstant().isAfter(LATEST));
  }

  @Property
  void formattedLocalTimesParseBackToThemselves(
      @ForAll("localTimes") LocalDateTime t, @ForAll("timeFormats") String pattern) {
    String raw = t.format(DateTimeFormatter.ofPattern(pattern));
    assertEquals(t.atZone(SHANGHAI).toInstant(),
        Cells.eventTime(raw, SHANGHAI, false, LATEST).toInstant());
  }

  @Provide
  Arbitrary<LocalDateTime> localTimes() {
    return Arbitraries.longs().between(
            LocalDateTime.of(2000, 1, 1, 0, 0).toEpochSecond(java.time.ZoneOffset.UTC),
            LocalDateTime.of(2029, 12, 30, 0, 0).toEpochSecond(java.time.ZoneOffset.UTC))
        .map(s -> LocalDateTime.ofEpochSecond(s, 0, java.time.ZoneOffset.UTC));
  }

  @Provide
  Arbitrary<String> timeFormats() {
    return Arbitraries.of("yyyy/M/d H:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy年M月d日 H:mm:ss", "yyyy.MM.dd HH:mm:ss");
  }

  @Property
  void excelSerialsOfTheExportYearsReadAsTheirTime(@ForAll("localTimes") LocalDateTime t) {
    long seconds = java.time.temporal.ChronoUnit.SECONDS.between(
        LocalDateTime.of(1899, 12, 30, 0, 0), t);
    String serial = BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(86400),
        12, java.math.RoundingMode.HALF_UP).toPlainString();
    assertEquals(t, Cells.localDateTime(serial, true));
  }

  @Property
  void headerQuirksDoNotChangeWhatAHeaderMatches(
      @ForAll("headerNames") String name, @ForAll("headerQuirks") Function<String, String> quirk) {
    assertEquals(Headers.normalise(name), Headers.normalise(Headers.normalise(name)));
    Headers h = new Headers(List.of("其他列", quirk.apply(name)));
    assertEquals(1, h.index(name), () -> quirk.apply(name));
  }

  @Provide
  Arbitrary<String> headerNames() {
    return Arbitraries.oneOf(
        Arbitraries.of("订单编号", "买家实际支付金额", "订单付款时间", "手工退款/系统退款", "agent_id",
            "部分退款/全部退款", "退款的申请时间", "宝贝与描述相符"),
        Arbitraries.strings().withCharRange('\u4e00', '\u4fff').ofMinLength(1).ofMaxLength(8));
  }

  @Provide
  Arbitrary<Function<String, String>> headerQuirks() {
    return Arbitraries.of(
        s -> s,
        s -> "\uFEFF" + s,
        s -> "=\"" + s + "\"",
        s -> " " + s + " ",
        s -> s + "\u3000",
        s -> "（" + s + "）",
        s -> s.toUpperCase(java.util.Locale.ROOT));
  }

  @Property(tries = 300)
  void anyHeaderRowAnswersLookupsAndMismatchMessages(
      @ForAll @Size(max = 12) List<@net.jqwik.api.constraints.StringLength(max = 30) String> cells,
      @ForAll("cells") String wanted) {
    Headers h = new Headers(cells);
    int i = h.index(wanted);
    assertTrue(i >= -1 && i < cells.size());
    String closest = h.closestTo(wanted);
    assertTrue(cells.isEmpty() || closest != null);
    for (String table : Ingest.TABLES) {
      if (SourceFormat.detect(table, h) == null) {
        String message = SourceFormat.mismatch(table, h);
        assertTrue(message.contains("headers found: "), message);
      }
    }
  }

  @Property
  void quotedCsvRecordsReadBackAsWritten(
      @ForAll @Size(min = 1, max = 5) List<@Size(min = 1, max = 6) List<String>> rows) {
    StringBuilder csv = new StringBuilder();
    for (List<String> row : rows) {
      List<String> quoted = new ArrayList<>();
      for (String cell : row) {
        quoted.add("\"" + cell.replace("\"", "\"\"") + "\"");
      }
      csv.append(String.join(",", quoted)).append("\r\n");
    }
    List<List<String>> back = new ArrayList<>();
    new CsvReader(new StringReader(csv.toString())).forEachRemaining(r -> {
      assertEquals(null, r.problem());
      back.add(r.cells());
    });
    assertEquals(rows, back);
  }

  @Property(tries = 200)
  void anyTextIsReadAsRecordsWithoutThrowing(@ForAll("csvText") String text) {
    long lines = text.chars().filter(c -> c == '\n').count() + 1;
    new CsvReader(new StringReader(text)).forEachRemaining(r -> {
      assertTrue(r.line() >= 1 && r.line() <= lines);
      assertTrue(r.cells().size() >= 1);
    });
  }

  @Provide
  Arbitrary<String> csvText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("a,\"\r\n 元").ofMaxLength(200),
        Arbitraries.strings().ofMaxLength(200));
  }

  /** A date parse must stay linear: padding cannot make the time pattern backtrack for ever. */
  @Example
  void paddedTimesFailFast() {
    String padded = "2016-5-23" + " ".repeat(CsvReader.MAX_CELL_CHARS - 20) + "x";
    assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
        valueOrReason(s -> Cells.timestamp(s, SHANGHAI, true), padded));
  }
}
