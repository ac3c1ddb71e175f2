package kefu.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * What one file's parsed rows say about their keys ({@link Duplicates#KEYS}): whether a key may
 * repeat within the file, and the least and greatest key of each shape (which key columns are
 * null: an order's own row and its lines never share a key). A table whose files repeat no key
 * within themselves, and whose files' ranges of one shape do not overlap, repeats no key at all:
 * the duplicate query need not ask (a shop's single export, exports of successive months).
 * Anything less certain leaves the table to that query, so a wrong answer here can only cost time.
 *
 * @param repeatsWithin a key repeats within the file, or two of its keys' hashes are equal
 * @param ranges per shape, the least and greatest key (a shape's keys compare as strings)
 */
record FileKeys(boolean repeatsWithin, TreeMap<String, Range> ranges) implements Serializable {

  record Range(String least, String greatest) implements Serializable {}

  /**
   * The tables of {@code files} whose keys are proven not to repeat: every file of the table
   * gathered its keys, none repeats one within itself, and no two files' ranges of one shape
   * overlap. Tables without a key are not named.
   */
  static Set<String> unrepeated(List<ParsedFile> files) {
    Map<String, List<FileKeys>> byTable = new HashMap<>();
    Set<String> unknown = new HashSet<>();
    for (ParsedFile f : files) {
      if (!Duplicates.KEYS.containsKey(f.table()) || f.rowsRead() == 0) {
        continue;
      }
      if (f.keys() == null || f.keys().repeatsWithin()) {
        unknown.add(f.table());
      } else {
        byTable.computeIfAbsent(f.table(), t -> new ArrayList<>()).add(f.keys());
      }
    }
    Set<String> unrepeated = new HashSet<>();
    byTable.forEach((table, keys) -> {
      if (!unknown.contains(table) && disjoint(keys)) {
        unrepeated.add(table);
      }
    });
    return unrepeated;
  }

  private static boolean disjoint(List<FileKeys> files) {
    Map<String, List<Range>> byShape = new HashMap<>();
    files.forEach(f -> f.ranges().forEach((shape, range) ->
        byShape.computeIfAbsent(shape, s -> new ArrayList<>()).add(range)));
    for (List<Range> ranges : byShape.values()) {
      ranges.sort(Comparator.comparing(Range::least));
      for (int i = 1; i < ranges.size(); i++) {
        if (ranges.get(i).least().compareTo(ranges.get(i - 1).greatest()) <= 0) {
          return false;
        }
      }
    }
    return true;
  }

  /** Gathers the keys of one file's rows of {@code table}; null for a table without a key. */
  static Tracker tracker(String table) {
    List<String> columns = Duplicates.KEYS.get(table);
    if (columns == null) {
      return null;
    }
    List<String> names = List.of(Parsed.schemaOf(table).fieldNames());
    return new Tracker(columns.stream().mapToInt(names::indexOf).toArray());
  }

  /** Not thread-safe: one per file, in the task that parses it. */
  static final class Tracker {
    private final int[] positions;
    /** Per shape (bit i set: key column i is null), the least and greatest key, or null. */
    private final String[][] ranges;
    private final LongSet hashes = new LongSet();
    private boolean repeated;

    private Tracker(int[] positions) {
      this.positions = positions;
      this.ranges = new String[1 << positions.length][];
    }

    /** Adds a parsed row of the table (its key columns are strings or null). */
    void add(Row row) {
      int shape = 0;
      StringBuilder key = new StringBuilder();
      for (int i = 0; i < positions.length; i++) {
        String value = row.getString(positions[i]);
        if (value == null) {
          shape |= 1 << i;
        } else {
          // Length-prefixed, so that two different keys never read as the same string.
          key.append(value.length()).append(':').append(value);
        }
      }
      String k = key.toString();
      if (!hashes.add(hash(shape, k))) {
        repeated = true;
      }
      String[] range = ranges[shape];
      if (range == null) {
        ranges[shape] = new String[] {k, k};
      } else if (k.compareTo(range[0]) < 0) {
        range[0] = k;
      } else if (k.compareTo(range[1]) > 0) {
        range[1] = k;
      }
    }

    /** The ranges by shape name: a character per key column, '-' where it is null, else 'k'. */
    FileKeys result() {
      TreeMap<String, Range> out = new TreeMap<>();
      for (int shape = 0; shape < ranges.length; shape++) {
        if (ranges[shape] != null) {
          char[] name = new char[positions.length];
          for (int i = 0; i < name.length; i++) {
            name[i] = (shape & (1 << i)) != 0 ? '-' : 'k';
          }
          out.put(new String(name), new Range(ranges[shape][0], ranges[shape][1]));
        }
      }
      return new FileKeys(repeated, out);
    }

    /** 64-bit FNV-1a over the shape and the key's characters, then a final mix. */
    private static long hash(int shape, String key) {
      long h = (0xcbf29ce484222325L ^ shape) * 0x100000001b3L;
      for (int i = 0; i < key.length(); i++) {
        h = (h ^ key.charAt(i)) * 0x100000001b3L;
      }
      h ^= h >>> 33;
      h *= 0xff51afd7ed558ccdL;
      return h ^ (h >>> 33);
    }
  }

  /**
   * A set of longs without boxing (a file may hold millions of keys): open addressing, kept at
   * most half full. 0 marks an empty slot, so a hash of 0 is stored as 1; the two then read as
   * one key, which only makes a repeat look possible.
   */
  static final class LongSet {
    private long[] slots = new long[1024];
    private int size;

    /** @return false when {@code value} was already in the set */
    boolean add(long value) {
      long v = value == 0 ? 1 : value;
      if (2 * (size + 1) > slots.length) {
        grow();
      }
      if (!insert(slots, v)) {
        return false;
      }
      size++;
      return true;
    }

    private static boolean insert(long[] slots, long v) {
      int mask = slots.length - 1;
      int i = (int) (v ^ (v >>> 32)) & mask;
      while (slots[i] != 0) {
        if (slots[i] == v) {
          return false;
        }
        i = (i + 1) & mask;
      }
      slots[i] = v;
      return true;
    }

    private void grow() {
      long[] bigger = new long[slots.length * 2];
      for (long v : slots) {
        if (v != 0) {
          insert(bigger, v);
        }
      }
      slots = bigger;
    }
  }
}
