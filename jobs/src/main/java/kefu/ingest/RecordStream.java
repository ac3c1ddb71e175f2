package kefu.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.executor.InputMetrics;
import org.apache.spark.sql.Row;

/**
 * Turns the raw records of one file into parsed rows: finds the header (the first non-blank
 * record, or one of the first few when a title line leads), recognises the export format, maps
 * each data record or quarantines it, and ends with the file's {@code file} row. Blank lines are
 * not records; every other record becomes exactly one row or one reject, and the file's facts go
 * to {@code done} at the end.
 */
final class RecordStream implements Iterator<Row> {
  private static final int HEADER_SEARCH = 10;

  private final FileParser.Task task;
  private final FileFacts facts;
  private final java.util.function.Consumer<ParsedFile> done;
  private final Iterator<RawRecord> records;
  private final ParseContext ctx;
  private final String fallbackShop;
  private SourceFormat format;
  private Fields fields;
  private RecordMapper mapper;
  private FileKeys.Tracker keys;
  private int idColumn;
  private long rowsRead;
  private long summaryRowsSkipped;
  private String fatal;
  private boolean started;
  private boolean finished;
  private Row next;

  /** @param done receives the file's facts once its last record is read */
  RecordStream(FileParser.Task task, FileFacts facts, Iterator<RawRecord> records,
      ParseContext ctx, java.util.function.Consumer<ParsedFile> done) {
    this.task = task;
    this.facts = facts;
    this.done = done;
    this.records = records;
    this.ctx = ctx;
    this.fallbackShop = ctx.fallbackShop(task.path());
  }

  /**
   * Records of the one sheet with a recognised header (else the first sheet, to report it); two
   * recognised sheets are an error rather than a silent choice.
   */
  static Iterator<RawRecord> firstRecognisedSheet(List<List<RawRecord>> sheets, String table) {
    int recognised = -1;
    for (int s = 0; s < sheets.size(); s++) {
      if (hasRecognisedHeader(sheets.get(s), table)) {
        if (recognised >= 0) {
          // Reading only the first would silently drop the other sheet's rows.
          throw new IllegalArgumentException("sheets " + (recognised + 1) + " and " + (s + 1)
              + " both hold " + table + " headers; expected one data sheet per workbook (save"
              + " each sheet as its own file)");
        }
        recognised = s;
      }
    }
    if (recognised >= 0) {
      return sheets.get(recognised).iterator();
    }
    return sheets.isEmpty() ? Collections.emptyIterator() : sheets.get(0).iterator();
  }

  private static boolean hasRecognisedHeader(List<RawRecord> sheet, String table) {
    int seen = 0;
    for (RawRecord r : sheet) {
      if (r.isBlank()) {
        continue;
      }
      if (SourceFormat.detect(table, new Headers(r.cells())) != null) {
        return true;
      }
      if (++seen >= HEADER_SEARCH) {
        return false;
      }
    }
    return false;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !finished) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row r = next;
    next = null;
    return r;
  }

  private Row advance() {
    if (!started) {
      started = true;
      findHeader();
    }
    while (fatal == null && format != null && records.hasNext()) {
      RawRecord r = records.next();
      if (r.isBlank()) {
        continue;
      }
      // A 合计/汇总 footer is the export's own total, not a record: skipped and counted, so a
      // clean export reports no rejection.
      if (Cells.isSummary(r.cell(0)) || Cells.isSummary(r.cell(idColumn))) {
        summaryRowsSkipped++;
        continue;
      }
      rowsRead++;
      return parse(r);
    }
    finished = true;
    reportAsInput();
    // A file of an input group (agent_exports) is reconciled under the table its format fills.
    done.accept(new ParsedFile(format == null ? task.table() : format.table, task.path(),
        format == null ? "unknown" : format.id + "/" + facts.containerLabel(), facts.bytes(),
        facts.sha256(), facts.encoding(), rowsRead, summaryRowsSkipped, fatal, null,
        keys == null ? null : keys.result()));
    return null;
  }

  private void findHeader() {
    List<RawRecord> candidates = new ArrayList<>();
    while (records.hasNext() && candidates.size() < HEADER_SEARCH) {
      RawRecord r = records.next();
      if (r.isBlank()) {
        continue;
      }
      candidates.add(r);
      Headers headers = new Headers(r.cells());
      SourceFormat f = SourceFormat.detect(task.table(), headers);
      if (f != null) {
        format = f;
        fields = new Fields(headers, FileFacts.XLSX.equals(facts.container()), ctx.zone());
        mapper = RecordMapper.of(f, ctx);
        keys = FileKeys.tracker(f.table);
        idColumn = headers.index(f.required.get(0));
        return;
      }
    }
    if (candidates.isEmpty()) {
      // A 0-byte or blank file is a failed download, not "no rows": a real export has a header.
      fatal = task.path() + " line 1: expected the header row of " + anExport(task.table())
          + ", found no non-blank row (" + facts.bytes() + " bytes)";
      return;
    }
    RawRecord first = candidates.get(0);
    fatal = task.path() + " line " + first.line() + ": "
        + SourceFormat.mismatch(task.table(), new Headers(first.cells()));
  }

  /** "an orders export", "a refunds export": the table's export with its article. */
  static String anExport(String table) {
    return ("aeiou".indexOf(table.charAt(0)) >= 0 ? "an " : "a ") + table + " export";
  }

  private Row parse(RawRecord r) {
    Row row;
    try {
      if (r.problem() != null) {
        throw new Rejection(null, null, r.problem());
      }
      checkWidth(r);
      fields.bind(r);
      Parsed.Builder out = new Parsed.Builder(Parsed.ROW, format.table, format.id, task.path(),
          r.line());
      mapper.map(fields, out, fallbackShop);
      RecordChecks.check(fields, out);
      row = out.build();
    } catch (Rejection e) {
      return reject(r, e.column, e.raw, e.reason(), e.detail);
    } catch (RuntimeException e) {
      // A mapper bug must not lose the row: quarantine it with the error's type.
      return reject(r, null, null, "unreadable record (" + e.getClass().getSimpleName() + ")",
          null);
    }
    if (keys != null) {
      keys.add(row);
    }
    return row;
  }

  private void checkWidth(RawRecord r) {
    int width = fields.headers().size();
    for (int i = width; i < r.cells().size(); i++) {
      if (!r.cells().get(i).isBlank()) {
        throw new Rejection(null, null, "record has more cells than the header",
            r.cells().size() + " cells, header " + width);
      }
    }
  }

  private Row reject(RawRecord r, String column, String raw, String reason, String detail) {
    return new Parsed.Builder(Parsed.REJECT, format.table, format.id, task.path(), r.line())
        .set("reject_column", column).set("reject_raw", raw).set("reject_reason", reason)
        .set("reject_detail", detail).build();
  }

  /**
   * Files read in a flatMap bypass Hadoop's input metrics: the task reports the records and bytes
   * itself, so the progress lines of a long ingest show rows read instead of 0.
   */
  private void reportAsInput() {
    TaskContext running = TaskContext.get();
    if (running != null) {
      InputMetrics input = running.taskMetrics().inputMetrics();
      input.incRecordsRead(rowsRead);
      input.incBytesRead(facts.bytes());
    }
  }
}
