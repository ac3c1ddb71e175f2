package kefu.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import kefu.canonical.CanonicalSchema;
import kefu.table.ParquetTableWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Parses chat files and writes their messages straight into the canonical chats table, one part
 * file per input file, instead of into the parsed rows and from there into the table again: a
 * chat message needs no other row to be accepted. Only the rest goes on as parsed rows: rejects,
 * the file's facts, and twcs tweets, which are placed in conversations by joins
 * ({@link TwcsLinks}).
 */
final class CanonicalChatParts implements FlatMapFunction<FileParser.Task, Row> {
  private static final long serialVersionUID = 1L;

  /** The table as Spark writes it from parsed rows: the canonical columns, all nullable. */
  static final StructType SCHEMA = DataTypes.createStructType(
      Arrays.stream(CanonicalSchema.CHATS.fields())
          .map(f -> DataTypes.createStructField(f.name(), f.dataType(), true))
          .toArray(StructField[]::new));

  private static final StructType PARSED = Parsed.schemaOf("chats");
  private static final int KIND = PARSED.fieldIndex("kind");
  private static final int FORMAT = PARSED.fieldIndex("format");
  private static final int[] CANONICAL = Arrays.stream(SCHEMA.fieldNames())
      .mapToInt(PARSED::fieldIndex).toArray();

  private final FileParser parser;
  private final String dir;

  /** @param dir the canonical chats folder, which already holds the table's (empty) first part */
  CanonicalChatParts(FileParser parser, String dir) {
    this.parser = parser;
    this.dir = dir;
  }

  @Override
  public Iterator<Row> call(FileParser.Task task) throws IOException {
    // One file per parse task (a partition each): a retried task replaces its own part.
    TaskContext tc = TaskContext.get();
    Path part = new Path(dir, String.format(Locale.ROOT, "part-%05d-parsed.snappy.parquet",
        tc == null ? 0 : tc.partitionId()));
    RestOfFile rest = new RestOfFile(parser.call(task), part, parser.hadoopConfiguration());
    FileParser.closeWithTask(rest); // a retry replaces the part of a task that failed half-way
    return rest;
  }

  /** A message is written; twcs tweets are placed later, so they go on with the other rows. */
  private static boolean isMessage(Row parsed) {
    return Parsed.ROW.equals(parsed.getString(KIND)) && !"twcs".equals(parsed.getString(FORMAT));
  }

  /**
   * The parsed rows that are not messages, writing the messages on the way; the part file is
   * written whole when the last row has been read (an empty file yields none).
   */
  private static final class RestOfFile implements Iterator<Row>, AutoCloseable {
    private final Iterator<Row> parsed;
    private final Path part;
    private final Configuration conf;
    private ParquetWriter<Row> writer;
    private Row next;

    RestOfFile(Iterator<Row> parsed, Path part, Configuration conf) {
      this.parsed = parsed;
      this.part = part;
      this.conf = conf;
    }

    @Override
    public boolean hasNext() {
      try {
        while (next == null && parsed.hasNext()) {
          Row row = parsed.next();
          if (!isMessage(row)) {
            next = row;
          } else {
            if (writer == null) {
              writer = ParquetTableWriter.open(part, SCHEMA, conf);
            }
            Object[] values = new Object[CANONICAL.length];
            for (int i = 0; i < values.length; i++) {
              values[i] = row.get(CANONICAL[i]);
            }
            writer.write(RowFactory.create(values));
          }
        }
        if (next == null) {
          close();
        }
        return next != null;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + part + ": " + e.getMessage(), e);
      }
    }

    /** Writes the part's footer: the part is whole once the last row has been read. */
    @Override
    public void close() {
      if (writer != null) {
        try {
          writer.close();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write " + part + ": " + e.getMessage(), e);
        } finally {
          writer = null;
        }
      }
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row row = next;
      next = null;
      return row;
    }
  }
}
