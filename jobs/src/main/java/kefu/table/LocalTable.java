package kefu.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;

/**
 * A table small enough to hold on the driver: a mart or an aggregate fact table, with its schema
 * declared once. Rows carry the schema, so {@code row.getAs("net_pay")} works on them; Parquet is
 * written from them directly ({@link ParquetTableWriter}), without a Spark query.
 */
public record LocalTable(StructType schema, List<Row> rows) {

  public LocalTable {
    rows = Collections.unmodifiableList(new ArrayList<>(rows));
  }

  /** A row of {@code schema} from its values, in column order. */
  public static Row row(StructType schema, Object... values) {
    if (values.length != schema.size()) {
      throw new IllegalArgumentException(values.length + " values for the " + schema.size()
          + " columns of " + schema.simpleString());
    }
    return new GenericRowWithSchema(values, schema);
  }

  public static LocalTable empty(StructType schema) {
    return new LocalTable(schema, List.of());
  }

  /** The same rows, each given this table's schema (rows collected by Spark carry their own). */
  public static LocalTable of(StructType schema, List<Row> rows) {
    List<Row> own = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Object[] values = new Object[r.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = r.get(i);
      }
      own.add(row(schema, values));
    }
    return new LocalTable(schema, own);
  }

  public int size() {
    return rows.size();
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  public LocalTable filter(Predicate<Row> keep) {
    return new LocalTable(schema, rows.stream().filter(keep).toList());
  }

  /** Rows sorted by the named columns, nulls first (as Spark sorts ascending). */
  public LocalTable sorted(String... columns) {
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(order(schema, columns));
    return new LocalTable(schema, sorted);
  }

  /** Ascending by the named columns, nulls first. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Comparator<Row> order(StructType schema, String... columns) {
    Comparator<Row> c = (a, b) -> 0;
    for (String name : columns) {
      int i = schema.fieldIndex(name);
      c = c.thenComparing(r -> (Comparable) r.get(i),
          Comparator.nullsFirst(Comparator.naturalOrder()));
    }
    return c;
  }
}
