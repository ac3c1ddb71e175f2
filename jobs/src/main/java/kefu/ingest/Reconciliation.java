package kefu.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kefu.spark.FactQuery;
import kefu.table.LocalTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per input file: rows read while parsing against rows accepted (counted in the written Parquet,
 * plus order rows replaced by their sub-order lines) and rows rejected (counted in the rejects
 * Parquet). They must add up exactly; a mismatch is a bug in ingest and stops the run.
 */
final class Reconciliation {
  private Reconciliation() {}

  /** The reasons listed on the data-quality sheet, most rows first. */
  static final int LISTED_REASONS = 20;

  /**
   * The counts behind the reconciliation, from one query: accepted rows per table and file,
   * rejected rows per table and file, order rows consumed by their lines per file, rejects per
   * table and reason, and rows per canonical table.
   */
  record Counts(Map<String, Map<String, Long>> accepted, Map<String, Long> rejected,
      Map<String, Long> consumed, List<RejectReason> rejectReasons, Map<String, Long> rows) {

    /**
     * These counts and those of tables read on the driver (the per-agent exports), whose
     * accepted records per file and rows are known without a query.
     */
    Counts withDriverTables(Map<String, Map<String, Long>> acceptedRecords,
        Map<String, Long> tableRows) {
      Map<String, Map<String, Long>> allAccepted = new HashMap<>(accepted);
      allAccepted.putAll(acceptedRecords);
      Map<String, Long> allRows = new HashMap<>(rows);
      allRows.putAll(tableRows);
      return new Counts(allAccepted, rejected, consumed, rejectReasons, allRows);
    }
  }

  static Counts count(Map<String, Dataset<Row>> written, Dataset<Row> rejects,
      Dataset<Row> consumed) {
    Map<String, Dataset<Row>> queries = new LinkedHashMap<>();
    written.forEach((table, rows) -> queries.put(table, rows.groupBy("source_file").count()));
    queries.put("rejected", rejects.groupBy("table", "source_file").count());
    queries.put("reasons", rejects.groupBy("table", "reason").count());
    queries.put("consumed", consumed.groupBy("source_file").count());
    Map<String, LocalTable> f = FactQuery.collect(queries);

    Map<String, Map<String, Long>> accepted = new HashMap<>();
    Map<String, Long> rows = new HashMap<>();
    for (String table : written.keySet()) {
      Map<String, Long> byFile = byFile(f.get(table));
      accepted.put(table, byFile);
      rows.put(table, byFile.values().stream().mapToLong(Long::longValue).sum());
    }
    Map<String, Long> rejected = new HashMap<>();
    for (Row r : f.get("rejected").rows()) {
      rejected.put(r.getString(0) + "\u0000" + r.getString(1), r.getLong(2));
    }
    List<RejectReason> reasons = new ArrayList<>();
    for (Row r : f.get("reasons").rows()) {
      reasons.add(new RejectReason(r.getString(0), r.getString(1), r.getLong(2)));
    }
    reasons.sort(Comparator.comparingLong(RejectReason::rows).reversed()
        .thenComparing(RejectReason::table).thenComparing(RejectReason::reason));
    return new Counts(accepted, rejected, byFile(f.get("consumed")),
        List.copyOf(reasons.subList(0, Math.min(LISTED_REASONS, reasons.size()))), rows);
  }

  private static Map<String, Long> byFile(LocalTable counts) {
    Map<String, Long> byFile = new HashMap<>();
    for (Row r : counts.rows()) {
      byFile.put(r.getString(0), r.getLong(1));
    }
    return byFile;
  }

  static List<FileReconciliation> of(List<ParsedFile> files, Counts counts) {
    List<FileReconciliation> out = new ArrayList<>();
    for (ParsedFile f : files) {
      String table = f.table();
      String file = f.path();
      long read = f.rowsRead();
      long ok = counts.accepted().get(table).getOrDefault(file, 0L)
          + ("orders".equals(table) ? counts.consumed().getOrDefault(file, 0L) : 0L);
      long bad = counts.rejected().getOrDefault(table + "\u0000" + file, 0L);
      if (read != ok + bad) {
        throw new IllegalStateException("ingest lost or invented rows of " + file + ": read "
            + read + ", accepted " + ok + ", rejected " + bad);
      }
      out.add(new FileReconciliation(table, file, f.format(), f.bytes(), f.sha256(),
          f.encoding(), read, ok, bad, f.summaryRowsSkipped(), f.linesSkipped()));
    }
    return out;
  }
}
