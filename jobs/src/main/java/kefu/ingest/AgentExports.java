package kefu.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kefu.canonical.CanonicalSchema;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;

/**
 * The per-agent exports (--agent-exports) to the agent_days and reception_hours tables. They are
 * a few hundred rows (agents x days), so each file goes through the same parser as every other
 * input ({@link FileParser}: encoding, header recognition, summary rows, typed cells, rejects)
 * but on the driver, as one call per file: no Spark job for them, and a 分时接待 row becomes its
 * 24 hour rows in plain Java. Rows repeating what an earlier row of the same layout already
 * stated (the same agent over an overlapping span, or the same shop-day of 分时接待) are
 * rejected, so no figure is counted twice.
 */
final class AgentExports {
  private AgentExports() {}

  /**
   * @param agentDays the agent_days table
   * @param receptionHours the reception_hours table (24 rows per accepted record)
   * @param rejects rows of {@link CanonicalSchema#REJECTS}
   * @param accepted records accepted per canonical table and file (a 分时接待 record counts once)
   */
  record Result(LocalTable agentDays, LocalTable receptionHours, List<Row> rejects,
      Map<String, Map<String, Long>> accepted) {

    long rows(String table) {
      return "agent_days".equals(table) ? agentDays.size() : receptionHours.size();
    }
  }

  static final List<String> TABLES = List.of("agent_days", "reception_hours");

  /** Parses every file of {@code tasks}; each file's facts go to {@code files}. */
  static Result read(Map<String, String> hadoopConf, List<FileParser.Task> tasks,
      ParseContext ctx, CollectionAccumulator<ParsedFile> files) {
    FileParser parser = new FileParser(hadoopConf, ctx, files);
    List<Row> agentDays = new ArrayList<>();
    List<Row> hours = new ArrayList<>();
    List<Row> rejects = new ArrayList<>();
    Map<String, Map<String, Long>> accepted = new HashMap<>();
    TABLES.forEach(t -> accepted.put(t, new TreeMap<>()));
    Map<List<Object>, List<Stated>> statedSpans = new HashMap<>();
    Map<List<Object>, Stated> statedDays = new HashMap<>();
    for (FileParser.Task task : tasks) {
      Iterator<Row> rows;
      try {
        rows = parser.call(task);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      while (rows.hasNext()) {
        Row r = rows.next();
        String table = r.getString(1);
        StructType parsed = Parsed.schemaOf(table);
        String file = r.getString(3);
        long line = r.getLong(4);
        if (Parsed.REJECT.equals(r.getString(0))) {
          rejects.add(reject(table, file, line, get(r, parsed, "reject_column"),
              get(r, parsed, "reject_raw"), get(r, parsed, "reject_reason"),
              get(r, parsed, "reject_detail")));
          continue;
        }
        Stated here = new Stated(file, line);
        if ("reception_hours".equals(table)) {
          List<Object> key = List.of(get(r, parsed, "shop_id"), get(r, parsed, "day"));
          Stated first = statedDays.putIfAbsent(key, here);
          if (first != null) {
            rejects.add(reject(table, file, line, "日期", String.valueOf(key.get(1)),
                "day already stated by another 分时接待 row", first.toString()));
            continue;
          }
          List<Long> counts = get(r, parsed, "hour_receptions");
          for (int h = 0; h < counts.size(); h++) {
            hours.add(LocalTable.row(CanonicalSchema.RECEPTION_HOURS, key.get(0), key.get(1), h,
                counts.get(h), file, line));
          }
        } else {
          Date from = get(r, parsed, "day_from");
          Date to = get(r, parsed, "day_to");
          List<Object> key = List.of(get(r, parsed, "shop_id"), get(r, parsed, "agent_id"),
              get(r, parsed, "layout"));
          List<Stated> spans = statedSpans.computeIfAbsent(key, k -> new ArrayList<>());
          Stated overlapped = spans.stream()
              .filter(s -> !s.to.before(from) && !to.before(s.from)).findFirst().orElse(null);
          if (overlapped != null) {
            rejects.add(reject(table, file, line, "agent_id", (String) key.get(1),
                "agent's span overlaps another row of the same export layout",
                overlapped.toString()));
            continue;
          }
          spans.add(new Stated(file, line, from, to));
          Object[] values = new Object[CanonicalSchema.AGENT_DAYS.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = get(r, parsed, CanonicalSchema.AGENT_DAYS.fields()[i].name());
          }
          agentDays.add(LocalTable.row(CanonicalSchema.AGENT_DAYS, values));
        }
        accepted.get(table).merge(file, 1L, Long::sum);
      }
    }
    return new Result(new LocalTable(CanonicalSchema.AGENT_DAYS, agentDays),
        new LocalTable(CanonicalSchema.RECEPTION_HOURS, hours), rejects, accepted);
  }

  /** Where a row was stated, and for an agent row its span. */
  private record Stated(String file, long line, Date from, Date to) {
    Stated(String file, long line) {
      this(file, line, null, null);
    }

    @Override
    public String toString() {
      return "stated at " + file + " line " + line
          + (from == null ? "" : " (" + from + " to " + to + ")");
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T get(Row r, StructType schema, String column) {
    return (T) r.get(schema.fieldIndex(column));
  }

  private static Row reject(String table, String file, long line, String column, String raw,
      String reason, String detail) {
    return LocalTable.row(CanonicalSchema.REJECTS, table, file, line, column, raw, reason,
        detail);
  }
}
