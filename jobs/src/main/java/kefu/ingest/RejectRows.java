package kefu.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.types.DataTypes.StringType;

import kefu.canonical.CanonicalSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Shapes quarantined rows as {@link CanonicalSchema#REJECTS}. */
final class RejectRows {
  private RejectRows() {}

  /** Rejects found while parsing: the reject fields of the parsed rows. */
  static Dataset<Row> fromParsed(Dataset<Row> parsedRejects) {
    return shape(parsedRejects, col("reject_column"), col("reject_raw"), col("reject_reason"),
        col("reject_detail"));
  }

  /** Rows rejected by a cross-row rule (duplicates, unknown orders …). */
  static Dataset<Row> of(Dataset<Row> rows, String column, Column rawValue, Column reason) {
    return of(rows, column, rawValue, reason, lit(null));
  }

  /** {@code detail}: the row's other values behind the reason, kept out of the reason's text. */
  static Dataset<Row> of(Dataset<Row> rows, String column, Column rawValue, Column reason,
      Column detail) {
    return shape(rows, lit(column), rawValue.cast(StringType), reason, detail);
  }

  private static Dataset<Row> shape(Dataset<Row> rows, Column column, Column raw, Column reason,
      Column detail) {
    return rows.select(
        col("table"),
        col("source_file"),
        col("source_line"),
        column.cast(StringType).as("column"),
        raw.cast(StringType).as("raw_value"),
        reason.cast(StringType).as("reason"),
        detail.cast(StringType).as("detail"));
  }
}
