package kefu.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Keeps the first row per key by (source_file, source_line); the others are duplicates. */
final class Duplicates {
  private Duplicates() {}

  private static final String FIRST = "_is_first";
  private static final String FIRST_POSITION = "_first_position";
  private static final String REPEATED = "_repeated_";

  /**
   * The rows with an {@code _is_first} column: true for the kept row of each key. The keys that
   * repeat are found by aggregating the keys alone; exports rarely repeat one, and when none
   * does no row is compared at all (ranking every row in a window sorted the whole table by key).
   * When some do, only their rows are told apart, by a join with the repeated keys.
   */
  static Dataset<Row> ranked(Dataset<Row> rows, String... keys) {
    Column position = struct(col("source_file"), col("source_line"));
    Dataset<Row> repeated = rows
        .groupBy(Arrays.stream(keys).map(k -> col(k).as(REPEATED + k)).toArray(Column[]::new))
        .agg(count(lit(1)).as("_rows"), min(position).as(FIRST_POSITION))
        .filter(col("_rows").gt(1))
        .drop("_rows");
    if (repeated.isEmpty()) {
      return unique(rows);
    }
    // Null-safe: a key column may be null (an order-grain row has no line_id) and still repeat.
    Column sameKey = Arrays.stream(keys).map(k -> col(k).eqNullSafe(col(REPEATED + k)))
        .reduce(Column::and).orElseThrow();
    Dataset<Row> joined = rows.join(repeated, sameKey, "left");
    return joined.withColumn(FIRST, col(FIRST_POSITION).isNull()
            .or(col(FIRST_POSITION).equalTo(position)))
        .drop(FIRST_POSITION)
        .drop(Arrays.stream(keys).map(k -> REPEATED + k).toArray(String[]::new));
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
