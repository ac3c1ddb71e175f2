package kefu.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A small RFC-4180 reader: quoted fields with commas, doubled quotes and embedded newlines; LF or
 * CRLF record ends (a bare CR is data, as in the twcs export). Each record knows the physical line
 * it starts on. An unterminated quote is reported on the record, not thrown.
 */
final class CsvReader implements Iterator<RawRecord> {
  private final Reader in;
  private final char[] buffer = new char[64 * 1024];
  private int length;
  private int position;
  private long line = 1;
  private RawRecord next;
  private boolean done;

  CsvReader(Reader in) {
    this.in = in;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      next = readRecord();
      done = next == null;
    }
    return next != null;
  }

  @Override
  public RawRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RawRecord r = next;
    next = null;
    return r;
  }

  private int read() {
    if (position == length) {
      try {
        length = in.read(buffer);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      position = 0;
      if (length <= 0) {
        length = 0;
        return -1;
      }
    }
    return buffer[position++];
  }

  private int peek() {
    int c = read();
    if (c >= 0) {
      position--;
    }
    return c;
  }

  private RawRecord readRecord() {
    int c = read();
    if (c < 0) {
      return null;
    }
    long start = line;
    List<String> cells = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStart = true;
    while (true) {
      if (c < 0) {
        cells.add(field.toString());
        return new RawRecord(start, cells, quoted ? "unterminated quoted field" : null);
      }
      char ch = (char) c;
      if (quoted) {
        if (ch == '"') {
          if (peek() == '"') {
            read();
            field.append('"');
          } else {
            quoted = false;
          }
        } else {
          if (ch == '\n') {
            line++;
          }
          field.append(ch);
        }
      } else if (ch == '"' && fieldStart) {
        quoted = true;
        fieldStart = false;
      } else if (ch == ',') {
        cells.add(field.toString());
        field.setLength(0);
        fieldStart = true;
      } else if (ch == '\n' || (ch == '\r' && peek() == '\n')) {
        if (ch == '\r') {
          read();
        }
        line++;
        cells.add(field.toString());
        return new RawRecord(start, cells, null);
      } else {
        field.append(ch);
        fieldStart = false;
      }
      c = read();
    }
  }
}
