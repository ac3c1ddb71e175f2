package kefu.facts;

import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.bool_or;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.LongType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kefu.canonical.CanonicalSchema;
import kefu.derive.RefundAttribution;
import kefu.marts.Period;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The category and shop marts' measures per {@link PeriodMask}: small aggregates that
 * kefu.marts.CategoryMetrics and kefu.marts.ShopMetrics expand into period rows. For each grain
 * ({@code category_}: shop_id, category; {@code shop_}: shop_id) and part:
 * <ul>
 *   <li>{@code created} (category only): paid_amount, agent_paid_amount, silent_paid_amount of
 *       lines by the mask of their created_date;
 *   <li>{@code orders}: orders counted by (mask, paid_mask): the OR of their lines' created
 *       masks, and of their paid lines' ones (distinct orders per period, without copies);
 *   <li>{@code paid} (category only): sold_units, sold_lines, sales_gross of paid lines by
 *       paid_date;
 *   <li>{@code buyers}: paying buyers counted by the OR of their paid lines' masks;
 *   <li>{@code refunds}: refund_count, refund_amount, refunded_units, return_count by
 *       completed_date: by category from the refunds table; by shop only without one, from
 *       the orders' refund_amount column;
 *   <li>{@code shop_inquiries}: buyer-days (a buyer who inquired with two agents on a day counts
 *       once) and those ordered, paid and paid by the end of the next day; per shop only, as
 *       chats carry no item;
 *   <li>{@code shop_receptions}: whole receptions by their start date, with their buyer and agent
 *       messages.
 * </ul>
 * Categories without a name are 'unknown'. Only rows in some period are kept. The shop grain
 * has only what its categories' rows cannot sum to: distinct orders and buyers (an order or a
 * buyer of two categories counts once per shop), the orders' own refund column when there is
 * no refunds table, inquiries and receptions; kefu.marts.ShopMetrics sums the categories'
 * created, paid and refund rows per shop. Each aggregate is a scan and a shuffle stage.
 */
public final class PeriodFacts {
  private PeriodFacts() {}

  public static final String UNKNOWN = "unknown";

  /**
   * @param refunds attributed refunds, or null (category: none; shop: the orders' column)
   * @param receptions null when there are no chats
   * @param inquiries null when there are no chats
   */
  public static Map<String, Dataset<Row>> facts(Dataset<Row> orders, Dataset<Row> refunds,
      Dataset<Row> receptions, Dataset<Row> inquiries, List<Period> periods) {
    Map<String, Dataset<Row>> facts = new LinkedHashMap<>();
    Column category = coalesce(col("category"), lit(UNKNOWN)).as("category");
    for (boolean byCategory : new boolean[] {true, false}) {
      String prefix = byCategory ? "category_" : "shop_";
      List<Column> keys = new ArrayList<>(List.of(col("shop_id")));
      if (byCategory) {
        keys.add(category);
      }
      Column paid = col("paid_at").isNotNull();
      Dataset<Row> created = orders.withColumn("mask", PeriodMask.of(col("created_date"),
          periods)).filter(col("mask").notEqual(0));
      if (byCategory) {
        facts.put(prefix + "created", created.groupBy(with(keys, col("mask")))
            .agg(money(sum(when(paid, col("amount_paid")))).as("paid_amount"),
                money(sum(when(paid.and(col("credited_agent_id").isNotNull()),
                    col("amount_paid")))).as("agent_paid_amount"),
                money(sum(when(paid.and(col("credited_agent_id").isNull()),
                    col("amount_paid")))).as("silent_paid_amount")));
      }
      facts.put(prefix + "orders", created.groupBy(with(keys, col("order_id")))
          .agg(bit_or(col("mask")).as("mask"),
              coalesce(bit_or(when(paid, col("mask"))), lit(0L)).as("paid_mask"))
          .groupBy(with(names(keys), col("mask"), col("paid_mask")))
          .agg(count(lit(1)).as("orders")));
      Dataset<Row> paidLines = orders.filter(paid)
          .withColumn("mask", PeriodMask.of(col("paid_date"), periods))
          .filter(col("mask").notEqual(0));
      if (byCategory) {
        facts.put(prefix + "paid", paidLines.groupBy(with(keys, col("mask")))
            .agg(coalesce(sum(col("quantity").cast(LongType)), lit(0L)).as("sold_units"),
                count(lit(1)).as("sold_lines"), money(sum("amount_paid")).as("sales_gross")));
      }
      facts.put(prefix + "buyers", paidLines.filter(col("buyer_key").isNotNull())
          .groupBy(with(keys, col("buyer_key"))).agg(bit_or(col("mask")).as("mask"))
          .groupBy(with(names(keys), col("mask"))).agg(count(lit(1)).as("buyers")));
      Dataset<Row> refunded = byCategory ? refunds
          : refunds == null ? RefundAttribution.fromOrderColumn(orders) : null;
      if (refunded != null) {
        facts.put(prefix + "refunds", refunded
            .withColumn("mask", PeriodMask.of(col("completed_date"), periods))
            .filter(col("mask").notEqual(0))
            .groupBy(with(keys, col("mask")))
            .agg(count(lit(1)).as("refund_count"), money(sum("refund_amount"))
                .as("refund_amount"),
                coalesce(sum(col("refunded_units").cast(LongType)), lit(0L)).as("refunded_units"),
                count(when(col("is_return"), lit(1))).as("return_count")));
      }
      // by shop only: chats carry no item (kefu.marts.CategoryMetrics puts a shop's inquiries
      // in its main category)
      if (inquiries != null && !byCategory) {
        facts.put(prefix + "inquiries", buyerDays(inquiries, periods)
            .groupBy(with(keys, col("mask")))
            .agg(count(lit(1)).as("inquiry_buyers"),
                count(when(col("ordered"), lit(1))).as("inquiry_ordered_buyers"),
                count(when(col("paid"), lit(1))).as("inquiry_paid_buyers"),
                count(when(col("paid_next_day"), lit(1))).as("inquiry_paid_next_day_buyers")));
      }
    }
    if (receptions != null) {
      facts.put("shop_receptions", wholeReceptions(receptions, periods)
          .groupBy(col("shop_id"), col("mask"))
          .agg(count(lit(1)).as("receptions"),
              count(when(col("is_replied"), lit(1))).as("replied_receptions"),
              coalesce(sum("buyer_messages"), lit(0L)).as("buyer_messages"),
              coalesce(sum("answered_buyer_messages"), lit(0L)).as("answered_buyer_messages"),
              coalesce(sum("response_seconds_sum"), lit(0L)).as("response_seconds_sum"),
              coalesce(sum("first_response_seconds"), lit(0L))
                  .as("first_response_seconds_sum"),
              count("first_response_seconds").as("first_response_count"),
              coalesce(sum("agent_messages"), lit(0L)).as("agent_messages")));
    }
    return facts;
  }

  /** Inquiry rows of the periods collapsed to one per (shop, buyer, day), with the mask. */
  private static Dataset<Row> buyerDays(Dataset<Row> inquiries, List<Period> periods) {
    return inquiries.withColumn("mask", PeriodMask.of(col("inquiry_date"), periods))
        .filter(col("mask").notEqual(0))
        .groupBy("shop_id", "buyer_key", "inquiry_date", "mask")
        .agg(bool_or(col("ordered")).as("ordered"), bool_or(col("paid")).as("paid"),
            bool_or(col("paid_next_day")).as("paid_next_day"));
  }

  /** A reception's parts summed (they share its start date, so its mask). */
  private static Dataset<Row> wholeReceptions(Dataset<Row> receptions, List<Period> periods) {
    return receptions.withColumn("mask", PeriodMask.of(col("reception_date"), periods))
        .filter(col("mask").notEqual(0))
        .groupBy("reception_id", "mask")
        .agg(first(col("shop_id")).as("shop_id"),
            bool_or(col("is_replied")).as("is_replied"),
            sum("buyer_messages").as("buyer_messages"),
            sum("answered_buyer_messages").as("answered_buyer_messages"),
            sum("response_seconds_sum").as("response_seconds_sum"),
            max("first_response_seconds").as("first_response_seconds"),
            sum("agent_messages").as("agent_messages"));
  }

  private static Column money(Column sum) {
    return coalesce(sum, lit(java.math.BigDecimal.ZERO)).cast(CanonicalSchema.MONEY);
  }

  private static Column[] with(List<Column> keys, Column... more) {
    List<Column> all = new ArrayList<>(keys);
    all.addAll(List.of(more));
    return all.toArray(Column[]::new);
  }

  /** The key columns by name (after a grouping has named them). */
  private static List<Column> names(List<Column> keys) {
    return keys.size() == 1 ? List.of(col("shop_id")) : List.of(col("shop_id"), col("category"));
  }
}
