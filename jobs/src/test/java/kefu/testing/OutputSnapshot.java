package kefu.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.SparkSession;

/**
 * A run's tables (canonical, rejects, derived, marts) as sorted lines of text, to pin a run's
 * outputs before a refactoring and prove them unchanged after it. A table's first line is its
 * schema; then one line per row, sorted, cells separated by tabs. Doubles are written to 12
 * significant digits (a re-ordered floating-point sum changes the 16th), everything else exactly:
 * decimals as written, timestamps as UTC instants, null as \N.
 *
 * <p>Run as a program to compare two output folders (the same review by the old and the new code):
 * {@code java -cp <test classpath> kefu.testing.OutputSnapshot OLD_OUT NEW_OUT}.
 */
public final class OutputSnapshot {
  private OutputSnapshot() {}

  /** The table folders of a run, in the order a run writes them. */
  static final List<String> GROUPS = List.of("canonical", "rejects", "derived", "marts");

  /** Each table of {@code out} (e.g. {@code marts/payroll}) as its snapshot lines. */
  public static TreeMap<String, List<String>> of(Path out) throws IOException {
    return of(out, java.util.Map.of());
  }

  /**
   * As {@link #of(Path)}, with the folders of {@code places} (e.g. where the inputs were read
   * from, which is in every source_file) written as their names, so runs of the same inputs from
   * different folders compare equal. The tables are read with DuckDB ({@link ParquetTables}): a
   * snapshot only looks at what was written, and a Spark query per table costs seconds.
   */
  public static TreeMap<String, List<String>> of(Path out, java.util.Map<String, Path> places)
      throws IOException {
    TreeMap<String, List<String>> tables = new TreeMap<>();
    try (ParquetTables parquet = new ParquetTables()) {
      for (String table : tableNames(out)) {
        List<String> lines = lines(parquet, out.resolve(table));
        for (var place : places.entrySet()) {
          String folder = place.getValue().toAbsolutePath().normalize().toString();
          lines.replaceAll(l -> l.replace("file:" + folder, "$" + place.getKey())
              .replace(folder, "$" + place.getKey()));
        }
        lines.subList(1, lines.size()).sort(null);
        tables.put(table, lines);
      }
    } catch (java.sql.SQLException e) {
      throw new IOException("cannot read the tables of " + out + ": " + e.getMessage(), e);
    }
    return tables;
  }

  static List<String> tableNames(Path out) throws IOException {
    List<String> names = new ArrayList<>();
    for (String group : GROUPS) {
      Path dir = out.resolve(group);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      if (isTable(dir)) {
        names.add(group);
        continue;
      }
      try (Stream<Path> tables = Files.list(dir)) {
        tables.filter(OutputSnapshot::isTable).map(t -> group + "/" + t.getFileName())
            .sorted().forEach(names::add);
      }
    }
    return names;
  }

  private static boolean isTable(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
    } catch (IOException e) {
      return false;
    }
  }

  /** One table's schema line (Spark's type names) and sorted row lines. */
  public static List<String> lines(ParquetTables tables, Path table) throws java.sql.SQLException {
    StringBuilder schema = new StringBuilder("#");
    for (var column : tables.schema(table).entrySet()) {
      schema.append(' ').append(column.getKey()).append(':')
          .append(sparkType(column.getValue()));
    }
    List<String> rows = new ArrayList<>();
    for (List<Object> r : tables.rows(table)) {
      rows.add(line(r));
    }
    rows.sort(null);
    rows.add(0, schema.toString());
    return rows;
  }

  /** The Spark type (its simpleString) that DuckDB reads as {@code duckType}. */
  static String sparkType(String duckType) {
    if (duckType.startsWith("DECIMAL(")) {
      return duckType.toLowerCase(Locale.ROOT).replace(" ", "");
    }
    return switch (duckType) {
      case "VARCHAR" -> "string";
      case "BIGINT" -> "bigint";
      case "INTEGER" -> "int";
      case "SMALLINT" -> "smallint";
      case "TINYINT" -> "tinyint";
      case "DOUBLE" -> "double";
      case "FLOAT" -> "float";
      case "BOOLEAN" -> "boolean";
      case "DATE" -> "date";
      // Spark's TimestampType: an instant, written as INT64 micros adjusted to UTC
      case "TIMESTAMP WITH TIME ZONE" -> "timestamp";
      default -> throw new IllegalArgumentException("no Spark type for DuckDB's " + duckType);
    };
  }

  static String line(List<Object> r) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < r.size(); i++) {
      if (i > 0) {
        sb.append('\t');
      }
      sb.append(cell(r.get(i)));
    }
    return sb.toString();
  }

  static String cell(Object v) {
    if (v == null) {
      return "\\N";
    }
    if (v instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? d.toString()
          : String.format(Locale.ROOT, "%.12g", d);
    }
    if (v instanceof Float f) {
      return String.format(Locale.ROOT, "%.6g", f);
    }
    if (v instanceof java.math.BigDecimal b) {
      return b.toPlainString();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toInstant().toString();
    }
    if (v instanceof java.time.OffsetDateTime t) {
      return t.toInstant().toString();
    }
    return v.toString().replace("\t", "\\t").replace("\n", "\\n");
  }

  /**
   * The snapshot as pinned: marts and rejects whole; the big canonical and derived tables as
   * their schema, row count and the SHA-256 of their sorted lines (the program form of this class
   * shows their rows when two runs differ).
   */
  public static TreeMap<String, List<String>> pinned(TreeMap<String, List<String>> tables) {
    TreeMap<String, List<String>> out = new TreeMap<>();
    tables.forEach((name, lines) -> out.put(name,
        name.startsWith("canonical/") || name.startsWith("derived/") ? digest(lines) : lines));
    return out;
  }

  static List<String> digest(List<String> lines) {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      for (String l : lines.subList(1, lines.size())) {
        sha.update(l.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return List.of(lines.get(0), String.format(Locale.ROOT, "rows %,d sha256 %s",
          lines.size() - 1, java.util.HexFormat.of().formatHex(sha.digest())));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes each table to {@code dir/<table>.txt.gz}, removing tables no longer there. */
  public static void write(TreeMap<String, List<String>> tables, Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      try (Stream<Path> old = Files.walk(dir)) {
        for (Path f : old.filter(Files::isRegularFile).toList()) {
          Files.delete(f);
        }
      }
    }
    for (var e : tables.entrySet()) {
      Path file = dir.resolve(e.getKey() + ".txt.gz");
      Files.createDirectories(file.getParent());
      try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)),
          StandardCharsets.UTF_8)) {
        for (String line : e.getValue()) {
          w.write(line);
          w.write('\n');
        }
      }
    }
  }

  /** The tables written by {@link #write}. */
  public static TreeMap<String, List<String>> read(Path dir) throws IOException {
    TreeMap<String, List<String>> tables = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt.gz")).toList()) {
        String name = dir.relativize(f).toString().replace('\\', '/');
        name = name.substring(0, name.length() - ".txt.gz".length());
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
          for (String l = r.readLine(); l != null; l = r.readLine()) {
            lines.add(l);
          }
        }
        tables.put(name, lines);
      }
    }
    return tables;
  }

  /**
   * What differs between two snapshots, table by table (empty when equal): missing tables, and
   * for a changed table its row counts and the first differing lines of each side.
   */
  public static List<String> differences(TreeMap<String, List<String>> expected,
      TreeMap<String, List<String>> actual) {
    List<String> out = new ArrayList<>();
    TreeMap<String, Boolean> names = new TreeMap<>();
    expected.keySet().forEach(k -> names.put(k, true));
    actual.keySet().forEach(k -> names.put(k, true));
    for (String table : names.keySet()) {
      List<String> e = expected.get(table);
      List<String> a = actual.get(table);
      if (e == null || a == null) {
        out.add(table + ": " + (e == null ? "not expected" : "missing"));
        continue;
      }
      if (e.equals(a)) {
        continue;
      }
      List<String> onlyExpected = new ArrayList<>(e);
      onlyExpected.removeAll(a);
      List<String> onlyActual = new ArrayList<>(a);
      onlyActual.removeAll(e);
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
          "%s: %,d rows expected, %,d found; %,d lines only expected, %,d only found", table,
          e.size() - 1, a.size() - 1, onlyExpected.size(), onlyActual.size()));
      onlyExpected.stream().limit(5).forEach(l -> sb.append("\n  - ").append(l));
      onlyActual.stream().limit(5).forEach(l -> sb.append("\n  + ").append(l));
      out.add(sb.toString());
    }
    return out;
  }

  /** Tables above this many rows are compared by Spark (exceptAll), not as text. */
  static final long TEXT_COMPARISON_ROWS = 200_000;

  /**
   * Compares two output folders table by table; exit status 1 when any differs. Big tables
   * (canonical, derived) are compared exactly by Spark; the others as snapshot text.
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: OutputSnapshot EXPECTED_OUT ACTUAL_OUT");
      System.exit(2);
    }
    SparkSession spark = SparkTestSession.get();
    ParquetTables parquet = new ParquetTables();
    Path expectedOut = Path.of(args[0]);
    Path actualOut = Path.of(args[1]);
    java.util.TreeSet<String> names = new java.util.TreeSet<>(tableNames(expectedOut));
    names.addAll(tableNames(actualOut));
    boolean same = true;
    for (String table : names) {
      String verdict;
      long rows = 0;
      if (!Files.isDirectory(expectedOut.resolve(table))
          || !Files.isDirectory(actualOut.resolve(table))) {
        verdict = "MISSING in one of them";
      } else {
        var e = spark.read().parquet(expectedOut.resolve(table).toString());
        var a = spark.read().parquet(actualOut.resolve(table).toString());
        rows = e.count();
        if (!e.schema().simpleString().equals(a.schema().simpleString())) {
          verdict = "DIFFERENT schema: " + e.schema().simpleString() + " vs "
              + a.schema().simpleString();
        } else if (rows > TEXT_COMPARISON_ROWS) {
          long onlyExpected = e.exceptAll(a).count();
          long onlyActual = a.exceptAll(e).count();
          verdict = onlyExpected == 0 && onlyActual == 0 ? "equal" : String.format(Locale.ROOT,
              "DIFFERENT: %,d rows only expected, %,d only found", onlyExpected, onlyActual);
        } else {
          TreeMap<String, List<String>> one = new TreeMap<>();
          one.put(table, lines(parquet, expectedOut.resolve(table)));
          TreeMap<String, List<String>> other = new TreeMap<>();
          other.put(table, lines(parquet, actualOut.resolve(table)));
          List<String> diffs = differences(one, other);
          verdict = diffs.isEmpty() ? "equal" : "DIFFERENT\n" + String.join("\n", diffs);
        }
      }
      same &= verdict.equals("equal");
      System.out.printf(Locale.ROOT, "%-36s %,12d rows  %s%n", table, rows, verdict);
    }
    parquet.close();
    spark.stop();
    System.exit(same ? 0 : 1);
  }
}
