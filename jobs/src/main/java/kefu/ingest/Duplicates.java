package kefu.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Keeps the first row per key by (source_file, source_line); the others are duplicates. */
final class Duplicates {
  private Duplicates() {}

  private static final String RANK = "_first_rank";

  /** The rows with a {@code _first_rank} column: 1 for the kept row of each key. */
  static Dataset<Row> ranked(Dataset<Row> rows, String... keys) {
    Column[] partition = Arrays.stream(keys).map(k -> col(k)).toArray(Column[]::new);
    return rows.withColumn(RANK, row_number().over(
        Window.partitionBy(partition).orderBy(col("source_file"), col("source_line"))));
  }

  static Dataset<Row> firsts(Dataset<Row> ranked) {
    return ranked.filter(col(RANK).equalTo(1)).drop(RANK);
  }

  static Dataset<Row> repeats(Dataset<Row> ranked) {
    return ranked.filter(col(RANK).gt(1)).drop(RANK);
  }
}
