package kefu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CellsTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "12.5|12.50", "1,234.56元|1234.56", "¥ 99|99.00", "￥1，000|1000.00", "0|0.00",
      "=\"36.80\"|36.80", "'15|15.00", "2.005|2.01", "1.5e3|1500.00", " 7 元 |7.00",
      // bare amounts, read without the clean-up
      ".5|0.50", "5.|5.00", "007.125|7.13", "999999999999.994|999999999999.99"})
  void moneyStripsCurrencyMarksAndRoundsHalfUp(String raw, String expected) {
    assertEquals(new BigDecimal(expected), Cells.money(raw));
  }

  @ParameterizedTest
  @ValueSource(strings = {"N/A", "-5", "1e309", "abc", "12.3.4", "--", "NaN", "Infinity", ".",
      "1000000000000", "999999999999.995"})
  void moneyRejectsWhatIsNotAnAmount(String raw) {
    assertThrows(BadCell.class, () -> Cells.money(raw));
  }

  @Test
  void blankMoneyIsNull() {
    assertNull(Cells.money("  "));
    assertNull(Cells.money(null));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "2016/5/23 22:02|2016-05-23T14:02:00Z", "2016-05-23 22:02:07|2016-05-23T14:02:07Z",
      "2020/2/21|2020-02-20T16:00:00Z", "2020年2月21日 0:00|2020-02-20T16:00:00Z",
      "=\"2016-05-23 22:02:07\"|2016-05-23T14:02:07Z", "2016-05-23T22:02:07.5|2016-05-23T14:02:07.500Z",
      "2016/05/23 22:02:07|2016-05-23T14:02:07Z", "2016.05-23T22:02:07|2016-05-23T14:02:07Z",
      "2016-5-23  22:02:07|2016-05-23T14:02:07Z"})
  void localTimesAreReadInTheShopZone(String raw, String instant) {
    assertEquals(Timestamp.from(Instant.parse(instant)), Cells.timestamp(raw, SHANGHAI, false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2016/2/30 10:00", "2016-13-01", "2016/5/23 25:00", "23/05/2016",
      "42513.5", "yesterday", "2016-02-30 10:00:00", "2016-05-23 22:61:07", "2016-05-2x 22:02:07",
      "2016-05-23 22:02:07Z"})
  void impossibleOrUnknownTimesAreRejectedInCsv(String raw) {
    assertThrows(BadCell.class, () -> Cells.timestamp(raw, SHANGHAI, false));
  }

  @Test
  void excelSerialsAreReadOnlyWhenAllowed() {
    // 42513.918055... = 2016-05-23 22:02 local
    assertEquals(Timestamp.from(Instant.parse("2016-05-23T14:02:00Z")),
        Cells.timestamp("42513.91805555556", SHANGHAI, true));
    assertEquals(LocalDate.of(2024, 3, 1), Cells.date("45352", true));
    assertThrows(BadCell.class, () -> Cells.timestamp("-3", SHANGHAI, true));
  }

  @Test
  void twitterTimesCarryTheirOffset() {
    assertEquals(Timestamp.from(Instant.parse("2017-10-31T22:10:47Z")),
        Cells.twitterTime("Tue Oct 31 22:10:47 +0000 2017"));
    assertThrows(BadCell.class, () -> Cells.twitterTime("2017-10-31"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "=\"123456789012\"|123456789012", "'18600000000|18600000000", " A-1 |A-1",
      "\uFEFF77|77"})
  void idsLoseTheirTextGuards(String raw, String expected) {
    assertEquals(expected, Cells.id(raw));
  }

  @Test
  void idsMangledToScientificNotationAreRejected() {
    assertThrows(BadCell.class, () -> Cells.id("1.23457E+17"));
  }

  @Test
  void ratesAcceptPercentOrFraction() {
    assertEquals(0, new BigDecimal("0.953").compareTo(Cells.rate("95.3%")));
    assertEquals(0, new BigDecimal("0.953").compareTo(Cells.rate("0.953")));
    assertThrows(BadCell.class, () -> Cells.rate("高"));
  }

  @Test
  void scoresAreWholeNumbersOneToFive() {
    assertEquals(5, Cells.score("5"));
    assertEquals(4, Cells.score("4.0"));
    assertThrows(BadCell.class, () -> Cells.score("4.5"));
    assertThrows(BadCell.class, () -> Cells.score("0"));
    assertThrows(BadCell.class, () -> Cells.score("6"));
  }

  @Test
  void summaryRowsAreRecognised() {
    assertTrue(Cells.isSummary("合计"));
    assertTrue(Cells.isSummary(" 汇总： "));
    assertTrue(Cells.isSummary("均值"));
    assertFalse(Cells.isSummary("合计金额很高的订单"));
    assertFalse(Cells.isSummary("买家"));
    assertTrue(Cells.isSummary("小计:"));
    assertFalse(Cells.isSummary(null));
  }

  @Test
  void yesNo() {
    assertEquals(Boolean.TRUE, Cells.yesNo("是"));
    assertEquals(Boolean.FALSE, Cells.yesNo("否"));
    assertEquals(Boolean.TRUE, Cells.yesNo("True"));
    assertThrows(BadCell.class, () -> Cells.yesNo("也许"));
  }
}
