package kefu.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import kefu.bench.DuckDbDriver;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet tables a run wrote (a folder of Spark part files each), read with DuckDB for tests
 * that only look at what was written: DuckDB reads a small table in milliseconds, where each Spark
 * query costs about a CPU-second of planning on the tests' two cores.
 */
public final class ParquetTables implements AutoCloseable {
  private final Connection duck;

  public ParquetTables() throws SQLException {
    duck = DuckDbDriver.connect(new org.duckdb.DuckDBDriver(), 1);
  }

  /** Each column's name and DuckDB type (VARCHAR for Spark's strings), in the table's order. */
  public LinkedHashMap<String, String> schema(Path table) throws SQLException {
    LinkedHashMap<String, String> columns = new LinkedHashMap<>();
    try (Statement s = duck.createStatement();
        ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + source(table))) {
      while (r.next()) {
        columns.put(r.getString("column_name"), r.getString("column_type"));
      }
    }
    return columns;
  }

  /** Every row of the table as its cells (JDBC objects: Double for doubles), in no set order. */
  public List<List<Object>> rows(Path table) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = duck.createStatement();
        ResultSet r = s.executeQuery("SELECT * FROM " + source(table))) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<Object> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(r.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * The rows of the table that satisfy {@code where} (a DuckDB condition, e.g.
   * {@code period = '2025Q4'}; null: all), as Spark rows of the table's Spark schema: dates as
   * java.sql.Date and timestamps as java.sql.Timestamp, as Spark collects them.
   */
  public List<Row> select(Path table, String where) throws SQLException {
    List<StructField> fields = new ArrayList<>();
    schema(table).forEach((name, type) -> fields.add(DataTypes.createStructField(name,
        DataType.fromDDL(OutputSnapshot.sparkType(type)), true)));
    StructType schema = DataTypes.createStructType(fields);
    List<Row> rows = new ArrayList<>();
    try (Statement s = duck.createStatement();
        ResultSet r = s.executeQuery("SELECT * FROM " + source(table)
            + (where == null ? "" : " WHERE " + where))) {
      while (r.next()) {
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
          Object v = r.getObject(i + 1);
          if (v instanceof java.time.LocalDate d) {
            v = java.sql.Date.valueOf(d);
          } else if (v instanceof java.time.OffsetDateTime t) {
            v = java.sql.Timestamp.from(t.toInstant());
          }
          values[i] = v;
        }
        rows.add(new GenericRowWithSchema(values, schema));
      }
    }
    return rows;
  }

  /** The number {@code sql} computes (the first column of its first row). */
  public long number(String sql) throws SQLException {
    try (Statement s = duck.createStatement(); ResultSet r = s.executeQuery(sql)) {
      if (!r.next()) {
        throw new SQLException("no row: " + sql);
      }
      return r.getLong(1);
    }
  }

  /** The table as a DuckDB relation, to query it with {@link #number}. */
  public static String of(Path table) {
    return source(table);
  }

  /** Sets the strings {@link #wantedIn} looks for. */
  public void want(Collection<String> values) throws SQLException {
    try (Statement s = duck.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE wanted (v VARCHAR)");
    }
    try (PreparedStatement insert = duck.prepareStatement("INSERT INTO wanted VALUES (?)")) {
      for (String v : values) {
        insert.setString(1, v);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * Up to {@code limit} distinct values of string column {@code column} that equal one of the
   * strings given to {@link #want}.
   */
  public List<String> wantedIn(Path table, String column, int limit) throws SQLException {
    List<String> found = new ArrayList<>();
    String c = '"' + column.replace("\"", "\"\"") + '"';
    try (Statement s = duck.createStatement();
        ResultSet r = s.executeQuery("SELECT DISTINCT t." + c + " FROM " + source(table)
            + " t JOIN wanted w ON t." + c + " = w.v LIMIT " + limit)) {
      while (r.next()) {
        found.add(r.getString(1));
      }
    }
    return found;
  }

  /** The table's part files; DuckDB fails naming the folder when there are none. */
  private static String source(Path table) {
    return "read_parquet('" + table.resolve("*.parquet").toString().replace("'", "''") + "')";
  }

  @Override
  public void close() throws SQLException {
    duck.close();
  }
}
