package kefu.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Keeps the first row per key by (source_file, source_line); the others are duplicates. */
final class Duplicates {
  private Duplicates() {}

  /** What identifies a row of each table that must not repeat. */
  static final Map<String, List<String>> KEYS = Map.of(
      "orders", List.of("order_id", "line_id"),
      "refunds", List.of("refund_id"),
      "ratings", List.of("order_id"),
      "agents", List.of("agent_id"));

  private static final String FIRST = "_is_first";
  private static final String FIRST_POSITION = "_first_position";
  private static final String REPEATED = "_repeated_";

  /**
   * The tables of {@code rowsByTable} (named as in {@link #KEYS}) that repeat a key, from ONE
   * query for all of them: the keys are aggregated alone, and exports rarely repeat one.
   */
  static Set<String> repeating(Map<String, Dataset<Row>> rowsByTable) {
    Dataset<Row> union = null;
    for (Map.Entry<String, Dataset<Row>> t : rowsByTable.entrySet()) {
      Dataset<Row> any = repeatedKeys(t.getValue(), KEYS.get(t.getKey())).limit(1)
          .select(lit(t.getKey()).as("table"));
      union = union == null ? any : union.union(any);
    }
    Set<String> tables = new HashSet<>();
    if (union != null) {
      union.collectAsList().forEach(r -> tables.add(r.getString(0)));
    }
    return tables;
  }

  /**
   * The rows with an {@code _is_first} column: true for the kept row of each key. When the
   * table repeats no key ({@link #repeating}), no row is compared at all (ranking every row in a
   * window sorted the whole table by key); when it does, only the rows of repeated keys are told
   * apart, by a join with those keys.
   */
  static Dataset<Row> ranked(Dataset<Row> rows, boolean repeats, List<String> keys) {
    if (!repeats) {
      return unique(rows);
    }
    // Null-safe: a key column may be null (an order-grain row has no line_id) and still repeat.
    Column sameKey = keys.stream().map(k -> col(k).eqNullSafe(col(REPEATED + k)))
        .reduce(Column::and).orElseThrow();
    Dataset<Row> joined = rows.join(repeatedKeys(rows, keys), sameKey, "left");
    return joined.withColumn(FIRST, col(FIRST_POSITION).isNull()
            .or(col(FIRST_POSITION).equalTo(position())))
        .drop(FIRST_POSITION)
        .drop(keys.stream().map(k -> REPEATED + k).toArray(String[]::new));
  }

  /** Each key that repeats, with the position of its first row. */
  private static Dataset<Row> repeatedKeys(Dataset<Row> rows, List<String> keys) {
    return rows
        .groupBy(keys.stream().map(k -> col(k).as(REPEATED + k)).toArray(Column[]::new))
        .agg(count(lit(1)).as("_rows"), min(position()).as(FIRST_POSITION))
        .filter(col("_rows").gt(1))
        .drop("_rows");
  }

  private static Column position() {
    return struct(col("source_file"), col("source_line"));
  }

  /** Rows known to repeat no key (e.g. none at all), flagged as {@link #ranked} flags them. */
  static Dataset<Row> unique(Dataset<Row> rows) {
    return rows.withColumn(FIRST, lit(true));
  }

  static Dataset<Row> firsts(Dataset<Row> ranked) {
    return ranked.filter(col(FIRST)).drop(FIRST);
  }

  static Dataset<Row> repeats(Dataset<Row> ranked) {
    return ranked.filter(not(col(FIRST))).drop(FIRST);
  }
}
