package kefu.ingest;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kefu.canonical.CanonicalSchema;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The intermediate schema parsed records land in: the canonical columns of all tables, adapter
 * extras, the reject fields and, on one {@code file} row per input, the file's facts. A table's
 * files are parsed as rows of its slice ({@link #schemaOf}). {@code kind} is {@code row},
 * {@code reject} or {@code file}.
 */
final class Parsed {
  private Parsed() {}

  static final String ROW = "row";
  static final String REJECT = "reject";
  static final String FILE = "file";

  static final StructType SCHEMA = DataTypes.createStructType(new StructField[] {
      f("kind", StringType), f("table", StringType), f("format", StringType),
      f("source_file", StringType), f("source_line", LongType),
      // orders
      f("order_id", StringType), f("line_id", StringType), f("shop_id", StringType),
      f("fallback_shop", StringType), f("buyer_key", StringType), f("item_id", StringType),
      f("category", StringType), f("quantity", IntegerType),
      f("amount_total", CanonicalSchema.MONEY), f("amount_paid", CanonicalSchema.MONEY),
      f("created_at", TimestampType), f("paid_at", TimestampType), f("status", StringType),
      f("is_presale", BooleanType), f("refund_amount", CanonicalSchema.MONEY),
      // refunds
      f("refund_id", StringType), f("requested_at", TimestampType),
      f("completed_at", TimestampType), f("amount", CanonicalSchema.MONEY),
      f("return_required", BooleanType), f("reason", StringType),
      f("is_full_refund", BooleanType),
      // ratings
      f("rated_at", TimestampType), f("dsr_description", IntegerType),
      f("dsr_service", IntegerType), f("dsr_logistics", IntegerType),
      // chats (tweet fields link twcs replies to brands)
      f("agent_id", StringType), f("sender", StringType), f("sent_at", TimestampType),
      f("text", StringType), f("tweet_id", StringType), f("reply_to_tweet_id", StringType),
      f("mentions", DataTypes.createArrayType(StringType)),
      f("mention_keys", DataTypes.createArrayType(StringType)),
      // agents
      f("display_name", StringType), f("team", StringType), f("sourcing", StringType),
      f("role", StringType), f("employment", StringType), f("city", StringType),
      f("city_tier", IntegerType), f("hired_on", DateType), f("left_on", DateType),
      // agent_days (per-agent exports)
      f("day_from", DateType), f("day_to", DateType), f("department", StringType),
      f("layout", StringType), f("consulted_buyers", LongType), f("received_buyers", LongType),
      f("inquiry_buyers", LongType), f("ordered_buyers", LongType), f("paid_buyers", LongType),
      f("paid_next_day_buyers", LongType), f("paying_buyers", LongType),
      f("sales", CanonicalSchema.MONEY), f("units", LongType), f("orders", LongType),
      f("buyer_messages", LongType), f("agent_messages", LongType),
      f("answer_ratio", DoubleType), f("reply_rate", DoubleType),
      f("first_response_seconds", DoubleType), f("avg_response_seconds", DoubleType),
      f("avg_reception_seconds", DoubleType), f("slow_response_buyers", LongType),
      f("transferred_out", LongType), f("refund_rate", DoubleType),
      // reception_hours (分时接待): one parsed row per day, its 24 hours in hour_receptions
      f("day", DateType), f("hour", IntegerType), f("receptions", LongType),
      f("hour_receptions", DataTypes.createArrayType(LongType)),
      // rejects
      f("reject_column", StringType), f("reject_raw", StringType), f("reject_reason", StringType),
      f("reject_detail", StringType),
      // file facts
      f("file_bytes", LongType), f("file_sha256", StringType), f("file_encoding", StringType),
      f("rows_read", LongType), f("fatal_error", StringType)});

  private static final Map<String, Integer> INDEX = new HashMap<>();

  static {
    for (int i = 0; i < SCHEMA.fields().length; i++) {
      INDEX.put(SCHEMA.fields()[i].name(), i);
    }
  }

  private static final List<String> SHARED =
      List.of("kind", "table", "format", "source_file", "source_line");
  private static final List<String> REJECT_FIELDS =
      List.of("reject_column", "reject_raw", "reject_reason", "reject_detail");
  private static final List<String> FILE_FACTS =
      List.of("file_bytes", "file_sha256", "file_encoding", "rows_read", "fatal_error");
  /** Adapter columns a table's rows carry besides its canonical ones. */
  private static final Map<String, List<String>> EXTRAS = Map.of(
      "orders", List.of("fallback_shop"),
      "refunds", List.of("fallback_shop", "item_id", "is_full_refund", "status"),
      "ratings", List.of("fallback_shop"),
      "chats", List.of("fallback_shop", "tweet_id", "reply_to_tweet_id", "mentions",
          "mention_keys"),
      "agents", List.of(),
      "agent_days", List.of(),
      "reception_hours", List.of("hour_receptions"));
  /** Per table, the positions in {@link #SCHEMA} of {@link #schemaOf}'s columns. */
  private static final Map<String, int[]> PICKED = new HashMap<>();
  /** Per table, whether each of {@link #SCHEMA}'s columns is one of {@link #schemaOf}'s. */
  private static final Map<String, boolean[]> KEPT = new HashMap<>();

  static {
    for (String table : EXTRAS.keySet()) {
      int[] picked = Arrays.stream(schemaOf(table).fieldNames()).mapToInt(INDEX::get).toArray();
      boolean[] kept = new boolean[SCHEMA.fields().length];
      Arrays.stream(picked).forEach(i -> kept[i] = true);
      PICKED.put(table, picked);
      KEPT.put(table, kept);
    }
  }

  /**
   * The columns a table's data rows can fill: the shared ones, its canonical columns and its
   * adapter extras. Selecting only these keeps the wide schema's empty columns out of every
   * shuffle and cache of that table.
   */
  static List<String> columnsOf(String table) {
    Set<String> columns = new LinkedHashSet<>(SHARED);
    for (StructField f : CanonicalSchema.forTable(table).fields()) {
      columns.add(f.name());
    }
    columns.addAll(EXTRAS.get(table));
    return new ArrayList<>(columns);
  }

  /**
   * The parsed rows of one table's files: its {@link #columnsOf} plus the reject fields and file
   * facts, in {@link #SCHEMA}'s order: 24 of its 85 columns for chats, which is what the parse
   * converts and writes for each of the history's ~10 messages per order.
   */
  static StructType schemaOf(String table) {
    Set<String> names = new HashSet<>(columnsOf(table));
    names.addAll(REJECT_FIELDS);
    names.addAll(FILE_FACTS);
    return DataTypes.createStructType(Arrays.stream(SCHEMA.fields())
        .filter(f -> names.contains(f.name())).toArray(StructField[]::new));
  }

  private static StructField f(String name, org.apache.spark.sql.types.DataType type) {
    return DataTypes.createStructField(name, type, true);
  }

  /** A mutable parsed row of one table; built as a row of {@link #schemaOf} that table. */
  static final class Builder {
    private final Object[] values = new Object[SCHEMA.fields().length];
    private final String table;
    private final int[] picked;
    private final boolean[] kept;

    Builder(String kind, String table, String format, String sourceFile, long sourceLine) {
      this.table = table;
      this.picked = PICKED.get(table);
      this.kept = KEPT.get(table);
      set("kind", kind).set("table", table).set("format", format)
          .set("source_file", sourceFile).set("source_line", sourceLine);
    }

    Builder set(String column, Object value) {
      Integer i = INDEX.get(column);
      if (i == null) {
        throw new IllegalArgumentException("no parsed column " + column);
      }
      if (value != null && !kept[i]) {
        // The row is built as schemaOf(table): fail rather than drop the value.
        throw new IllegalStateException(column + " is not a column of " + table + " rows");
      }
      values[i] = value;
      return this;
    }

    Object get(String column) {
      return values[INDEX.get(column)];
    }

    Row build() {
      Object[] row = new Object[picked.length];
      for (int p = 0; p < picked.length; p++) {
        row[p] = values[picked[p]];
      }
      return RowFactory.create(row);
    }
  }
}
