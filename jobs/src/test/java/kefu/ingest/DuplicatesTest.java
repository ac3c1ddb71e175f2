package kefu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The first row of a key by file and line is kept, whatever order the rows arrive in. */
class DuplicatesTest {
  private static final StructType SCHEMA = StructType.fromDDL(
      "order_id STRING, line_id STRING, source_file STRING, source_line LONG");

  private static List<String> positions(Dataset<Row> rows) {
    return rows.orderBy("source_file", "source_line").collectAsList().stream()
        .map(r -> r.getString(2) + ":" + r.getLong(3)).toList();
  }

  @Test
  void keepsTheFirstByFileThenLineAndTreatsANullKeyPartAsAKey() {
    Dataset<Row> rows = SparkTestSession.get().createDataFrame(List.of(
        RowFactory.create("1", "a", "b.csv", 2L),
        RowFactory.create("1", "a", "a.csv", 9L),   // first of (1, a): a.csv sorts before b.csv
        RowFactory.create("1", "a", "a.csv", 10L),
        RowFactory.create("2", null, "a.csv", 5L),  // an order-grain row, line_id null ...
        RowFactory.create("2", null, "a.csv", 3L),  // ... repeated: the earlier line is kept
        RowFactory.create("2", "b", "a.csv", 4L),   // same order, another line: not a repeat
        RowFactory.create("3", null, "a.csv", 7L)), SCHEMA);
    // one query for several tables: only the one that repeats a key is named
    Dataset<Row> oneRefund = rows.limit(1).withColumnRenamed("order_id", "refund_id");
    assertEquals(java.util.Set.of("orders"),
        Duplicates.repeating(java.util.Map.of("orders", rows, "refunds", oneRefund)));
    Dataset<Row> ranked = Duplicates.ranked(rows, true, List.of("order_id", "line_id"));
    assertEquals(List.of("a.csv:3", "a.csv:4", "a.csv:7", "a.csv:9"),
        positions(Duplicates.firsts(ranked)));
    assertEquals(List.of("a.csv:5", "a.csv:10", "b.csv:2"), positions(Duplicates.repeats(ranked)));
    assertEquals(rows.columns().length, Duplicates.firsts(ranked).columns().length);
  }

  @Test
  void rowsWithoutARepeatedKeyAreAllFirsts() {
    Dataset<Row> rows = SparkTestSession.get().createDataFrame(List.of(
        RowFactory.create("1", "a", "a.csv", 2L),
        RowFactory.create("1", null, "a.csv", 1L)), SCHEMA);
    assertEquals(java.util.Set.of(), Duplicates.repeating(java.util.Map.of("orders", rows)));
    Dataset<Row> ranked = Duplicates.ranked(rows, false, List.of("order_id", "line_id"));
    assertEquals(List.of("a.csv:1", "a.csv:2"), positions(Duplicates.firsts(ranked)));
    assertEquals(List.of(), positions(Duplicates.repeats(ranked)));
  }
}
