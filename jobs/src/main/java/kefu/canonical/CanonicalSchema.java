package kefu.canonical;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The contract between ingest and everything after it (domain brief, "The canonical schema").
 * Every adapter produces exactly these columns; timestamps are instants, money is decimal(14,2)
 * yuan, and {@code source_file}/{@code source_line} trace each row back to its input.
 */
public final class CanonicalSchema {
  private CanonicalSchema() {}

  public static final DecimalType MONEY = DataTypes.createDecimalType(14, 2);

  public static final StructType ORDERS = schema(
      f("order_id", StringType, false),
      f("line_id", StringType, true),
      f("shop_id", StringType, false),
      f("buyer_key", StringType, true),
      f("item_id", StringType, true),
      f("category", StringType, true),
      f("quantity", IntegerType, true),
      f("amount_total", MONEY, true),
      f("amount_paid", MONEY, true),
      f("created_at", TimestampType, false),
      f("paid_at", TimestampType, true),
      f("status", StringType, true),
      f("is_presale", BooleanType, true),
      f("refund_amount", MONEY, true),
      f("source_file", StringType, false),
      f("source_line", LongType, false));

  public static final StructType REFUNDS = schema(
      f("refund_id", StringType, false),
      f("order_id", StringType, false),
      f("line_id", StringType, true),
      f("shop_id", StringType, true),
      f("requested_at", TimestampType, true),
      f("completed_at", TimestampType, true),
      f("amount", MONEY, false),
      f("return_required", BooleanType, true),
      f("reason", StringType, true),
      f("status", StringType, true),
      f("source_file", StringType, false),
      f("source_line", LongType, false));

  public static final StructType RATINGS = schema(
      f("order_id", StringType, false),
      f("shop_id", StringType, true),
      f("rated_at", TimestampType, true),
      f("dsr_description", IntegerType, true),
      f("dsr_service", IntegerType, true),
      f("dsr_logistics", IntegerType, true),
      f("source_file", StringType, false),
      f("source_line", LongType, false));

  public static final StructType CHATS = schema(
      f("shop_id", StringType, false),
      f("buyer_key", StringType, false),
      f("agent_id", StringType, true),
      f("sender", StringType, false),
      f("sent_at", TimestampType, false),
      f("text", StringType, true),
      f("source_file", StringType, false),
      f("source_line", LongType, false));

  public static final StructType AGENTS = schema(
      f("agent_id", StringType, false),
      f("shop_id", StringType, true),
      f("display_name", StringType, true),
      f("team", StringType, true),
      f("sourcing", StringType, true),
      f("role", StringType, true),
      f("employment", StringType, true),
      f("city", StringType, true),
      f("city_tier", IntegerType, true),
      f("hired_on", DateType, true),
      f("left_on", DateType, true));

  /** One quarantined input row: where it came from, which column failed and why. */
  public static final StructType REJECTS = schema(
      f("table", StringType, false),
      f("source_file", StringType, false),
      f("source_line", LongType, false),
      f("column", StringType, true),
      f("raw_value", StringType, true),
      f("reason", StringType, false),
      // the row's other values behind the reason (e.g. "created 2020/2/20 23:34"), not in the
      // reason's text, so that rejects group by reason
      f("detail", StringType, true));

  /** Values of {@code chats.sender}. */
  public static final String BUYER = "buyer";
  public static final String AGENT = "agent";
  public static final String BOT = "bot";

  public static StructType forTable(String table) {
    switch (table) {
      case "orders": return ORDERS;
      case "refunds": return REFUNDS;
      case "ratings": return RATINGS;
      case "chats": return CHATS;
      case "agents": return AGENTS;
      default: throw new IllegalArgumentException("unknown canonical table " + table);
    }
  }

  private static StructField f(String name, DataType type, boolean nullable) {
    return DataTypes.createStructField(name, type, nullable);
  }

  private static StructType schema(StructField... fields) {
    return DataTypes.createStructType(fields);
  }
}
