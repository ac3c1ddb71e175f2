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
 * it starts on. An unterminated quote is reported on the record, not thrown. A cell longer than
 * Excel's 32,767 characters or a record wider than Excel's 16,384 columns cannot come from a real
 * export: the excess is skipped (memory stays bounded) and the record carries the problem.
 */
final class CsvReader implements Iterator<RawRecord> {
  static final int MAX_CELL_CHARS = 32_767;
  static final int MAX_CELLS = 16_384;

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
    boolean cellTooLong = false;
    int width = 0;
    while (true) {
      if (field.length() > MAX_CELL_CHARS) {
        // Keep reading, stop storing: the record is rejected anyway.
        cellTooLong = true;
        field.setLength(MAX_CELL_CHARS);
      }
      if (c < 0) {
        width = addCell(cells, field, width);
        return new RawRecord(start, cells,
            quoted ? "unterminated quoted field" : sizeProblem(cellTooLong, width));
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
        width = addCell(cells, field, width);
        field.setLength(0);
        fieldStart = true;
      } else if (ch == '\n' || (ch == '\r' && peek() == '\n')) {
        if (ch == '\r') {
          read();
        }
        line++;
        width = addCell(cells, field, width);
        return new RawRecord(start, cells, sizeProblem(cellTooLong, width));
      } else {
        field.append(ch);
        fieldStart = false;
      }
      c = read();
    }
  }

  /** Stores the cell while the record is within Excel's width; always counts it. */
  private static int addCell(List<String> cells, StringBuilder field, int width) {
    if (width < MAX_CELLS) {
      cells.add(field.toString());
    }
    return width + 1;
  }

  private static String sizeProblem(boolean cellTooLong, int width) {
    if (cellTooLong) {
      return "cell longer than " + MAX_CELL_CHARS + " characters (Excel's limit), expected a"
          + " value of an export";
    }
    if (width > MAX_CELLS) {
      return "record has " + width + " cells, more than Excel's " + MAX_CELLS + " columns";
    }
    return null;
  }
}
