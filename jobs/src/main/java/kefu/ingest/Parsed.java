package kefu.ingest;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.HashMap;
import java.util.Map;
import kefu.canonical.CanonicalSchema;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The wide intermediate schema every parsed record lands in: the canonical columns of all
 * tables, adapter extras, the reject fields and, on one {@code file} row per input, the file's
 * facts. {@code kind} is {@code row}, {@code reject} or {@code file}.
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
      // rejects
      f("reject_column", StringType), f("reject_raw", StringType), f("reject_reason", StringType),
      // file facts
      f("file_bytes", LongType), f("file_sha256", StringType), f("file_encoding", StringType),
      f("rows_read", LongType), f("fatal_error", StringType)});

  private static final Map<String, Integer> INDEX = new HashMap<>();

  static {
    for (int i = 0; i < SCHEMA.fields().length; i++) {
      INDEX.put(SCHEMA.fields()[i].name(), i);
    }
  }

  private static StructField f(String name, org.apache.spark.sql.types.DataType type) {
    return DataTypes.createStructField(name, type, true);
  }

  /** A mutable row of {@link #SCHEMA}. */
  static final class Builder {
    private final Object[] values = new Object[SCHEMA.fields().length];

    Builder(String kind, String table, String format, String sourceFile, long sourceLine) {
      set("kind", kind).set("table", table).set("format", format)
          .set("source_file", sourceFile).set("source_line", sourceLine);
    }

    Builder set(String column, Object value) {
      Integer i = INDEX.get(column);
      if (i == null) {
        throw new IllegalArgumentException("no parsed column " + column);
      }
      values[i] = value;
      return this;
    }

    Object get(String column) {
      return values[INDEX.get(column)];
    }

    Row build() {
      return RowFactory.create(values.clone());
    }
  }
}
