package kefu.generate;

import static kefu.generate.HashRandom.below;
import static kefu.generate.HashRandom.categorical;
import static kefu.generate.HashRandom.logNormal;
import static kefu.generate.HashRandom.normal;
import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.apache.spark.sql.types.DataTypes.LongType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The order history at order grain with its sub-orders as an array column {@code lines}: one row
 * per order exploded from the daily cells, every attribute a hash draw of (seed, order number).
 * Times are local seconds (see {@link SampleWorld}); null paid_at = never paid.
 */
final class OrderHistory {
  private OrderHistory() {}

  /** Relative order volume per hour of day: night trough, afternoon plateau, evening peak. */
  static final double[] HOURS = {2.0, 1.2, 0.6, 0.3, 0.2, 0.2, 0.4, 0.9, 1.8, 3.0, 3.8, 4.0, 3.6,
      3.8, 4.0, 4.0, 3.8, 3.6, 3.6, 4.4, 5.2, 5.8, 5.6, 4.0};
  /** On a promotion's main day the first hour after midnight is the rush. */
  static final double[] PEAK_HOURS = {16.0, 6.0, 1.5, 0.5, 0.3, 0.3, 0.5, 1.0, 2.0, 3.2, 4.0, 4.2,
      3.8, 4.0, 4.2, 4.2, 4.0, 3.8, 3.8, 4.6, 6.0, 6.5, 6.0, 4.6};

  static final String WAITING_SHIPMENT = "买家已付款，等待卖家发货";
  static final String SHIPPED = "卖家已发货，等待买家确认";
  static final String SUCCESS = "交易成功";
  static final String CLOSED = "交易关闭";

  static final String REFUND_SUCCESS = "退款成功";
  static final String REFUND_CLOSED = "退款关闭";
  static final String REFUND_PENDING = "等待卖家同意";

  private static final long DAY = 86_400L;
  private static final long ORDER_NUMBER_BASE = 2_000_000_000_000_000_000L;

  static Column hourOfDay(Column u, Column peakDay) {
    return when(peakDay, categorical(u, PEAK_HOURS)).otherwise(categorical(u, HOURS));
  }

  /** One row per order with its lines; see the class comment. */
  static Dataset<Row> build(Dataset<Row> cells, SampleWorld w) {
    Column gid = col("gid");
    Column shop = col("shop");
    long end = w.endSeconds();

    Dataset<Row> orders = cells.filter(col("orders").gt(0))
        .withColumn("seq", explode(sequence(lit(0L), col("orders").minus(1))))
        .withColumn("gid", col("first_order").plus(col("seq")))
        .withColumn("order_no", lit(ORDER_NUMBER_BASE).plus(gid.multiply(1000))
            .plus(pmod(xxhash64(lit(w.seed), gid, lit(1)), lit(997L))))
        // Draws used several times are materialised once (keeps generated code small).
        .withColumn("u_hour", w.u(gid, 2))
        .withColumn("u_pay", w.u(gid, 13))
        .withColumn("u_lines", w.u(gid, 5))
        .withColumn("created", col("day").multiply(DAY)
            .plus(hourOfDay(col("u_hour"), col("peak")).multiply(3600))
            .plus(floor(w.u(gid, 3).multiply(3600))).cast(LongType))
        .withColumn("buyer_no", w.buyerOffset(shop)
            .plus(floor(w.u(gid, 4).multiply(w.buyerPool(shop)))).cast(LongType))
        .withColumn("line_count", categorical(col("u_lines"), new double[] {0.78, 0.16, 0.06})
            .plus(1))
        .withColumn("is_presale", col("presale").and(w.u(gid, 6).lt(0.55)))
        .withColumn("discount", when(w.u(gid, 7).lt(0.45), lit(0.0))
            .otherwise(w.u(gid, 8).multiply(0.10).plus(0.02)).plus(col("discount_boost")))
        .withColumn("has_chat", size(col("pre_agents")).gt(0)
            .and(w.u(gid, 9).lt(w.shopValue(shop, ShopProfile::chatShare))))
        .withColumn("agent", when(col("has_chat"), element_at(col("pre_agents"),
            size(filter(col("pre_conv_cum"), x -> x.lt(w.u(gid, 10)))).plus(1))))
        .withColumn("agent_skill", when(col("has_chat"), w.roster.skill(col("agent"))))
        // Some pre-sales chats are transferred to a second agent on duty.
        .withColumn("agent2", when(col("has_chat").and(w.u(gid, 41).lt(0.06))
            .and(size(col("pre_agents")).gt(1)), element_at(col("pre_agents"),
            pmod(size(filter(col("pre_conv_cum"), x -> x.lt(w.u(gid, 10)))).plus(1),
                size(col("pre_agents"))).plus(1))))
        .withColumn("chat_lead", least(lit(129_600.0), greatest(lit(20.0),
            logNormal(lit(300.0), 1.3, normal(w.u(gid, 11), w.u(gid, 12))))).cast(LongType));

    orders = withPayment(orders, w, end);
    orders = withLines(orders, w, end);

    Column lines = col("lines");
    return orders
        .withColumn("goods_cents", aggregate(lines, lit(0L), (a, x) -> a.plus(x.getField("goods"))))
        .withColumn("quantity", aggregate(lines, lit(0), (a, x) -> a.plus(x.getField("qty"))))
        .withColumn("postage_cents", when(col("goods_cents").lt(4900).and(w.u(gid, 20).lt(0.5)),
            lit(600L)).otherwise(lit(0L)))
        .withColumn("paid_cents", when(col("paid").isNotNull(),
            aggregate(lines, lit(0L), (a, x) -> a.plus(x.getField("paid"))).plus(
                col("postage_cents"))).otherwise(lit(0L)))
        .withColumn("deposit_cents", when(col("is_presale"), greatest(lit(500L),
            round(col("goods_cents").multiply(0.001)).cast(LongType).multiply(100))))
        .withColumn("refund_requested", exists(lines, x -> x.getField("refund")))
        .withColumn("refund_succeeded", exists(lines,
            x -> x.getField("refund_status").equalTo(REFUND_SUCCESS)))
        .withColumn("main_category", element_at(lines, 1).getField("category"))
        .drop("u_hour", "u_pay", "u_lines", "pre_agents", "pre_conv_cum", "pre_lost_cum",
            "after_agents", "orders", "first_order", "lost", "first_lost", "seq");
  }

  private static Dataset<Row> withPayment(Dataset<Row> orders, SampleWorld w, long end) {
    Column gid = col("gid");
    Column unpaid = w.shopValue(col("shop"), ShopProfile::unpaidRate);
    // Most buyers pay within minutes, some a day or two later, some never (auto-closed).
    Column regular = when(col("u_pay").lt(lit(0.93).minus(unpaid)), col("created").plus(
            least(lit(3600.0), greatest(lit(5.0),
                logNormal(lit(70.0), 1.0, normal(w.u(gid, 14), w.u(gid, 15))))).cast(LongType)))
        .when(col("u_pay").lt(lit(1.0).minus(unpaid)), col("created").plus(
            floor(lit(600.0).plus(w.u(gid, 16).multiply(2 * DAY))).cast(LongType)));
    // Presale: the deposit at ordering, the balance from 20:00 on the first day after presale.
    Column presale = when(col("u_pay").lt(0.88), col("balance_day").cast(LongType).multiply(DAY)
        .plus(20 * 3600).plus(least(lit(14_000.0),
            logNormal(lit(900.0), 1.0, normal(w.u(gid, 14), w.u(gid, 15)))).cast(LongType)));
    Column paid = when(col("is_presale"), presale).otherwise(regular);
    Column shipped = col("paid").plus(floor(w.u(gid, 17).multiply(40 * 3600).plus(4 * 3600))
        .cast(LongType));
    // During the Spring Festival pause nothing ships until couriers resume.
    Column resumed = col("resume_day").cast(LongType).multiply(DAY).plus(9 * 3600)
        .plus(floor(w.u(gid, 18).multiply(2 * DAY)).cast(LongType));
    return orders
        .withColumn("paid", when(paid.lt(end), paid))
        .withColumn("shipped", when(col("pause"), greatest(shipped, resumed)).otherwise(shipped))
        .withColumn("delivered", col("shipped").plus(floor(w.u(gid, 19).multiply(3 * DAY)
            .plus(DAY)).cast(LongType)))
        .withColumn("status", when(col("paid").isNull(), CLOSED)
            .when(col("shipped").geq(end), WAITING_SHIPMENT)
            .when(col("delivered").geq(end), SHIPPED)
            .otherwise(SUCCESS));
  }

  /**
   * Lines in three array passes so no large expression is repeated inside a lambda (Spark does
   * not share subexpressions there): draws and prices, then refund timing, then refund outcome.
   */
  private static Dataset<Row> withLines(Dataset<Row> orders, SampleWorld w, long end) {
    Column gid = col("gid");
    Column shop = col("shop");
    ItemCatalog catalog = w.catalog;
    Column picked = transform(sequence(lit(1), col("line_count")), k -> struct(
        k.as("line_no"),
        catalog.offset(shop).plus(below(pow(w.u(gid, k, 30), 1.7), catalog.count(shop)))
            .as("item"),
        categorical(w.u(gid, k, 31), new double[] {0.86, 0.11, 0.03}).plus(1).as("qty")));

    Column agentFactor = when(col("has_chat"),
        lit(1.25).minus(col("agent_skill").multiply(0.5))).otherwise(lit(1.0));
    Column priced = transform(col("picked"), x -> {
      Column k = x.getField("line_no");
      Column item = x.getField("item");
      Column category = catalog.categoryOrdinal(item);
      Column price = catalog.priceCents(item);
      Column goods = price.multiply(x.getField("qty"));
      Column completesAfter = floor(lit((double) DAY).multiply(
          lit(1.0).plus(pow(w.u(gid, k, 33), 1.4).multiply(19)))).cast(LongType);
      return struct(
          k.as("line_no"),
          item.as("item"),
          category.as("category"),
          x.getField("qty").as("qty"),
          price.as("price"),
          goods.as("goods"),
          when(col("paid").isNotNull(),
              round(goods.multiply(lit(1.0).minus(col("discount")))).cast(LongType))
              .otherwise(lit(0L)).as("paid"),
          w.u(gid, k, 32).lt(w.categoryValue(category, c -> c.refundRate)
              .multiply(w.shopValue(shop, ShopProfile::refundFactor)).multiply(agentFactor))
              .as("wants_refund"),
          col("paid").plus(floor(completesAfter.multiply(
              lit(0.3).plus(w.u(gid, k, 34).multiply(0.5)))).cast(LongType)).as("requested"),
          col("paid").plus(completesAfter).as("completed"),
          w.u(gid, k, 36).lt(0.85).as("full"),
          w.categoryValue(category, c -> c.returnShare).as("return_share"));
    });

    Column lines = transform(col("priced"), x -> {
      Column k = x.getField("line_no");
      Column refund = x.getField("refund");
      Column full = x.getField("full");
      Column paidLine = x.getField("paid");
      Column amount = when(full, paidLine).otherwise(greatest(lit(1L), floor(paidLine.multiply(
          lit(0.1).plus(w.u(gid, k, 37).multiply(0.4)))).cast(LongType)));
      return struct(
          k.as("line_no"),
          x.getField("item").as("item"),
          x.getField("category").as("category"),
          x.getField("qty").as("qty"),
          x.getField("price").as("price"),
          x.getField("goods").as("goods"),
          paidLine.as("paid"),
          refund.as("refund"),
          when(refund, x.getField("requested")).as("refund_requested"),
          when(refund.and(x.getField("completed").lt(end)), x.getField("completed"))
              .as("refund_completed"),
          when(refund.and(x.getField("completed").geq(end)), lit(REFUND_PENDING))
              .when(refund.and(w.u(gid, k, 35).lt(0.9)), lit(REFUND_SUCCESS))
              .when(refund, lit(REFUND_CLOSED)).as("refund_status"),
          when(refund, amount).as("refund_cents"),
          refund.and(full).as("refund_full"),
          refund.and(full).and(w.u(gid, k, 38).lt(x.getField("return_share")))
              .as("return_required"),
          when(refund, reason(w, x.getField("category"), w.u(gid, k, 39)))
              .as("refund_reason"));
    });
    // A refund exists when wanted, the line was paid and the request falls inside the period.
    Column decided = transform(col("priced_raw"), x -> x.withField("refund",
        x.getField("wants_refund").and(col("paid").isNotNull())
            .and(x.getField("requested").lt(end))));
    return orders.withColumn("picked", picked)
        .withColumn("priced_raw", priced)
        .withColumn("priced", decided)
        .withColumn("lines", lines)
        .drop("picked", "priced_raw", "priced");
  }

  private static Column reason(SampleWorld w, Column category, Column u) {
    List<String> all = new ArrayList<>();
    int[] offset = new int[Category.values().length];
    int[] count = new int[Category.values().length];
    for (Category c : Category.values()) {
      offset[c.ordinal()] = all.size();
      count[c.ordinal()] = c.refundReasons.size();
      all.addAll(c.refundReasons);
    }
    Column index = element_at(lit(offset), category.plus(1))
        .plus(below(u, element_at(lit(count), category.plus(1))));
    return element_at(lit(all.toArray(String[]::new)), index.plus(1));
  }
}
