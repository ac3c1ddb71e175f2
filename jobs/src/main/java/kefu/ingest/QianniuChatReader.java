package kefu.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import kefu.canonical.CanonicalSchema;
import org.apache.spark.sql.Row;

/**
 * A 千牛 chat record saved as text (one file per buyer or per agent account) to {@code chats}
 * rows. Two passes over the file: the first learns who is an agent (transfer sides), the file's
 * first buyer and its shop; the second turns each header into a message row or a reject. An agent
 * or bot message belongs to the buyer who wrote last before it, or, before any buyer wrote, to the
 * file's first buyer; a file with no buyer at all rejects its agent messages. Buyer messages take
 * the shop of the file's first sub-account ({@code 店铺名:客服名}), else the run's fallback shop.
 */
final class QianniuChatReader implements Iterator<Row> {
  static final String FORMAT = "qianniu_text";

  /** Opens the file's text from its start; called once per pass. */
  interface Source {
    BufferedReader open() throws IOException;
  }

  private final FileParser.Task task;
  private final FileFacts facts;
  private final Source source;
  private final ParseContext ctx;
  private final Consumer<ParsedFile> done;
  private final Instant latest = Instant.now().plus(Duration.ofDays(1));
  private QianniuRoles roles;
  private String firstBuyer;
  private String fileShop;
  private QianniuScanner scanner;
  private BufferedReader reader;
  private String buyer;
  private long rowsRead;
  private boolean finished;

  QianniuChatReader(FileParser.Task task, FileFacts facts, Source source, ParseContext ctx,
      Consumer<ParsedFile> done) {
    this.task = task;
    this.facts = facts;
    this.source = source;
    this.ctx = ctx;
    this.done = done;
  }

  @Override
  public boolean hasNext() {
    if (finished) {
      return false;
    }
    if (scanner == null) {
      learnFile();
      reader = openText();
      scanner = new QianniuScanner(reader);
    }
    if (scanner.hasNext()) {
      return true;
    }
    finish();
    return false;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    rowsRead++;
    return row(scanner.next());
  }

  /** First pass: transfer sides make agents; then the first buyer and the shop of the file. */
  private void learnFile() {
    Set<String> nicks = new LinkedHashSet<>();
    QianniuScanner first;
    try (BufferedReader in = openText()) {
      first = new QianniuScanner(in);
      while (first.hasNext()) {
        String nick = first.next().nick();
        if (nick != null) {
          nicks.add(nick);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    roles = new QianniuRoles(ctx.rosterShops(), first.transferSides());
    for (String nick : nicks) {
      QianniuRoles.Role role = roles.of(nick);
      if (role.isBuyer() && firstBuyer == null) {
        firstBuyer = nick;
      }
      if (role.shop() != null && fileShop == null) {
        fileShop = role.shop();
      }
    }
    if (fileShop == null) {
      fileShop = ctx.fallbackShop(task.path());
    }
  }

  private Row row(QianniuScanner.Message m) {
    try {
      if (m.problem() != null) {
        throw new Rejection("time", m.time(), m.problem());
      }
      QianniuRoles.Role role = roles.of(m.nick());
      if (role.isBuyer()) {
        buyer = m.nick(); // the conversation's buyer even when this header's time is broken
      }
      Timestamp sentAt = sentAt(m);
      String buyerNick = buyer != null ? buyer : firstBuyer;
      if (buyerNick == null) {
        throw new Rejection("nickname", m.nick(), "message without buyer",
            "no buyer nickname in the file, only agents and bots");
      }
      boolean agent = CanonicalSchema.AGENT.equals(role.sender());
      return new Parsed.Builder(Parsed.ROW, task.table(), FORMAT, task.path(), m.line())
          .set("shop_id", role.shop() != null ? role.shop() : fileShop)
          .set("buyer_key", ctx.pseudonymizer().pseudonym(buyerNick))
          .set("agent_id", agent ? role.agentId() : null)
          .set("sender", role.sender())
          .set("sent_at", sentAt)
          .set("text", ctx.keepChatText() ? text(m.text()) : null)
          .build();
    } catch (Rejection e) {
      return new Parsed.Builder(Parsed.REJECT, task.table(), FORMAT, task.path(), m.line())
          .set("reject_column", e.column).set("reject_raw", e.raw)
          .set("reject_reason", e.reason()).set("reject_detail", e.detail).build();
    }
  }

  private Timestamp sentAt(QianniuScanner.Message m) {
    try {
      return Cells.eventTime(m.time(), ctx.zone(), false, latest);
    } catch (BadCell e) {
      throw new Rejection("time", m.time(), e.reason(),
          "expected a header like 昵称 YYYY-M-D H:MM:SS");
    }
  }

  /** The message's lines without the blank lines around them; null when nothing is left. */
  static String text(List<String> lines) {
    int from = 0;
    int to = lines.size();
    while (from < to && lines.get(from).isEmpty()) {
      from++;
    }
    while (to > from && lines.get(to - 1).isEmpty()) {
      to--;
    }
    return from == to ? null : String.join("\n", lines.subList(from, to));
  }

  private BufferedReader openText() {
    try {
      return source.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void finish() {
    finished = true;
    try {
      reader.close();
    } catch (IOException ignored) {
      // read to the end already: nothing left to release
    }
    // Read in a flatMap, the file bypasses Hadoop's input metrics: report it as RecordStream does.
    org.apache.spark.TaskContext running = org.apache.spark.TaskContext.get();
    if (running != null) {
      running.taskMetrics().inputMetrics().incRecordsRead(rowsRead);
      running.taskMetrics().inputMetrics().incBytesRead(facts.bytes());
    }
    done.accept(new ParsedFile(task.table(), task.path(), FORMAT + "/" + label(), facts.bytes(),
        facts.sha256(), facts.encoding(), rowsRead, 0L, null, scanner.skipped()));
  }

  /** {@code txt}, or {@code txt.gz} for a gzip-compressed record. */
  private String label() {
    return facts.gzip() ? "txt.gz" : "txt";
  }
}
