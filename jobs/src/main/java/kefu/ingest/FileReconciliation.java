package kefu.ingest;

import java.util.List;

/**
 * What happened to one input file: rows read = rows accepted + rows rejected, exactly. An order
 * row that was expanded into its sub-order lines counts as accepted. Summary rows (合计, 汇总,
 * 总计, 均值) are the export's own totals, not records: they are skipped, counted apart and not
 * in rows read.
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
    long summaryRowsSkipped) {

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
