package kefu.ingest;

import static kefu.ingest.IngestFixtures.GBK;
import static kefu.ingest.IngestFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gzip-compressed export (recognised by its bytes, whatever its name) reads exactly like the
 * plain one, and is reported as stored: its own size and SHA-256, format {@code …/csv.gz}.
 */
class GzipExportsTest {
  @TempDir Path dir;

  @Test
  void aGzippedExportGivesThePlainExportsRowsAndRejects() throws Exception {
    Path plain = write(dir.resolve("plain"), "orders.csv", GBK,
        "订单编号,买家会员名,买家实付金额,订单状态,买家下单时间,买家付款时间,宝贝标题,店铺名称",
        "G1,张三,100.00元,交易成功,2016/5/23 22:02,2016/5/23 22:05,T恤,旗舰店",
        "G2,李四,\"1,059.90\",等待买家付款,2016-05-24 10:00:00,,裙子,旗舰店",
        "G3,王五,N/A,交易成功,2016/5/24 11:00,2016/5/24 11:01,袜子,旗舰店");
    // Named without .gz on purpose: inputs are recognised by their bytes, never by file name.
    Path gzipped = Files.createDirectories(dir.resolve("gzipped")).resolve("orders.csv");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
      Files.copy(plain, out);
    }

    IngestedTables a = ingest(plain, "a");
    IngestedTables b = ingest(gzipped, "b");

    assertEquals(sorted(a.orders()), sorted(b.orders()));
    assertEquals(sorted(a.rejects()), sorted(b.rejects()));
    assertEquals(2, a.orders().count());
    assertEquals(1, a.rejects().count());

    FileReconciliation f = b.files().get(0);
    assertEquals("order_report/csv.gz", f.format());
    assertEquals("GB18030", f.encoding());
    assertEquals(Files.size(gzipped), f.bytes());
    assertEquals(sha256(gzipped), f.sha256());
    assertEquals(List.of(3L, 2L, 1L), List.of(f.rowsRead(), f.rowsAccepted(), f.rowsRejected()));
    assertEquals("order_report/csv", a.files().get(0).format());
  }

  private IngestedTables ingest(Path file, String name) {
    return Ingest.run(SparkTestSession.get(), IngestFixtures.orders(file),
        IngestFixtures.options(false), dir.resolve(name + "/canonical").toString(),
        dir.resolve(name + "/rejects").toString());
  }

  /** Rows as text without the file they came from, in a stable order. */
  private static List<String> sorted(Dataset<Row> table) {
    return table.drop("source_file").toJSON().collectAsList().stream().sorted().toList();
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
