package kefu.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per input file: rows read while parsing against rows accepted (counted in the written Parquet,
 * plus order rows replaced by their sub-order lines) and rows rejected (counted in the rejects
 * Parquet). They must add up exactly; a mismatch is a bug in ingest and stops the run.
 */
final class Reconciliation {
  private Reconciliation() {}

  static List<FileReconciliation> of(List<Row> fileRows, Map<String, Dataset<Row>> written,
      Dataset<Row> rejects, Map<String, Long> consumedOrders) {
    Map<String, Map<String, Long>> accepted = new HashMap<>();
    for (Map.Entry<String, Dataset<Row>> e : written.entrySet()) {
      accepted.put(e.getKey(), Ingest.countsByFile(e.getValue()));
    }
    Map<String, Long> rejected = new HashMap<>();
    for (Row r : rejects.groupBy(col("table"), col("source_file")).count().collectAsList()) {
      rejected.put(r.getString(0) + "\u0000" + r.getString(1), r.getLong(2));
    }
    List<FileReconciliation> files = new ArrayList<>();
    for (Row f : fileRows) {
      String table = f.getString(0);
      String file = f.getString(1);
      long read = f.getLong(6);
      long ok = accepted.get(table).getOrDefault(file, 0L)
          + ("orders".equals(table) ? consumedOrders.getOrDefault(file, 0L) : 0L);
      long bad = rejected.getOrDefault(table + "\u0000" + file, 0L);
      if (read != ok + bad) {
        throw new IllegalStateException("ingest lost or invented rows of " + file + ": read "
            + read + ", accepted " + ok + ", rejected " + bad);
      }
      files.add(new FileReconciliation(table, file, f.getString(2), f.getLong(3), f.getString(4),
          f.getString(5), read, ok, bad));
    }
    return files;
  }
}
