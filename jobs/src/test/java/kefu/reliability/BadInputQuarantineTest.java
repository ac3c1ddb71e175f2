package kefu.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kefu.ingest.FileReconciliation;
import kefu.ingest.Ingest;
import kefu.ingest.IngestedTables;
import kefu.ingest.InputPaths;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corpus cases whose bad rows are quarantined (or that are valid after all): all files go
 * through ONE {@link Ingest#run} (order ids are unique per file), then each test checks its
 * file: which lines were rejected, in which column, why, what was accepted, and that rows read =
 * accepted + rejected in the file reconciliation.
 */
class BadInputQuarantineTest {
  @TempDir static Path dir;
  static IngestedTables t;
  /** file name -> line -> "column|reason". */
  static final Map<String, Map<Long, String>> REJECTS = new HashMap<>();
  static final Map<String, Row> ORDERS = new HashMap<>();
  static final Map<String, FileReconciliation> FILES = new HashMap<>();

  @BeforeAll
  static void ingestCorpus() {
    Path in = dir.resolve("in");
    for (String name : List.of("header_only", "encoding_gbk_no_bom", "encoding_utf8_bom",
        "numbers", "dates", "same_order_twice", "formula_text", "duplicated_header",
        "renamed_known", "refund_orders")) {
      Corpus.copy("orders/" + name + ".csv", in);
    }
    Corpus.bigCell(in.resolve("orders/big_cell.csv"));
    Corpus.longLines(in.resolve("orders/long_lines.csv"));
    Corpus.workbook(in.resolve("orders/workbook.xlsx"));
    Path refunds = Corpus.copy("refunds/refunds.csv", in);
    Path chats = Corpus.copy("chats/chats.csv", in);
    long start = System.nanoTime();
    t = Ingest.run(SparkTestSession.get(), new InputPaths(
            List.of(in.resolve("orders").toString()), List.of(refunds.toString()), null,
            List.of(chats.toString()), null),
        Corpus.options(), dir.resolve("out/canonical").toString(),
        dir.resolve("out/rejects").toString());
    System.out.println("corpus ingest took " + (System.nanoTime() - start) / 1_000_000 + " ms");
    for (Row r : t.rejects().collectAsList()) {
      REJECTS.computeIfAbsent(name(r.getString(1)), k -> new TreeMap<>())
          .put(r.getLong(2), r.getString(3) + "|" + r.getString(5)
              + (r.isNullAt(6) ? "" : " [" + r.getString(6) + "]"));
    }
    for (Row r : t.orders().collectAsList()) {
      ORDERS.put(r.getAs("order_id"), r);
    }
    for (FileReconciliation f : t.files()) {
      FILES.put(name(f.file()), f);
    }
  }

  private static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The rejects of {@code file} exactly, and its reconciliation: read = accepted + rejected. */
  private static void assertFile(String file, long accepted, Map<Long, String> rejects) {
    assertEquals(rejects, REJECTS.getOrDefault(file, Map.of()), file);
    FileReconciliation f = FILES.get(file);
    assertEquals(accepted, f.rowsAccepted(), file + " accepted");
    assertEquals(rejects.size(), f.rowsRejected(), file + " rejected");
    assertEquals(f.rowsRead(), f.rowsAccepted() + f.rowsRejected(), file + " read");
  }

  private static BigDecimal paid(String orderId) {
    return ORDERS.get(orderId).getAs("amount_paid");
  }

  @Test
  void headerOnlyFileIsValidAndEmpty() {
    assertFile("header_only.csv", 0, Map.of());
    assertEquals(0, FILES.get("header_only.csv").rowsRead());
  }

  @Test
  void gbkWithoutBomAndUtf8WithBomGiveTheSameRows() {
    assertFile("encoding_gbk_no_bom.csv", 2, Map.of());
    assertFile("encoding_utf8_bom.csv", 2, Map.of());
    assertEquals("GB18030", FILES.get("encoding_gbk_no_bom.csv").encoding());
    assertEquals("UTF-8 (BOM)", FILES.get("encoding_utf8_bom.csv").encoding());
    for (String n : List.of("1", "2")) {
      Row g = ORDERS.get("G" + n);
      Row u = ORDERS.get("U" + n);
      for (String column : List.of("buyer_key", "amount_paid", "created_at", "paid_at",
          "status", "shop_id")) {
        assertEquals((Object) g.getAs(column), u.getAs(column), column);
      }
    }
    assertEquals("交易成功", ORDERS.get("G1").getAs("status"));
    assertEquals(new BigDecimal("1059.90"), paid("U2"));
  }

  @Test
  void numbers() {
    assertFile("numbers.csv", 5, Map.of(
        5L, "买家实付金额|not an amount, expected yuan like 12.50",
        7L, "买家实付金额|money out of range, expected an amount in yuan",
        8L, "买家实付金额|negative amount",
        9L, "买家实付金额|amount too large for decimal(14,2)"));
    assertEquals(new BigDecimal("1234.50"), paid("N1"));
    assertEquals(new BigDecimal("12.50"), paid("N2"));
    assertEquals(new BigDecimal("12.50"), paid("N3"));
    assertEquals(new BigDecimal("0.00"), paid("N5"));
    // Absurd but representable: accepted as written (outlier checks belong to analysis).
    assertEquals(new BigDecimal("1000000000.00"), paid("N9"));
  }

  @Test
  void dates() {
    assertFile("dates.csv", 1, Map.of(
        2L, "买家下单时间|impossible date or time",
        3L, "买家下单时间|impossible date or time",
        4L, "买家下单时间|time in the future (after "
            + FILES_LATEST() + "), expected a time that has happened",
        5L, "买家下单时间|time before 2000-01-01, expected a time of an online-shop event",
        6L, "买家付款时间|paid before the order was created [created 2016/5/23 22:05]",
        7L, "买家下单时间|expected a time like YYYY/M/D H:mm[:ss] or YYYY-MM-DD HH:mm:ss"));
    assertEquals(java.sql.Timestamp.valueOf("2016-05-23 14:02:00"),
        ORDERS.get("D7").getAs("created_at"));
  }

  /** The latest acceptable date as the reject reason prints it (the run's clock plus a day). */
  private static String FILES_LATEST() {
    String reason = REJECTS.get("dates.csv").get(4L);
    int at = reason.indexOf("(after ") + 7;
    String date = reason.substring(at, at + 10);
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    assertTrue(!java.time.LocalDate.parse(date).isBefore(today), date);
    return date;
  }

  @Test
  void sameOrderTwiceKeepsTheFirst() {
    assertFile("same_order_twice.csv", 1, Map.of(3L, "order_id|duplicate order"));
    assertEquals(2L, (long) ORDERS.get("S1").<Long>getAs("source_line"));
  }

  @Test
  void formulaLikeTextStaysText() {
    assertFile("formula_text.csv", 5, Map.of());
    assertEquals("=1+1", ORDERS.get("F1").getAs("status"));
    assertEquals("+86 138", ORDERS.get("F2").getAs("status"));
    assertEquals("-1", ORDERS.get("F3").getAs("status"));
    assertEquals("@SUM(A1)", ORDERS.get("F4").getAs("status"));
    assertEquals("=HYPERLINK(\"http://x\",\"y\")", ORDERS.get("F5").getAs("status"));
  }

  @Test
  void duplicatedHeaderWithDifferentValuesIsRejected() {
    assertFile("duplicated_header.csv", 1, Map.of(
        3L, "买家实付金额|column appears twice in the header (columns 3 and 9) with different values"));
    assertEquals(new BigDecimal("10.00"), paid("DH1"));
  }

  @Test
  void knownRenamesAndHeaderQuirksAreRead() {
    assertFile("renamed_known.csv", 1, Map.of());
    assertEquals(new BigDecimal("10.00"), paid("K1"));
  }

  @Test
  void tenMegabyteCellIsRejectedWithBoundedMemory() {
    assertFile("big_cell.csv", 1, Map.of(
        2L, "null|cell longer than 32767 characters (Excel's limit), expected a value of an export"));
    assertTrue(ORDERS.containsKey("BC2"));
  }

  @Test
  void oneMegabyteLinesAreRejected() {
    assertFile("long_lines.csv", 1, Map.of(
        2L, "null|record has 500008 cells, more than Excel's 16384 columns",
        3L, "null|cell longer than 32767 characters (Excel's limit), expected a value of an export"));
    assertTrue(ORDERS.containsKey("LL3"));
  }

  @Test
  void workbookWithNotesSheetMergedTitleFormulasAndSerialDates() {
    assertFile("workbook.xlsx", 2, Map.of(
        4L, "买家实付金额|missing required value",
        5L, "买家实付金额|not an amount, expected yuan like 12.50"));
    assertEquals(new BigDecimal("100.00"), paid("X1"));
    assertEquals(java.sql.Timestamp.valueOf("2016-05-23 14:02:00"),
        ORDERS.get("X1").getAs("created_at"));
    assertEquals(java.sql.Timestamp.valueOf("2016-05-23 14:05:00"),
        ORDERS.get("X1").getAs("paid_at"));
    assertEquals("=1+1", ORDERS.get("X4").getAs("status"));
  }

  @Test
  void refundsForUnknownOrdersOrAboveThePaymentAreRejected() {
    assertFile("refund_orders.csv", 2, Map.of());
    assertFile("refunds.csv", 1, Map.of(
        3L, "order_id|refund for unknown order",
        4L, "amount|refund exceeds amount paid for the order [order paid 50.00]",
        5L, "退款完结时间|refund completed before it was requested [requested 2016/5/26 10:00]",
        6L, "refund_id|duplicate refund"));
  }

  @Test
  void chats() {
    assertFile("chats.csv", 3, Map.of(
        5L, "买家昵称|message without buyer",
        6L, "发送方|expected 买家, 客服 or 机器人"));
    List<String> agents = new ArrayList<>();
    for (Row r : t.chats().orderBy("sent_at").collectAsList()) {
      agents.add(r.getAs("agent_id"));
    }
    // Out of file order is fine (sent_at orders them); an agent missing from the roster is kept.
    assertEquals(java.util.Arrays.asList(
        "旗舰店:小美", null, "旗舰店:不存在的客服"), agents);
    assertNull(t.chats().first().getAs("text"));
  }
}
