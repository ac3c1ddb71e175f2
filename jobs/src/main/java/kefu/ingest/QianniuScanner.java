package kefu.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a 千牛 chat record line by line into its messages: each header (one line, or a nickname
 * with the time on the next line) opens a message whose text is every line up to the next header,
 * transfer, recall or status line. Everything else is counted by kind in {@link #skipped}, so
 * that each non-blank line is either part of a message or counted.
 */
final class QianniuScanner implements Iterator<QianniuScanner.Message> {
  static final String TRANSFERS = "qianniu_transfers";
  static final String RECALLS = "qianniu_recalls";
  static final String STATUS_LINES = "qianniu_status_lines";
  static final String SYSTEM_LINES = "qianniu_system_lines";
  /** Text after a status line or before the first header: no message to belong to. */
  static final String STRAY_TEXT_LINES = "qianniu_stray_text_lines";

  /**
   * A header and its text lines; {@code problem} is set when the header itself is broken (a time
   * line with no nickname above it).
   */
  record Message(long line, String nick, String time, List<String> text, String problem) {}

  private final BufferedReader in;
  private final TreeMap<String, Long> skipped = new TreeMap<>();
  private final Set<String> transferSides = new HashSet<>();
  private long lineNumber;
  private String peeked;
  private boolean peekedValid;
  /** The open message, and whether text lines still belong to it (a status line ends it). */
  private Message open;
  private boolean takesText;
  private Message ready;

  QianniuScanner(BufferedReader in) {
    this.in = in;
  }

  /** Counts of the lines that are not messages, by kind (only kinds seen). */
  TreeMap<String, Long> skipped() {
    return skipped;
  }

  /** Nicknames either side of a transfer: both are agents of the shop. */
  Set<String> transferSides() {
    return transferSides;
  }

  @Override
  public boolean hasNext() {
    while (ready == null) {
      String raw = read();
      if (raw == null) {
        ready = open;
        open = null;
        return ready != null;
      }
      take(raw);
    }
    return true;
  }

  @Override
  public Message next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Message m = ready;
    ready = null;
    return m;
  }

  private void take(String raw) {
    long line = lineNumber;
    QianniuLine l = QianniuLine.classify(raw);
    switch (l.kind()) {
      case BLANK:
        if (open != null && takesText) {
          open.text().add("");
        }
        break;
      case HEADER:
        start(new Message(line, l.nick(), l.time(), new ArrayList<>(), null));
        break;
      case TIME_ONLY:
        start(new Message(line, null, l.time(), new ArrayList<>(),
            "time line without a nickname line above it"));
        break;
      case TEXT:
        QianniuLine below = QianniuLine.classify(peek());
        if (below.kind() == QianniuLine.Kind.TIME_ONLY) {
          // The older window: nickname alone, the time alone on the next line.
          read();
          start(new Message(line, QianniuLine.strip(raw), below.time(), new ArrayList<>(), null));
        } else if (open != null && takesText) {
          open.text().add(QianniuLine.strip(raw));
        } else {
          count(STRAY_TEXT_LINES);
        }
        break;
      case TRANSFER:
        close();
        transferSides.add(l.nick());
        transferSides.add(l.receiver());
        count(TRANSFERS);
        break;
      case RECALL:
        close();
        count(RECALLS);
        break;
      case STATUS:
        takesText = false;
        count(STATUS_LINES);
        break;
      case SYSTEM:
        count(SYSTEM_LINES);
        break;
      default:
        throw new IllegalStateException("unhandled line kind " + l.kind());
    }
  }

  private void start(Message m) {
    close();
    open = m;
    takesText = true;
  }

  private void close() {
    if (open != null) {
      ready = open;
      open = null;
    }
    takesText = false;
  }

  private void count(String kind) {
    skipped.merge(kind, 1L, Long::sum);
  }

  /** The next physical line (numbered from 1), or null at the end. */
  private String read() {
    if (peekedValid) {
      peekedValid = false;
      if (peeked != null) {
        lineNumber++;
      }
      return peeked;
    }
    String s = readLine();
    if (s != null) {
      lineNumber++;
    }
    return s;
  }

  private String peek() {
    if (!peekedValid) {
      peeked = readLine();
      peekedValid = true;
    }
    return peeked;
  }

  private String readLine() {
    try {
      return in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
