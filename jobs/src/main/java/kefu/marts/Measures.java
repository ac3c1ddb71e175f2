package kefu.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.types.DataTypes.LongType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kefu.canonical.CanonicalSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Summing partial facts of a Spark mart (agent_daily): unioned, then summed per key. */
public final class Measures {
  private Measures() {}

  /**
   * Unions partial aggregates (each carrying the keys and some measures) and sums every measure
   * per key; a measure missing from a part counts as 0. Counts are long, money decimal(14,2).
   */
  public static Dataset<Row> combine(List<Dataset<Row>> parts, String[] keys, String[] counts,
      String[] money) {
    Dataset<Row> all = null;
    for (Dataset<Row> part : parts) {
      all = all == null ? part : all.unionByName(part, true);
    }
    List<Column> aggs = new ArrayList<>();
    for (String c : counts) {
      aggs.add(coalesce(sum(col(c).cast(LongType)), lit(0L)).as(c));
    }
    for (String c : money) {
      aggs.add(coalesce(sum(col(c)), lit(BigDecimal.ZERO)).cast(CanonicalSchema.MONEY).as(c));
    }
    // every part must carry every measure column for the sums: add the missing ones as nulls
    for (String c : concat(counts, money)) {
      if (!Arrays.asList(all.columns()).contains(c)) {
        all = all.withColumn(c, lit(null).cast(
            Arrays.asList(money).contains(c) ? CanonicalSchema.MONEY : LongType));
      }
    }
    Column[] keyColumns = Arrays.stream(keys).map(k -> col(k)).toArray(Column[]::new);
    return all.groupBy(keyColumns)
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
  }

  static String[] concat(String[]... arrays) {
    return Arrays.stream(arrays).flatMap(Arrays::stream).toArray(String[]::new);
  }
}
