package kefu.ingest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Item-code prefix to category (data/config/categories.csv: item_prefix, category, category_name,
 * margin_rate). The longest matching prefix wins; matching ignores case.
 */
public final class CategoryMaster implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One line of the master. */
  public record Entry(String itemPrefix, String category, String categoryName, BigDecimal marginRate)
      implements Serializable {}

  private final List<Entry> byLongestPrefix;
  private final Map<String, Entry> byCategory = new TreeMap<>();

  public CategoryMaster(List<Entry> entries) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingInt((Entry e) -> e.itemPrefix().length()).reversed());
    this.byLongestPrefix = List.copyOf(sorted);
    for (Entry e : entries) {
      byCategory.putIfAbsent(e.category(), e);
    }
  }

  /** Reads the master CSV (UTF-8, with header) from any Hadoop file system. */
  public static CategoryMaster read(SparkSession spark, String path) {
    Path p = new Path(path);
    try {
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (FSDataInputStream in = fs.open(p);
          Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return parse(reader, path);
      }
    } catch (IOException e) {
      throw new InputError(path + ": cannot read category master (" + e.getMessage() + ")", e);
    }
  }

  static CategoryMaster parse(Reader reader, String name) {
    CsvReader csv = new CsvReader(reader);
    List<Entry> entries = new ArrayList<>();
    Headers headers = null;
    while (csv.hasNext()) {
      RawRecord r = csv.next();
      if (r.isBlank()) {
        continue;
      }
      if (headers == null) {
        headers = new Headers(r.cells());
        for (String required : List.of("item_prefix", "category")) {
          if (headers.index(required) < 0) {
            throw new InputError(name + ": expected column " + required + ", found headers "
                + headers.found());
          }
        }
        continue;
      }
      String prefix = Cells.text(r.cell(headers.index("item_prefix")));
      String category = Cells.text(r.cell(headers.index("category")));
      if (prefix == null || category == null) {
        throw InputError.at(name, r.line(), prefix == null ? "item_prefix" : "category",
            "a value", "");
      }
      BigDecimal margin;
      try {
        margin = Cells.rate(r.cell(headers.index("margin_rate")));
      } catch (BadCell e) {
        throw InputError.at(name, r.line(), "margin_rate", e.reason(),
            r.cell(headers.index("margin_rate")));
      }
      entries.add(new Entry(prefix, category,
          Cells.text(r.cell(headers.index("category_name"))), margin));
    }
    return new CategoryMaster(entries);
  }

  /** The category of an item code by longest prefix; null when none matches or code is null. */
  public String categoryOf(String itemCode) {
    if (itemCode == null) {
      return null;
    }
    String code = itemCode.trim().toUpperCase(Locale.ROOT);
    for (Entry e : byLongestPrefix) {
      if (code.startsWith(e.itemPrefix().toUpperCase(Locale.ROOT))) {
        return e.category();
      }
    }
    return null;
  }

  public String categoryName(String category) {
    Entry e = byCategory.get(category);
    return e == null ? null : e.categoryName();
  }

  /** Each category's name (category_name) by its code; categories without a name left out. */
  public Map<String, String> names() {
    Map<String, String> names = new TreeMap<>();
    byCategory.forEach((code, e) -> {
      if (e.categoryName() != null) {
        names.put(code, e.categoryName());
      }
    });
    return names;
  }

  public BigDecimal marginRate(String category) {
    Entry e = byCategory.get(category);
    return e == null ? null : e.marginRate();
  }

  public List<Entry> entries() {
    return byLongestPrefix;
  }
}
