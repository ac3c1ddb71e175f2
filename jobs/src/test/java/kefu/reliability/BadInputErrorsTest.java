package kefu.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import kefu.ingest.Ingest;
import kefu.ingest.InputError;
import kefu.ingest.InputPaths;
import kefu.testing.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corpus cases that must stop the run with one clear line (the CLI exits 1): the message names
 * the file, the line, what was expected and what was found.
 */
class BadInputErrorsTest {
  @TempDir Path dir;

  private String errorOf(Path ordersFile) {
    InputError e = assertThrows(InputError.class, () -> Ingest.run(SparkTestSession.get(),
        new InputPaths(List.of(ordersFile.toString()), null, null, null, null), Corpus.options(),
        dir.resolve("out/canonical").toString(), dir.resolve("out/rejects").toString()));
    String message = e.getMessage();
    assertFalse(message.contains("\n"), message);
    assertTrue(message.contains(ordersFile.getFileName().toString()), message);
    return message;
  }

  private static void assertHas(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), () -> "'" + part + "' not in: " + message);
    }
  }

  @Test
  void emptyFile() {
    String m = errorOf(Corpus.copy("errors/empty.csv", dir));
    assertHas(m, "empty.csv line 1: expected the header row of an orders export",
        "found no non-blank row (0 bytes)");
  }

  @Test
  void binaryGarbageNamedCsv() {
    String m = errorOf(Corpus.binaryGarbage(dir.resolve("garbage.csv"), true));
    assertHas(m, "garbage.csv: binary data (NUL bytes), expected a CSV text export");
  }

  @Test
  void binaryGarbageWithoutNulBytes() {
    String m = errorOf(Corpus.binaryGarbage(dir.resolve("noise.csv"), false));
    assertHas(m, "noise.csv: bytes are neither UTF-8 nor GBK/GB18030 text");
  }

  @Test
  void mojibakeGbkReadAsUtf8AndSaved() {
    String m = errorOf(Corpus.copy("errors/mojibake.csv", dir));
    assertHas(m, "mojibake.csv line 1: headers look garbled",
        "headers match no known orders format", "headers found: \uFFFD");
  }

  @Test
  void mojibakeGbkReadAsLatin1AndSaved() {
    String m = errorOf(Corpus.copy("errors/mojibake_latin1.csv", dir));
    assertHas(m, "mojibake_latin1.csv line 1: headers look garbled", "¶©µ¥±àºÅ");
  }

  @Test
  void requiredColumnMissingListsHeadersAndClosestName() {
    String m = errorOf(Corpus.copy("errors/missing_column.csv", dir));
    assertHas(m, "missing_column.csv line 1: headers match no known orders format",
        "closest is order_report which needs column 买家实际支付金额 | 买家实付金额",
        "closest header found: '买家实付款'",
        "headers found: 订单编号, 买家会员名, 买家实付款, 订单状态, 买家下单时间, 买家付款时间");
  }

  @Test
  void orderExportWithoutPaymentTimeStopsInsteadOfReportingNoSales() {
    // its rows paid 128.00 and 59.90; read without a payment time they would be unpaid orders
    String m = errorOf(Corpus.copy("errors/missing_payment_time.csv", dir));
    assertHas(m, "missing_payment_time.csv line 1: headers match no known orders format",
        "closest is order_report which needs column 订单付款时间 | 买家付款时间 (the payment time:"
            + " without it no order could count as paid)",
        "headers found: 订单编号, 买家会员名, 买家实际支付金额, 订单状态, 订单创建时间, 店铺名称");
  }

  @Test
  void unknownRenameOfARequiredHeader() {
    String m = errorOf(Corpus.copy("errors/renamed_unknown.csv", dir));
    assertHas(m, "renamed_unknown.csv line 1: headers match no known orders format",
        "needs column 订单编号", "closest header found: '订单号'");
  }

  @Test
  void workbookWithOrdersOnTwoSheets() {
    String m = errorOf(Corpus.twoOrderSheets(dir.resolve("two_sheets.xlsx")));
    assertHas(m, "two_sheets.xlsx: cannot read .xlsx workbook (sheets 1 and 2 both hold orders"
        + " headers; expected one data sheet per workbook");
  }

  @Test
  void gzippedExportCutShort() {
    String m = errorOf(Corpus.gzip(dir.resolve("orders.csv.gz"),
        Corpus.bytes("orders/encoding_gbk_no_bom.csv"), 0.6));
    assertHas(m, "orders.csv.gz: corrupt or truncated gzip data (", "download the export again");
  }

  @Test
  void gzippedWorkbook() throws Exception {
    byte[] workbook = java.nio.file.Files.readAllBytes(Corpus.workbook(dir.resolve("w.xlsx")));
    String m = errorOf(Corpus.gzip(dir.resolve("orders.xlsx.gz"), workbook, 1));
    assertHas(m, "orders.xlsx.gz: a gzip-compressed xlsx file; only CSV exports are read "
        + "compressed, decompress it first");
  }

  @Test
  void zipBombIsRefusedByPoiLimits() {
    String m = errorOf(Corpus.zipBomb(dir.resolve("bomb.xlsx")));
    assertHas(m, "bomb.xlsx: cannot read .xlsx workbook (", "Zip bomb");
  }
}
