package kefu.pipeline;

import java.util.List;
import kefu.ingest.FileReconciliation;

/** Totals over the per-file reconciliation, as the manifest and the stage log report them. */
final class ReviewFigures {
  private ReviewFigures() {}

  static long rowsRead(List<FileReconciliation> files) {
    return files.stream().mapToLong(FileReconciliation::rowsRead).sum();
  }

  static long rowsAccepted(List<FileReconciliation> files) {
    return files.stream().mapToLong(FileReconciliation::rowsAccepted).sum();
  }

  static long rowsRejected(List<FileReconciliation> files) {
    return files.stream().mapToLong(FileReconciliation::rowsRejected).sum();
  }
}
