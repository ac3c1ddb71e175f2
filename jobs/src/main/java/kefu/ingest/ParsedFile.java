package kefu.ingest;

import java.io.Serializable;

/**
 * What parsing learned about one input file, sent back to the driver by the task that parsed it
 * (a Spark accumulator, so no query reads it back): its format, size, SHA-256 and encoding, the
 * records read, the summary rows (合计, 汇总) skipped, or the fatal error that stopped it.
 */
record ParsedFile(String table, String path, String format, Long bytes, String sha256,
    String encoding, long rowsRead, long summaryRowsSkipped, String fatalError)
    implements Serializable {}
