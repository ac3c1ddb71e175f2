package kefu.facts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import kefu.canonical.CanonicalSchema;
import kefu.pay.PayFacts;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Money by month from the attributed orders and refunds, the aggregates pay and sourcing read:
 * <ul>
 *   <li>{@link #sales}: (shop_id, agent_id, month, category, sales_gross) of credited paid lines
 *       by paid month;
 *   <li>{@link #refunds}: (shop_id, agent_id, month, category, refund_amount,
 *       return_refund_amount) of credited refunds by completion month;
 *   <li>{@link #silent}: (shop_id, month, silent_sales_gross, silent_refunds): silent paid lines
 *       by paid month, their refunds by completion month;
 *   <li>{@link #shopSales}: (shop_id, month, sales, credited_sales, paid_orders): every paid
 *       line by paid month; credited_sales the part credited to an agent.
 * </ul>
 * Categories without a name are 'unknown'; money is decimal(14,2).
 */
public final class CreditFacts {
  private CreditFacts() {}

  /** @param keys grouping columns before the fact's own (e.g. a rule id) */
  public static Dataset<Row> sales(Dataset<Row> attributedOrders, String... keys) {
    return attributedOrders
        .filter(col("credited_agent_id").isNotNull().and(col("paid_date").isNotNull()))
        .groupBy(keys(keys, col("shop_id"), col("credited_agent_id").as("agent_id"),
            date_format(col("paid_date"), "yyyy-MM").as("month"), category()))
        .agg(money(sum("amount_paid")).as("sales_gross"));
  }

  public static Dataset<Row> refunds(Dataset<Row> attributedRefunds, String... keys) {
    return attributedRefunds
        .filter(col("credited_agent_id").isNotNull().and(col("completed_date").isNotNull()))
        .groupBy(keys(keys, col("shop_id"), col("credited_agent_id").as("agent_id"),
            date_format(col("completed_date"), "yyyy-MM").as("month"), category()))
        .agg(money(sum("refund_amount")).as("refund_amount"),
            money(sum(when(col("is_return"), col("refund_amount")))).as("return_refund_amount"));
  }

  public static Dataset<Row> silent(Dataset<Row> attributedOrders, Dataset<Row> refunds,
      String... keys) {
    Dataset<Row> sales = attributedOrders
        .filter(col("is_silent").and(col("paid_date").isNotNull()))
        .groupBy(keys(keys, col("shop_id"),
            date_format(col("paid_date"), "yyyy-MM").as("month")))
        .agg(money(sum("amount_paid")).as("silent_sales_gross"),
            lit(null).cast(CanonicalSchema.MONEY).as("silent_refunds"));
    Dataset<Row> refunded = refunds
        .filter(col("is_silent").and(col("completed_date").isNotNull()))
        .groupBy(keys(keys, col("shop_id"),
            date_format(col("completed_date"), "yyyy-MM").as("month")))
        .agg(lit(null).cast(CanonicalSchema.MONEY).as("silent_sales_gross"),
            money(sum("refund_amount")).as("silent_refunds"));
    return sales.unionByName(refunded);
  }

  private static Column[] keys(String[] first, Column... then) {
    List<Column> all = new ArrayList<>();
    for (String k : first) {
      all.add(col(k));
    }
    all.addAll(List.of(then));
    return all.toArray(Column[]::new);
  }

  public static Dataset<Row> shopSales(Dataset<Row> attributedOrders) {
    return attributedOrders.filter(col("paid_date").isNotNull())
        .groupBy(col("shop_id"), date_format(col("paid_date"), "yyyy-MM").as("month"))
        .agg(money(sum("amount_paid")).as("sales"),
            money(sum(when(col("credited_agent_id").isNotNull(), col("amount_paid"))))
                .as("credited_sales"),
            count_distinct(col("order_id")).as("paid_orders"));
  }

  private static Column category() {
    return coalesce(col("category"), lit(PayFacts.UNKNOWN_CATEGORY)).as("category");
  }

  private static Column money(Column c) {
    return coalesce(c, lit(java.math.BigDecimal.ZERO)).cast(CanonicalSchema.MONEY);
  }
}
