package kefu.canonical;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
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

  /**
   * Per-agent figures as a 赤兔/生意参谋/千牛 export states them (售前明细, workload, performance
   * summary; domain brief 2.4/2.5). Grain: one row per shop x agent x stated span, where a daily
   * export gives {@code day_from == day_to}. Counts and money are the export's own (kefu does not
   * recompute them); a column the export's layout lacks is null, never 0. Rates are fractions
   * (0.25 for "25%"), durations seconds.
   */
  public static final StructType AGENT_DAYS = schema(
      f("shop_id", StringType, false),
      f("agent_id", StringType, false),
      f("day_from", DateType, false),
      f("day_to", DateType, false),
      f("department", StringType, true),
      f("layout", StringType, false),
      f("consulted_buyers", LongType, true),
      f("received_buyers", LongType, true),
      f("inquiry_buyers", LongType, true),
      f("ordered_buyers", LongType, true),
      f("paid_buyers", LongType, true),
      f("paid_next_day_buyers", LongType, true),
      // 销售人数: buyers of the agent's credited sales, the 客单价 denominator (not an inquiry
      // funnel count like paid_buyers, 询单->最终付款人数)
      f("paying_buyers", LongType, true),
      f("sales", MONEY, true),
      f("units", LongType, true),
      f("orders", LongType, true),
      f("buyer_messages", LongType, true),
      f("agent_messages", LongType, true),
      f("answer_ratio", DoubleType, true),
      f("reply_rate", DoubleType, true),
      f("first_response_seconds", DoubleType, true),
      f("avg_response_seconds", DoubleType, true),
      // 平均接待时长(秒): the handling time the staffing model needs with the 分时接待 curve
      f("avg_reception_seconds", DoubleType, true),
      f("slow_response_buyers", LongType, true),
      f("transferred_out", LongType, true),
      f("refund_rate", DoubleType, true),
      f("source_file", StringType, false),
      f("source_line", LongType, false));

  /**
   * 分时接待: receptions by hour of day as the export states them. Grain: shop x day x hour
   * (0-23); the export's 全天 column is checked against the hours' sum, not stored.
   */
  public static final StructType RECEPTION_HOURS = schema(
      f("shop_id", StringType, false),
      f("day", DateType, false),
      f("hour", IntegerType, false),
      f("receptions", LongType, false),
      f("source_file", StringType, false),
      f("source_line", LongType, false));

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
      case "agent_days": return AGENT_DAYS;
      case "reception_hours": return RECEPTION_HOURS;
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
