package kefu.derive;

import static org.apache.spark.sql.functions.bool_or;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_dt_interval;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import kefu.canonical.CanonicalSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Inquiries (询单): pre-sales receptions, one row per distinct (shop, agent, buyer, business day).
 *
 * <p>A reception is after-sales when the buyer created an order in the shop during the
 * {@code inquiryLookbackDays} x 24 h before the reception started; those are excluded. So are
 * receptions the agent started (a follow-up after silence, a reply on a later business day):
 * only buyer-started receptions can be inquiries. Every agent part of such a reception counts,
 * as the reception is credited to each agent who replied in it (a transfer credits both, also
 * when the buyer did not write again after it).
 *
 * <p>Conversion (person based, per agent): the buyer who inquired on day d is {@code ordered} when
 * they created an order in the shop on d or d+1 ({@link #CONVERSION_DAYS}), {@code paid} when such
 * an order was paid (at any time: 询单→最终付款), {@code paid_next_day} when such an order was paid
 * by the end of business day d+1 ({@link #NEXT_DAY_PAYMENT_DAYS}: 询单→次日付款; implies paid).
 * Columns: {@code shop_id}, {@code agent_id}, {@code buyer_key}, {@code inquiry_date},
 * {@code ordered}, {@code paid}, {@code paid_amount} (amount paid on the paid converting orders,
 * decimal(14,2)), {@code category} (category of the converting line: the first paid one, else the
 * first ordered one; null when not converted), {@code paid_next_day}.
 */
public final class Inquiries {
  private Inquiries() {}

  /** Days after the inquiry day in which an order still converts it (d or d+1). */
  public static final int CONVERSION_DAYS = 1;

  /**
   * Days after the inquiry day by whose end a payment counts for 询单→次日付款 (d+1; the brief's
   * "paid by the end of the day after the enquiry", inferred from 最终下单).
   */
  public static final int NEXT_DAY_PAYMENT_DAYS = 1;

  public static Dataset<Row> build(Dataset<Row> receptions, Dataset<Row> orders, DeriveRules rules) {
    Dataset<Row> preSales = flagAfterSales(receptions, orders, rules)
        .filter(col("is_after_sales").equalTo(false).and(col("is_buyer_started"))
            .and(col("agent_id").isNotNull()));
    Dataset<Row> inquiries = preSales
        .select(col("shop_id"), col("agent_id"), col("buyer_key"),
            col("reception_date").as("inquiry_date"))
        .distinct();

    Dataset<Row> lines = orders.select(
        col("shop_id").as("o_shop_id"), col("buyer_key").as("o_buyer_key"),
        col("order_id").as("o_order_id"), col("line_id").as("o_line_id"),
        col("category").as("o_category"), col("created_at").as("o_created_at"),
        col("paid_at").as("o_paid_at"), col("amount_paid").as("o_amount_paid"),
        to_date(col("created_at")).as("o_created_date"));
    Column converts = col("shop_id").equalTo(col("o_shop_id"))
        .and(col("buyer_key").equalTo(col("o_buyer_key")))
        .and(col("o_created_date").geq(col("inquiry_date")))
        .and(col("o_created_date").leq(date_add(col("inquiry_date"), CONVERSION_DAYS)));

    Column isPaid = col("o_paid_at").isNotNull();
    // the payment's business day (session zone), as the order's created date
    Column paidByNextDay = isPaid.and(col("o_order_id").isNotNull())
        .and(to_date(col("o_paid_at")).leq(date_add(col("inquiry_date"), NEXT_DAY_PAYMENT_DAYS)));
    return inquiries.join(lines, converts, "left")
        .groupBy("shop_id", "agent_id", "buyer_key", "inquiry_date")
        .agg(
            count(col("o_order_id")).gt(0).as("ordered"),
            coalesce(bool_or(isPaid.and(col("o_order_id").isNotNull())), lit(false)).as("paid"),
            coalesce(sum(when(isPaid, col("o_amount_paid"))), lit(BigDecimal.ZERO))
                .cast(CanonicalSchema.MONEY).as("paid_amount"),
            min_by(col("o_category"),
                struct(col("o_paid_at").isNull(), col("o_created_at"), col("o_line_id")))
                .as("category"),
            // in the same aggregation as paid: no further join or pass over the orders
            coalesce(bool_or(paidByNextDay), lit(false)).as("paid_next_day"));
  }

  /**
   * Receptions with {@code is_after_sales}: the buyer created an order in the shop within the
   * lookback before the reception started.
   */
  public static Dataset<Row> flagAfterSales(
      Dataset<Row> receptions, Dataset<Row> orders, DeriveRules rules) {
    Dataset<Row> orderTimes = orders
        .select(col("shop_id").as("o_shop_id"), col("buyer_key").as("o_buyer_key"),
            col("created_at").as("o_created_at"))
        .distinct();
    Column lookbackStart = col("started_at")
        .minus(make_dt_interval(lit(rules.inquiryLookbackDays())));
    Dataset<Row> afterSalesIds = receptions
        .select("reception_id", "shop_id", "buyer_key", "started_at").distinct()
        .join(orderTimes, col("shop_id").equalTo(col("o_shop_id"))
            .and(col("buyer_key").equalTo(col("o_buyer_key")))
            .and(col("o_created_at").lt(col("started_at")))
            .and(col("o_created_at").geq(lookbackStart)), "left_semi")
        .select(col("reception_id").as("after_sales_reception_id"));
    return receptions
        .join(afterSalesIds, col("reception_id").equalTo(col("after_sales_reception_id")), "left")
        .withColumn("is_after_sales", col("after_sales_reception_id").isNotNull())
        .drop("after_sales_reception_id");
  }
}
