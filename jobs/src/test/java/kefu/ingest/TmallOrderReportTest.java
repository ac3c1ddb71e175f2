package kefu.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Tmall export, checked against a plain-Java computation over the same file. */
class TmallOrderReportTest {
  @TempDir Path out;

  @Test
  void realTmallExportIngestsToTheCentAndReconciles() throws Exception {
    Path file = IngestFixtures.sharedDir().resolve("data/tmall_order_report/tmall_order_report.csv");
    long orders = 0;
    long paid = 0;
    BigDecimal paidSum = BigDecimal.ZERO;
    BigDecimal refundSum = BigDecimal.ZERO;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      assertTrue(header.contains("买家实际支付金额"));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        assertFalse(line.contains("\""), "the plain-Java check assumes unquoted fields");
        String[] f = line.split(",", -1);
        orders++;
        if (!f[5].isBlank()) {
          paid++;
        }
        paidSum = paidSum.add(new BigDecimal(f[2].trim()));
        refundSum = refundSum.add(new BigDecimal(f[6].trim()));
      }
    }
    String sha = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));

    SparkSession spark = SparkTestSession.get();
    IngestedTables t = Ingest.run(spark, IngestFixtures.orders(file),
        IngestFixtures.options(false), out.resolve("canonical").toString(),
        out.resolve("rejects").toString());

    assertEquals(0, t.rejects().count());
    assertEquals(orders, t.orders().count());
    assertEquals(paid, t.orders().filter(col("paid_at").isNotNull()).count());
    Row sums = t.orders().agg(sum("amount_paid"), sum("refund_amount")).first();
    assertEquals(0, paidSum.compareTo(sums.getDecimal(0)), "sum of 买家实际支付金额");
    assertEquals(0, refundSum.compareTo(sums.getDecimal(1)), "sum of 退款金额");
    assertEquals(1, t.orders().select("shop_id").distinct().count());
    assertEquals("tmall_order_report", t.orders().first().getAs("shop_id"));

    List<FileReconciliation> files = t.files();
    assertEquals(1, files.size());
    FileReconciliation f = files.get(0);
    assertEquals(orders, f.rowsRead());
    assertEquals(f.rowsRead(), f.rowsAccepted() + f.rowsRejected());
    assertEquals(Files.size(file), f.bytes());
    assertEquals(sha, f.sha256());
    assertEquals("UTF-8", f.encoding());
    assertEquals("order_report/csv", f.format());
  }
}
