package kefu.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import kefu.spark.Ddl;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Agent x business date: every numerator and denominator of the agent metrics, so any period is
 * a plain sum of days. Grain: {@code shop_id}, {@code agent_id}, {@code business_date}.
 *
 * <p>Dating: receptions by {@link kefu.derive.Receptions reception_date}; inquiries by
 * inquiry date; sales (credited paid orders) by paid date; 落实下单 counts by created date;
 * refunds by completion date; ratings by rating date (else the order's sale date). Columns are in
 * {@link #COUNTS} (long) and {@link #MONEY} (decimal(14,2)); see the marts README.
 */
public final class AgentDaily {
  private AgentDaily() {}

  public static final String[] KEYS = {"shop_id", "agent_id", "business_date"};

  public static final String[] COUNTS = {
      "receptions", "replied_receptions", "buyer_messages", "answered_buyer_messages",
      "response_seconds_sum", "first_response_seconds_sum", "first_response_count",
      "inquiry_buyers", "inquiry_ordered_buyers", "inquiry_paid_buyers",
      "ordered_orders", "paying_buyers", "paid_orders", "sold_units", "sold_lines",
      "refund_count", "refunded_units", "return_count",
      "dsr_description_sum", "dsr_description_count", "dsr_service_sum", "dsr_service_count",
      "dsr_logistics_sum", "dsr_logistics_count",
      // added after the others so that the earlier columns keep their places
      "inquiry_paid_next_day_buyers", "agent_messages"};

  public static final String[] MONEY = {"inquiry_paid_amount", "sales_gross", "refund_amount"};

  /** The mart's columns: the keys, the counts (long), the money (decimal(14,2)). */
  public static final StructType SCHEMA = schema();

  private static StructType schema() {
    StructType s = Ddl.schema("shop_id STRING, agent_id STRING, business_date DATE");
    for (String c : COUNTS) {
      s = s.add(c, DataTypes.LongType);
    }
    for (String c : MONEY) {
      s = s.add(c, kefu.canonical.CanonicalSchema.MONEY);
    }
    return s;
  }

  /**
   * @param orders unused: {@code attributedOrders} carries every order column; kept so callers
   *     need not change when an order-only measure is added
   */
  public static Dataset<Row> build(Dataset<Row> receptions, Dataset<Row> inquiries,
      Dataset<Row> attributedOrders, Dataset<Row> attributedRefunds, Dataset<Row> ratings,
      Dataset<Row> orders) {
    List<Dataset<Row>> parts = new ArrayList<>();
    if (receptions != null) {
      parts.add(receptions.filter(col("agent_id").isNotNull())
          .groupBy(col("shop_id"), col("agent_id"), col("reception_date").as("business_date"))
          .agg(count(lit(1)).as("receptions"),
              count(when(col("is_replied"), lit(1))).as("replied_receptions"),
              sum("buyer_messages").as("buyer_messages"),
              sum("answered_buyer_messages").as("answered_buyer_messages"),
              sum("response_seconds_sum").as("response_seconds_sum"),
              sum("first_response_seconds").as("first_response_seconds_sum"),
              count("first_response_seconds").as("first_response_count"),
              sum("agent_messages").as("agent_messages")));
    }
    if (inquiries != null) {
      parts.add(inquiries
          .groupBy(col("shop_id"), col("agent_id"), col("inquiry_date").as("business_date"))
          .agg(count(lit(1)).as("inquiry_buyers"),
              count(when(col("ordered"), lit(1))).as("inquiry_ordered_buyers"),
              count(when(col("paid"), lit(1))).as("inquiry_paid_buyers"),
              count(when(col("paid_next_day"), lit(1))).as("inquiry_paid_next_day_buyers"),
              sum("paid_amount").as("inquiry_paid_amount")));
    }
    parts.add(attributedOrders
        .filter(col("credited_agent_id").isNotNull().and(col("paid_at").isNotNull()))
        .groupBy(col("shop_id"), col("credited_agent_id").as("agent_id"),
            col("paid_date").as("business_date"))
        .agg(count_distinct(col("buyer_key")).as("paying_buyers"),
            count_distinct(col("order_id")).as("paid_orders"),
            sum("quantity").as("sold_units"),
            count(lit(1)).as("sold_lines"),
            sum("amount_paid").as("sales_gross")));
    parts.add(attributedOrders
        .filter(col("order_agent_id").isNotNull())
        .groupBy(col("shop_id"), col("order_agent_id").as("agent_id"),
            col("created_date").as("business_date"))
        .agg(count_distinct(col("order_id")).as("ordered_orders")));
    if (attributedRefunds != null) {
      parts.add(attributedRefunds
          .filter(col("credited_agent_id").isNotNull())
          .groupBy(col("shop_id"), col("credited_agent_id").as("agent_id"),
              col("completed_date").as("business_date"))
          .agg(count(lit(1)).as("refund_count"),
              sum("refund_amount").as("refund_amount"),
              sum("refunded_units").as("refunded_units"),
              count(when(col("is_return"), lit(1))).as("return_count")));
    }
    if (ratings != null) {
      parts.add(ratedOrders(ratings, attributedOrders));
    }
    return Measures.combine(parts, KEYS, COUNTS, MONEY);
  }

  /** DSR scores of orders credited to an agent, by rating date. */
  private static Dataset<Row> ratedOrders(Dataset<Row> ratings, Dataset<Row> attributedOrders) {
    Dataset<Row> credited = attributedOrders
        .filter(col("credited_agent_id").isNotNull())
        .groupBy(col("order_id").as("c_order_id"))
        .agg(first(col("shop_id"), true).as("c_shop_id"),
            first(col("credited_agent_id"), true).as("c_agent_id"),
            min(coalesce(col("paid_date"), col("created_date"))).as("c_sale_date"));
    List<Column> aggs = new ArrayList<>();
    for (String score : new String[] {"description", "service", "logistics"}) {
      aggs.add(sum("dsr_" + score).as("dsr_" + score + "_sum"));
      aggs.add(count("dsr_" + score).as("dsr_" + score + "_count"));
    }
    return ratings
        .join(credited, col("order_id").equalTo(col("c_order_id")), "inner")
        .groupBy(col("c_shop_id").as("shop_id"), col("c_agent_id").as("agent_id"),
            coalesce(to_date(col("rated_at")), col("c_sale_date")).as("business_date"))
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
  }
}
