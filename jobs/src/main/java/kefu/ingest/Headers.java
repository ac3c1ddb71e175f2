package kefu.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A header row, looked up by normalised name: case, BOM, {@code =}, quotes, spaces (also
 * trailing and full-width), brackets and the separators / _ - are ignored, so 订单付款时间␠,
 * ="订单编号" and 手工退款_系统退款 all match their documented names.
 */
final class Headers implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final java.util.regex.Pattern IGNORED =
      java.util.regex.Pattern.compile("[\\s\\u00a0\\u3000\\uFEFF=\"'/_\\-()（）\\[\\]【】]");

  private final List<String> original = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  /** Column index to the index of a later column with the same normalised name. */
  private final Map<Integer, Integer> twins = new HashMap<>();
  /** Aliases are looked up for every cell of every row: resolve each one to its column once. */
  private transient Map<String, Integer> aliasColumns;

  Headers(List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      String name = cells.get(i) == null ? "" : cells.get(i);
      original.add(name.replace("\uFEFF", "").trim());
      String key = normalise(name);
      if (!key.isEmpty()) {
        Integer first = index.putIfAbsent(key, i);
        if (first != null) {
          twins.putIfAbsent(first, i);
        }
      }
    }
  }

  static String normalise(String name) {
    if (name == null) {
      return "";
    }
    return IGNORED.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("");
  }

  /** Column index of the first alias present, else -1. */
  int index(String... aliases) {
    if (aliasColumns == null) {
      aliasColumns = new HashMap<>();
    }
    for (String a : aliases) {
      int i = aliasColumns.computeIfAbsent(a, k -> index.getOrDefault(normalise(k), -1));
      if (i >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** The later column headed like column {@code i} (a duplicated header), else -1. */
  int twinOf(int i) {
    return twins.isEmpty() ? -1 : twins.getOrDefault(i, -1);
  }

  boolean has(String... aliases) {
    return index(aliases) >= 0;
  }

  /** The header as written in the file (trimmed), for reject messages. */
  String name(int i) {
    return i >= 0 && i < original.size() ? original.get(i) : null;
  }

  int size() {
    return original.size();
  }

  String found() {
    return String.join(", ", original);
  }

  /** The header found that is closest to {@code expected} (edit distance), for error messages. */
  String closestTo(String expected) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String e = normalise(expected);
    for (String h : original) {
      int d = distance(normalise(h), e);
      if (d < bestDistance) {
        bestDistance = d;
        best = h;
      }
    }
    return best;
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
