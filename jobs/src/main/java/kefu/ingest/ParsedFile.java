package kefu.ingest;

import java.io.Serializable;
import java.util.TreeMap;

/**
 * What parsing learned about one input file, sent back to the driver by the task that parsed it
 * (a Spark accumulator, so no query reads it back): its format, size, SHA-256 and encoding, the
 * records read, the summary rows (合计, 汇总) skipped, the lines that are no record counted by
 * kind (a 千牛 text record's recalls, transfers, status and system lines), or the fatal error
 * that stopped it, and what its rows' keys say about repeats ({@link FileKeys}; null when its
 * table has no key or its rows were not gathered).
 */
record ParsedFile(String table, String path, String format, Long bytes, String sha256,
    String encoding, long rowsRead, long summaryRowsSkipped, String fatalError,
    TreeMap<String, Long> linesSkipped, FileKeys keys) implements Serializable {

  ParsedFile {
    linesSkipped = linesSkipped == null ? new TreeMap<>() : linesSkipped;
  }

  /** A file whose rows have no key (a 千牛 text record). */
  ParsedFile(String table, String path, String format, Long bytes, String sha256,
      String encoding, long rowsRead, long summaryRowsSkipped, String fatalError,
      TreeMap<String, Long> linesSkipped) {
    this(table, path, format, bytes, sha256, encoding, rowsRead, summaryRowsSkipped, fatalError,
        linesSkipped, null);
  }

  /** A file that could not be parsed. */
  ParsedFile(String table, String path, String format, Long bytes, String sha256,
      String encoding, long rowsRead, long summaryRowsSkipped, String fatalError) {
    this(table, path, format, bytes, sha256, encoding, rowsRead, summaryRowsSkipped, fatalError,
        null, null);
  }
}
