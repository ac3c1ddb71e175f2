package kefu.marts;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** Puts dated facts into periods: a tiny broadcast table of periods joined on a date range. */
final class Periods {
  private Periods() {}

  static final String[] KEYS = {"period_type", "period"};

  /**
   * Whether {@code dateColumn} falls in any of {@code periods}. Facts that are grouped before
   * {@link #assign} (buyer-days, whole receptions) are filtered with it first, so the history
   * outside the reviewed periods is never shuffled.
   */
  static Column inAny(String dateColumn, List<Period> periods) {
    Column date = col(dateColumn);
    Column any = lit(false);
    for (Period p : periods) {
      any = any.or(date.geq(lit(Date.valueOf(p.start())))
          .and(date.lt(lit(Date.valueOf(p.endExclusive())))));
    }
    return any;
  }

  /**
   * {@code facts} rows whose {@code dateColumn} falls in a period, once per matching period (a
   * day belongs to its month, quarter and year when all are asked for), with {@code period_type},
   * {@code period}, {@code period_start}, {@code period_end} (exclusive).
   */
  static Dataset<Row> assign(Dataset<Row> facts, String dateColumn, List<Period> periods) {
    List<Row> rows = new ArrayList<>();
    for (Period p : periods) {
      rows.add(RowFactory.create(p.type(), p.label(), p.start().toString(),
          p.endExclusive().toString()));
    }
    StructType schema = StructType.fromDDL(
        "period_type STRING, period STRING, period_start STRING, period_end STRING");
    Dataset<Row> table = facts.sparkSession().createDataFrame(rows, schema)
        .withColumn("period_start", col("period_start").cast("date"))
        .withColumn("period_end", col("period_end").cast("date"));
    Column date = col(dateColumn);
    return facts.join(broadcast(table),
        date.geq(col("period_start")).and(date.lt(col("period_end"))), "inner");
  }
}
