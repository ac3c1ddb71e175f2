package kefu.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kefu.table.LocalTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Collects several small aggregate tables to the driver in ONE Spark query: each is tagged with
 * its name, their columns are kept apart by prefix, and the union is collected once and split
 * again. A query costs about a CPU-second of planning whatever its size, so the aggregates a
 * stage needs cost one plan instead of one each. Only aggregates may come this way: more than
 * {@code maxRows} rows in all is a failure, not a slow run.
 */
public final class FactQuery {
  private FactQuery() {}

  private static final String FACT = "_fact";

  /** The default bound: agents x days, shops x days x hours and the like stay well below it. */
  public static final int MAX_ROWS = 2_000_000;

  public static Map<String, LocalTable> collect(Map<String, Dataset<Row>> facts) {
    return collect(facts, MAX_ROWS);
  }

  /** Each named aggregate as a driver table with its own schema, from one query. */
  public static Map<String, LocalTable> collect(Map<String, Dataset<Row>> facts, int maxRows) {
    Dataset<Row> union = null;
    for (Map.Entry<String, Dataset<Row>> f : facts.entrySet()) {
      List<Column> columns = new ArrayList<>(List.of(lit(f.getKey()).as(FACT)));
      for (String c : f.getValue().columns()) {
        columns.add(col("`" + c + "`").as(prefixed(f.getKey(), c)));
      }
      Dataset<Row> tagged = f.getValue().select(columns.toArray(Column[]::new));
      union = union == null ? tagged : union.unionByName(tagged, true);
    }
    Map<String, List<Row>> rows = new LinkedHashMap<>();
    facts.keySet().forEach(k -> rows.put(k, new ArrayList<>()));
    if (union == null) {
      return Map.of();
    }
    List<Row> collected = union.collectAsList();
    if (collected.size() > maxRows) {
      throw new IllegalStateException(String.format(Locale.ROOT, "the aggregates %s came to "
          + "%,d rows, more than the %,d an aggregate may have: a grouping key is finer than "
          + "intended", facts.keySet(), collected.size(), maxRows));
    }
    StructType unionSchema = union.schema();
    Map<String, LocalTable> out = new LinkedHashMap<>();
    Map<String, int[]> positions = new LinkedHashMap<>();
    for (Map.Entry<String, Dataset<Row>> f : facts.entrySet()) {
      StructType schema = f.getValue().schema();
      int[] at = new int[schema.size()];
      StructField[] fields = schema.fields();
      for (int i = 0; i < fields.length; i++) {
        at[i] = unionSchema.fieldIndex(prefixed(f.getKey(), fields[i].name()));
      }
      positions.put(f.getKey(), at);
    }
    for (Row r : collected) {
      String fact = r.getString(0);
      int[] at = positions.get(fact);
      Object[] values = new Object[at.length];
      for (int i = 0; i < at.length; i++) {
        values[i] = r.get(at[i]);
      }
      rows.get(fact).add(LocalTable.row(facts.get(fact).schema(), values));
    }
    rows.forEach((name, list) -> out.put(name, new LocalTable(facts.get(name).schema(), list)));
    return out;
  }

  private static String prefixed(String fact, String column) {
    return fact + "__" + column;
  }
}
