package kefu.ingest;

import static kefu.ingest.IngestFixtures.GBK;
import static kefu.ingest.IngestFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table is spared the duplicate query only when its files' keys prove that none repeats; any
 * doubt (a repeat or a hash collision within a file, overlapping ranges, a file whose keys were
 * not gathered) leaves it to the query.
 */
class FileKeysTest {
  @TempDir Path dir;

  private static Row order(String orderId, String lineId) {
    return new Parsed.Builder(Parsed.ROW, "orders", "order_report", "a.csv", 2L)
        .set("order_id", orderId).set("line_id", lineId).build();
  }

  private static FileKeys keysOf(Row... rows) {
    FileKeys.Tracker t = FileKeys.tracker("orders");
    for (Row r : rows) {
      t.add(r);
    }
    return t.result();
  }

  private static ParsedFile file(String table, String path, FileKeys keys) {
    return new ParsedFile(table, path, "f/csv", 1L, "x", "UTF-8", 3L, 0L, null, null, keys);
  }

  @Test
  void aRepeatWithinAFileIsSeenAndANullKeyPartIsPartOfTheKey() {
    assertTrue(keysOf(order("1", "a"), order("2", "a"), order("1", "a")).repeatsWithin());
    assertTrue(keysOf(order("1", null), order("1", null)).repeatsWithin());
    // an order's own row and its line share the order id, not the key
    FileKeys f = keysOf(order("1", null), order("1", "a"), order("1", "b"));
    assertFalse(f.repeatsWithin());
    assertEquals(Set.of("k-", "kk"), f.ranges().keySet());
  }

  @Test
  void keysAreLengthPrefixedSoThatJoinedPartsNeverCollide() {
    // ("1:2", "3") and ("1", "2:3") would read alike if the parts were only joined
    assertFalse(keysOf(order("12", "3"), order("1", "23"), order("1:2", "3"), order("1", "2:3"))
        .repeatsWithin());
  }

  @Test
  void filesWithDisjointRangesPerShapeAreUnrepeated() {
    FileKeys january = keysOf(order("100", null), order("101", null));
    FileKeys february = keysOf(order("200", null), order("201", null));
    // the lines' export spans every order id, but its keys have another shape
    FileKeys lines = keysOf(order("100", "1"), order("201", "2"));
    assertEquals(Set.of("orders"), FileKeys.unrepeated(List.of(file("orders", "a", january),
        file("orders", "b", february), file("orders", "c", lines))));
  }

  @Test
  void anyDoubtLeavesTheTableToTheQuery() {
    FileKeys low = keysOf(order("100", null), order("300", null));
    FileKeys between = keysOf(order("200", null));  // no key in common, but inside low's range
    assertEquals(Set.of(), FileKeys.unrepeated(List.of(file("orders", "a", low),
        file("orders", "b", between))));
    FileKeys twice = keysOf(order("1", null), order("1", null));
    assertEquals(Set.of(), FileKeys.unrepeated(List.of(file("orders", "a", twice))));
    assertEquals(Set.of(), FileKeys.unrepeated(List.of(file("orders", "a", low),
        file("orders", "b", null))));
    // tables without a key are never named
    assertEquals(Set.of(), FileKeys.unrepeated(List.of(file("chats", "a", null))));
  }

  @Test
  void theLongSetFindsEveryValueAgainAfterGrowing() {
    FileKeys.LongSet set = new FileKeys.LongSet();
    for (long v = -5_000; v < 5_000; v++) {
      assertTrue(set.add(v * 0x9E3779B97F4A7C15L), "first add of " + v);
    }
    for (long v = -5_000; v < 5_000; v++) {
      assertFalse(set.add(v * 0x9E3779B97F4A7C15L), "second add of " + v);
    }
  }

  @Test
  void aKeyRepeatedInAnotherFileIsStillRejectedAndDisjointFilesLoseNothing() {
    String header = "订单编号,买家会员名,买家实付金额,订单状态,买家下单时间,买家付款时间,宝贝标题,店铺名称";
    Path a = write(dir, "a.csv", GBK, header,
        "G1,张三,100.00元,交易成功,2016/5/23 22:02,2016/5/23 22:05,T恤,旗舰店",
        "G3,李四,50.00元,交易成功,2016/5/24 10:00,2016/5/24 10:01,裙子,旗舰店");
    Path b = write(dir, "b.csv", GBK, header,
        "G2,王五,20.00元,交易成功,2016/5/24 11:00,2016/5/24 11:01,袜子,旗舰店",
        "G3,李四,50.00元,交易成功,2016/5/24 10:00,2016/5/24 10:01,裙子,旗舰店");
    Path c = write(dir, "c.csv", GBK, header,
        "G4,赵六,30.00元,交易成功,2016/5/25 11:00,2016/5/25 11:01,袜子,旗舰店");

    IngestedTables overlapping = ingest("overlapping", a, b);
    assertEquals(3, overlapping.orders().count());
    List<Row> rejects = overlapping.rejects().collectAsList();
    assertEquals(1, rejects.size());
    assertTrue(rejects.get(0).getString(1).endsWith("b.csv"), rejects.toString());
    assertEquals("duplicate order", rejects.get(0).getString(5));

    IngestedTables disjoint = ingest("disjoint", a, c);
    assertEquals(3, disjoint.orders().count());
    assertEquals(0, disjoint.rejects().count());
  }

  private IngestedTables ingest(String name, Path... files) {
    return Ingest.run(SparkTestSession.get(), IngestFixtures.orders(files),
        IngestFixtures.options(false), dir.resolve(name + "/canonical").toString(),
        dir.resolve(name + "/rejects").toString());
  }
}
