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
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Collects several small aggregate tables to the driver in ONE Spark query: each is tagged with
 * its name and their rows are unioned and collected once, then split again. A query costs about a
 * CPU-second of planning whatever its size, so the aggregates a stage needs cost one plan instead
 * of one each. Only aggregates may come this way: more than {@code maxRows} rows in all is a
 * failure, not a slow run.
 *
 * <p>The union's columns are typed slots that every aggregate shares: an aggregate's k-th column
 * of a type goes to the k-th slot of that type. Giving each aggregate columns of its own made the
 * union as wide as all aggregates together (about 300 columns for 29, each branch padded with
 * nulls), and every adaptive re-plan walked all of them.
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
    if (facts.isEmpty()) {
      return Map.of();
    }
    List<DataType> slots = new ArrayList<>();
    Map<String, int[]> slotOf = new LinkedHashMap<>();
    facts.forEach((name, fact) -> slotOf.put(name, assignSlots(fact.schema(), slots)));
    List<Dataset<Row>> tagged = new ArrayList<>();
    facts.forEach((name, fact) -> tagged.add(inSlots(name, fact, slotOf.get(name), slots)));
    List<Row> collected = unionOf(tagged, 0, tagged.size()).collectAsList();
    if (collected.size() > maxRows) {
      throw new IllegalStateException(String.format(Locale.ROOT, "the aggregates %s came to "
          + "%,d rows, more than the %,d an aggregate may have: a grouping key is finer than "
          + "intended", facts.keySet(), collected.size(), maxRows));
    }
    Map<String, List<Row>> rows = new LinkedHashMap<>();
    facts.keySet().forEach(k -> rows.put(k, new ArrayList<>()));
    for (Row r : collected) {
      String fact = r.getString(0);
      int[] at = slotOf.get(fact);
      Object[] values = new Object[at.length];
      for (int i = 0; i < at.length; i++) {
        values[i] = r.get(1 + at[i]);
      }
      rows.get(fact).add(LocalTable.row(facts.get(fact).schema(), values));
    }
    Map<String, LocalTable> out = new LinkedHashMap<>();
    rows.forEach((name, list) -> out.put(name, new LocalTable(facts.get(name).schema(), list)));
    return out;
  }

  /**
   * The union of {@code parts[from, to)} as a balanced tree: each union is analysed when it is
   * made, so adding one part at a time analyses the growing union again and again.
   */
  private static Dataset<Row> unionOf(List<Dataset<Row>> parts, int from, int to) {
    if (to - from == 1) {
      return parts.get(from);
    }
    int middle = (from + to) >>> 1;
    return unionOf(parts, from, middle).union(unionOf(parts, middle, to));
  }

  /**
   * The slot of each column of {@code schema}: its type's first slot not yet taken by an earlier
   * column of the same aggregate; {@code slots} gains a slot when a type runs out.
   */
  private static int[] assignSlots(StructType schema, List<DataType> slots) {
    StructField[] fields = schema.fields();
    int[] at = new int[fields.length];
    boolean[] taken = new boolean[slots.size() + fields.length];
    for (int i = 0; i < fields.length; i++) {
      DataType type = fields[i].dataType();
      int slot = 0;
      while (slot < slots.size() && (taken[slot] || !slots.get(slot).equals(type))) {
        slot++;
      }
      if (slot == slots.size()) {
        slots.add(type);
      }
      taken[slot] = true;
      at[i] = slot;
    }
    return at;
  }

  /** The aggregate's rows as the union's: its name, then every slot (null where it has none). */
  private static Dataset<Row> inSlots(String name, Dataset<Row> fact, int[] slotOf,
      List<DataType> slots) {
    Column[] columns = new Column[1 + slots.size()];
    columns[0] = lit(name).as(FACT);
    String[] names = fact.columns();
    for (int slot = 0; slot < slots.size(); slot++) {
      columns[1 + slot] = lit(null).cast(slots.get(slot)).as("_" + slot);
    }
    for (int i = 0; i < names.length; i++) {
      columns[1 + slotOf[i]] = col("`" + names[i] + "`").as("_" + slotOf[i]);
    }
    return fact.select(columns);
  }
}
