package kefu.ingest;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What happened to one input file: rows read = rows accepted + rows rejected, exactly. An order
 * row that was expanded into its sub-order lines counts as accepted. Summary rows (合计, 汇总,
 * 总计, 均值) are the export's own totals, not records: they are skipped, counted apart and not
 * in rows read. Lines of a text record that are no message (a 千牛 record's transfers, recalls,
 * status and system lines) are counted by kind in {@code linesSkipped}, also outside rows read.
 */
public record FileReconciliation(
    String table,
    String file,
    String format,
    long bytes,
    String sha256,
    String encoding,
    long rowsRead,
    long rowsAccepted,
    long rowsRejected,
    long summaryRowsSkipped,
    SortedMap<String, Long> linesSkipped) {

  public FileReconciliation {
    linesSkipped = linesSkipped == null ? new TreeMap<>()
        : Collections.unmodifiableSortedMap(new TreeMap<>(linesSkipped));
  }

  /** Lines skipped of every kind, over all files. */
  public static SortedMap<String, Long> linesSkipped(List<FileReconciliation> files) {
    TreeMap<String, Long> total = new TreeMap<>();
    files.forEach(f -> f.linesSkipped().forEach((k, n) -> total.merge(k, n, Long::sum)));
    return total;
  }

  public static long rowsRead(List<FileReconciliation> files) {
    return files.stream().mapToLong(FileReconciliation::rowsRead).sum();
  }

  public static long rowsAccepted(List<FileReconciliation> files) {
    return files.stream().mapToLong(FileReconciliation::rowsAccepted).sum();
  }

  public static long rowsRejected(List<FileReconciliation> files) {
    return files.stream().mapToLong(FileReconciliation::rowsRejected).sum();
  }

  public static long summaryRowsSkipped(List<FileReconciliation> files) {
    return files.stream().mapToLong(FileReconciliation::summaryRowsSkipped).sum();
  }
}
