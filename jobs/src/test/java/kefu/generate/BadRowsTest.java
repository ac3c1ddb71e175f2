package kefu.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadRowsTest {
  @TempDir Path tmp;

  @Test
  void damagesTheRequestedShareOfOrderRowsAndCopiesEverythingElse() throws Exception {
    Path sample = tmp.resolve("sample");
    Files.createDirectories(sample.resolve("orders"));
    Files.createDirectories(sample.resolve("refunds"));
    List<String> lines = new ArrayList<>(List.of("订单编号,买家实际支付金额,订单状态"));
    for (int i = 0; i < 2000; i++) {
      lines.add("=\"" + (1000 + i) + "\"," + i + ".50,交易成功");
    }
    Files.write(sample.resolve("orders/orders-part-00000.csv"), lines, BadRows.GBK);
    Files.writeString(sample.resolve("refunds/r.csv"), "退款编号\n1\n", BadRows.GBK);

    long damaged = BadRows.inject(sample, tmp.resolve("dirty"), 0.1, 7);

    List<String> out = Files.readAllLines(tmp.resolve("dirty/orders/orders-part-00000.csv"),
        BadRows.GBK);
    assertEquals(lines.size(), out.size(), "no row dropped");
    assertEquals(lines.get(0), out.get(0));
    long unreadable = out.stream().filter(l -> l.contains(",N/A,")).count();
    assertEquals(damaged, unreadable);
    assertTrue(damaged > 140 && damaged < 260, damaged + " of 2000 at 10%");
    assertEquals("退款编号\n1\n", Files.readString(tmp.resolve("dirty/refunds/r.csv"), BadRows.GBK));
    assertEquals(damaged, BadRows.inject(sample, tmp.resolve("again"), 0.1, 7), "seeded");
  }

  @Test
  void damagesGzippedExportsTheSameWayAndKeepsThemGzipped() throws Exception {
    Path plain = tmp.resolve("plain/orders/orders-part-00000.csv");
    Path gzipped = tmp.resolve("gz/orders/orders-part-00000.csv.gz");
    Files.createDirectories(plain.getParent());
    Files.createDirectories(gzipped.getParent());
    List<String> lines = new ArrayList<>(List.of("订单编号,买家实付金额,订单状态"));
    for (int i = 0; i < 500; i++) {
      lines.add("=\"" + (1000 + i) + "\"," + i + ".50,交易成功");
    }
    Files.write(plain, lines, BadRows.GBK);
    try (var out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
      out.write((String.join(System.lineSeparator(), lines) + System.lineSeparator())
          .getBytes(BadRows.GBK));
    }

    long damagedPlain = BadRows.inject(tmp.resolve("plain"), tmp.resolve("plain-dirty"), 0.2, 3);
    long damagedGzip = BadRows.inject(tmp.resolve("gz"), tmp.resolve("gz-dirty"), 0.2, 3);

    assertTrue(damagedPlain > 0);
    assertEquals(damagedPlain, damagedGzip);
    List<String> expected = Files.readAllLines(
        tmp.resolve("plain-dirty/orders/orders-part-00000.csv"), BadRows.GBK);
    try (var in = new GZIPInputStream(Files.newInputStream(
        tmp.resolve("gz-dirty/orders/orders-part-00000.csv.gz")))) {
      assertEquals(expected, List.of(new String(in.readAllBytes(), BadRows.GBK).split("\\R")));
    }
  }
}
