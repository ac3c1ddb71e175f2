package kefu.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;

/**
 * Parses one input file on an executor: a first streaming pass for its facts (bytes, SHA-256,
 * encoding), then a lazy pass emitting one parsed row per data record; last, the file's facts
 * and the count of records read (or the fatal error) go to the driver as a {@link ParsedFile}.
 */
final class FileParser implements FlatMapFunction<FileParser.Task, Row> {
  private static final long serialVersionUID = 1L;

  /** One input file and the table it was given for. */
  record Task(String table, String path) implements Serializable {}

  private final Map<String, String> hadoopConf;
  private final ParseContext ctx;
  private final CollectionAccumulator<ParsedFile> files;

  /** @param files receives each file's facts (a Spark accumulator: no query reads them back) */
  FileParser(Map<String, String> hadoopConf, ParseContext ctx,
      CollectionAccumulator<ParsedFile> files) {
    this.hadoopConf = hadoopConf;
    this.ctx = ctx;
    this.files = files;
  }

  /** The run's Hadoop settings, on the executor that parses. */
  Configuration hadoopConfiguration() {
    Configuration conf = new Configuration(false);
    hadoopConf.forEach(conf::set);
    return conf;
  }

  @Override
  public Iterator<Row> call(Task task) throws IOException {
    Configuration conf = hadoopConfiguration();
    Path path = new Path(task.path());
    FileSystem fs = path.getFileSystem(conf);
    FileFacts facts;
    try (InputStream in = fs.open(path)) {
      facts = FileFacts.scan(in);
    } catch (IOException e) {
      return fatal(task, null, "cannot read file (" + e.getMessage() + ")");
    }
    if (facts.problem() != null) {
      return fatal(task, facts, facts.problem());
    }
    Iterator<RawRecord> records;
    if (FileFacts.XLSX.equals(facts.container())) {
      try (InputStream in = fs.open(path)) {
        List<List<RawRecord>> sheets = XlsxReader.sheets(in);
        records = RecordStream.firstRecognisedSheet(sheets, task.table());
      } catch (IOException | RuntimeException e) {
        return fatal(task, facts, "cannot read .xlsx workbook (" + e.getMessage() + ")");
      }
    } else if (FileFacts.PARQUET.equals(facts.container())) {
      try {
        ParquetRecords parquet = ParquetRecords.open(conf, path, ctx.zone());
        closeWithTask(parquet);
        records = new ClosingIterator(parquet, parquet);
      } catch (IOException | RuntimeException e) {
        return fatal(task, facts, "cannot read Parquet file (" + e.getMessage() + ")");
      }
    } else if ("chats".equals(task.table()) && isQianniuText(fs, path, facts)) {
      return new QianniuChatReader(task, facts, () -> openText(fs, path, facts), ctx, files::add);
    } else {
      InputStream in = facts.content(fs.open(path));
      closeWithTask(in);
      records = new CsvReader(new InputStreamReader(in, facts.charset()));
      records = new ClosingIterator(records, in);
    }
    return new RecordStream(task, facts, records, ctx, files::add);
  }

  /** Lines looked at to tell a 千牛 text record from a CSV export. */
  static final int QIANNIU_PEEK = 12;

  /** Whether the text's first lines are a 千牛 chat record rather than a CSV header. */
  private static boolean isQianniuText(FileSystem fs, Path path, FileFacts facts)
      throws IOException {
    List<String> first = new java.util.ArrayList<>();
    try (BufferedReader in = openText(fs, path, facts)) {
      for (String line = in.readLine(); line != null && first.size() < QIANNIU_PEEK;
          line = in.readLine()) {
        first.add(line);
      }
    }
    return QianniuLine.startsRecord(first);
  }

  private static BufferedReader openText(FileSystem fs, Path path, FileFacts facts)
      throws IOException {
    InputStream in = facts.content(fs.open(path));
    closeWithTask(in);
    return new BufferedReader(new InputStreamReader(in, facts.charset()));
  }

  private Iterator<Row> fatal(Task task, FileFacts facts, String message) {
    files.add(new ParsedFile(task.table(), task.path(), null,
        facts == null ? null : facts.bytes(), facts == null ? null : facts.sha256(), null, 0L, 0L,
        task.path() + ": " + message));
    return Collections.emptyIterator();
  }

  /** A task that fails half-way still releases the file. */
  static void closeWithTask(AutoCloseable source) {
    TaskContext tc = TaskContext.get();
    if (tc != null) {
      tc.addTaskCompletionListener(
          (org.apache.spark.util.TaskCompletionListener) c -> closeQuietly(source));
    }
  }

  private static void closeQuietly(AutoCloseable in) {
    try {
      in.close();
    } catch (Exception ignored) {
      // already closed or broken: nothing left to release
    }
  }

  /** Closes the stream as soon as the last record was read. */
  private static final class ClosingIterator implements Iterator<RawRecord> {
    private final Iterator<RawRecord> delegate;
    private final AutoCloseable in;

    ClosingIterator(Iterator<RawRecord> delegate, AutoCloseable in) {
      this.delegate = delegate;
      this.in = in;
    }

    @Override
    public boolean hasNext() {
      try {
        boolean more = delegate.hasNext();
        if (!more) {
          closeQuietly(in);
        }
        return more;
      } catch (UncheckedIOException e) {
        closeQuietly(in);
        throw e;
      }
    }

    @Override
    public RawRecord next() {
      return delegate.next();
    }
  }
}
