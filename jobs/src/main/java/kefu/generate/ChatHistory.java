package kefu.generate;

import static kefu.generate.ExportCells.ISO_TIME;
import static kefu.generate.ExportCells.time;
import static kefu.generate.HashRandom.below;
import static kefu.generate.HashRandom.logNormal;
import static kefu.generate.HashRandom.normal;
import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.arrays_zip;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Chat receptions and their messages. Three kinds of reception: a pre-sales chat before an order
 * (converted), an inquiry without an order (lost, sized from the agents' conversion rates), and
 * an after-sales chat after delivery or with a refund. Messages alternate buyer / agent (the
 * first reply sometimes by the shop's bot, sometimes a transfer to a second agent) with
 * lognormal waits by agent speed and occasional long gaps.
 */
final class ChatHistory {
  private ChatHistory() {}

  static final int CONVERTED = 0;
  static final int LOST = 1;
  static final int AFTER_SALES = 2;

  static final String BUYER = "买家";
  static final String AGENT = "客服";
  static final String BOT = "机器人";

  private static final long DAY = 86_400L;

  private static final String[] PRE_BUYER = {"在吗", "这款有现货吗", "什么时候发货呀", "能便宜点吗", "尺码怎么选",
      "包邮吗", "有优惠券吗", "和另一款有什么区别", "质量怎么样", "可以开发票吗", "今天下单明天能到吗", "有赠品吗"};
  private static final String[] PRE_AGENT = {"亲，在的呢", "有现货的亲", "亲，48小时内发货哦", "亲，可以领店铺优惠券哦",
      "亲，建议按平时尺码拍", "全国包邮的亲", "好的亲，已经帮您备注了", "亲，这款是店里的爆款哦", "支持七天无理由退换的亲",
      "亲，活动价已经很优惠了呢"};
  private static final String[] AFTER_BUYER = {"我的快递到哪了", "收到的东西有点问题", "我想退货", "怎么申请退款",
      "尺码不合适能换吗", "少发了一件", "退货地址是哪里", "退款什么时候到账"};
  private static final String[] AFTER_AGENT = {"亲，麻烦提供一下照片哦", "已经为您登记退货了", "亲，快递正在派送中",
      "非常抱歉给您带来不便", "亲，退货地址已发您", "退款会原路返回的亲", "亲，可以申请换货哦"};
  private static final String[] BOT_REPLIES = {"您好，欢迎光临，请问有什么可以帮您？", "亲，客服小助手为您服务，请稍等",
      "您好，人工客服马上为您接待"};
  private static final String ORDERED = "好的，我去拍了";

  /** Receptions: shop, rec_id, buyer_no, kind, start, day, agent, agent2. */
  static Dataset<Row> receptions(Dataset<Row> orders, Dataset<Row> cells, SampleWorld w) {
    long end = w.endSeconds();
    Column gid = col("gid");
    Dataset<Row> converted = orders.filter(col("has_chat"))
        .select(col("shop"), gid.multiply(4).as("rec_id"), col("buyer_no"),
            lit(CONVERTED).as("kind"),
            greatest(lit(0L), col("created").minus(col("chat_lead"))).as("start"),
            col("agent"), col("agent2"));

    Column lostId = col("first_lost").plus(col("seq"));
    Column lostIndex = size(filter(col("pre_lost_cum"), x -> x.lt(w.u(lostId, 42))));
    Dataset<Row> lost = cells.filter(col("lost").gt(0))
        .withColumn("seq", explode(sequence(lit(0L), col("lost").minus(1))))
        .withColumn("u_hour", w.u(lostId, 44))
        .select(col("shop"), lostId.multiply(4).plus(1).as("rec_id"),
            w.buyerOffset(col("shop")).plus(floor(w.u(lostId, 43)
                .multiply(w.buyerPool(col("shop"))))).cast(LongType).as("buyer_no"),
            lit(LOST).as("kind"),
            col("day").multiply(DAY).plus(OrderHistory.hourOfDay(col("u_hour"), col("peak"))
                .multiply(3600)).plus(floor(w.u(lostId, 45).multiply(3600))).cast(LongType)
                .as("start"),
            element_at(col("pre_agents"), lostIndex.plus(1)).as("agent"),
            when(w.u(lostId, 46).lt(0.04).and(size(col("pre_agents")).gt(1)),
                element_at(col("pre_agents"), pmod(lostIndex.plus(1), size(col("pre_agents")))
                    .plus(1))).as("agent2"));

    Column firstRefund = array_min(transform(filter(col("lines"), x -> x.getField("refund")),
        x -> x.getField("refund_requested")));
    Column afterStart = when(col("refund_requested"), greatest(col("paid"), firstRefund.minus(
        floor(w.u(gid, 47).multiply(4 * 3600).plus(600)).cast(LongType))))
        .otherwise(col("delivered").plus(floor(w.u(gid, 48).multiply(3 * DAY)).cast(LongType)));
    Column afterChance = lit(0.08).plus(when(col("refund_requested"), lit(0.65))
        .otherwise(lit(0.0))).plus(when(col("pause"), lit(0.25)).otherwise(lit(0.0)));
    Dataset<Row> afterOrders = orders
        .filter(col("paid").isNotNull().and(col("shipped").lt(end))
            .and(w.u(gid, 49).lt(afterChance)))
        .select(col("shop"), gid.multiply(4).plus(2).as("rec_id"), col("buyer_no"),
            lit(AFTER_SALES).as("kind"), afterStart.as("start"))
        .filter(col("start").lt(end));
    Dataset<Row> onDuty = broadcast(cells.select(col("shop").as("duty_shop"),
        col("day").as("duty_day"), col("after_agents")));
    Column afterIndex = below(w.u(col("rec_id"), 50), size(col("after_agents")));
    Dataset<Row> after = afterOrders
        .join(onDuty, col("shop").equalTo(col("duty_shop"))
            .and(floor(col("start").divide(DAY)).cast(IntegerType).equalTo(col("duty_day"))))
        .filter(size(col("after_agents")).gt(0))
        .select(col("shop"), col("rec_id"), col("buyer_no"), col("kind"), col("start"),
            element_at(col("after_agents"), afterIndex.plus(1)).as("agent"),
            lit(null).cast(IntegerType).as("agent2"));

    return converted.unionByName(lost).unionByName(after);
  }

  /** A reception's natural number of messages, by kind. */
  private static Column naturalLength(SampleWorld w) {
    Column rec = col("rec_id");
    Column kind = col("kind");
    return when(kind.equalTo(CONVERTED), lit(4).plus(below(w.u(rec, 51), 9)))
        .when(kind.equalTo(LOST), lit(1).plus(below(w.u(rec, 51), 7)))
        .otherwise(lit(4).plus(below(w.u(rec, 51), 8)));
  }

  /** The factor on every chat's natural length that gives about {@code messages} in all. */
  static double lengthScale(Dataset<Row> receptions, SampleWorld w, double messages) {
    Row natural = receptions.agg(sum(naturalLength(w))).head();
    return natural.isNullAt(0) ? 1.0 : messages / ((Number) natural.get(0)).doubleValue();
  }

  /**
   * One row per message: 店铺名称, 买家昵称, 客服昵称, 发送方, 发送时间, 消息内容; each chat is
   * {@code lengthScale} times its natural length (rounded, at least one message).
   */
  static Dataset<Row> messages(Dataset<Row> receptions, SampleWorld w, double lengthScale) {
    return withReception(receptions, w, lengthScale).drop("rec_id", "k");
  }

  /**
   * {@link #messages} with each message's reception ({@code rec_id}) and position in it
   * ({@code k}), which order a buyer's messages sent in the same second.
   */
  static Dataset<Row> withReception(Dataset<Row> receptions, SampleWorld w, double lengthScale) {
    Column rec = col("rec_id");
    Column kind = col("kind");
    Column messageCount = lengthScale == 1.0 ? naturalLength(w)
        : greatest(lit(1), round(naturalLength(w).multiply(lengthScale)).cast(IntegerType));
    Column botFirst = w.shopFlag(col("shop"), ShopProfile::hasBot).and(w.u(rec, 52).lt(0.5));
    Column noReply = kind.equalTo(LOST).and(w.u(rec, 53).lt(0.03));
    // Transfers happen at an odd (agent) position after the first exchange.
    Column transferAt = when(col("agent2").isNotNull(),
        lit(3).plus(below(w.u(rec, 54), 3).multiply(2))).otherwise(lit(1_000));

    Dataset<Row> shaped = receptions
        .withColumn("n", messageCount)
        .withColumn("bot_first", botFirst)
        .withColumn("no_reply", noReply)
        .withColumn("transfer_at", transferAt)
        .withColumn("senders", transform(sequence(lit(0), col("n").minus(1)), k ->
            when(col("no_reply").or(pmod(k, lit(2)).equalTo(0)), lit(BUYER))
                .when(k.equalTo(1).and(col("bot_first")), lit(BOT))
                .otherwise(lit(AGENT))))
        .withColumn("gaps", transform(col("senders"), (sender, k) -> gap(w, sender, k)))
        // Running sum of the gaps = each message's offset from the reception start.
        .withColumn("offsets", aggregate(col("gaps"),
            array().cast(DataTypes.createArrayType(LongType)),
            (acc, g) -> concat(acc, array(coalesce(try_element_at(acc, lit(-1)), lit(0L)).plus(g)))))
        .withColumn("message", explode(arrays_zip(col("senders"), col("offsets"),
            sequence(lit(0), col("n").minus(1)).as("k"))))
        .withColumn("by", when(col("message").getField("k").geq(col("transfer_at")),
            col("agent2")).otherwise(col("agent")));

    Column message = col("message");
    Column k = message.getField("k");
    Column sender = message.getField("senders");
    Column afterSales = kind.equalTo(AFTER_SALES);
    Column text = when(sender.equalTo(BOT), phrase(w, BOT_REPLIES, rec, k))
        .when(sender.equalTo(AGENT).and(afterSales), phrase(w, AFTER_AGENT, rec, k))
        .when(sender.equalTo(AGENT), phrase(w, PRE_AGENT, rec, k))
        .when(afterSales, phrase(w, AFTER_BUYER, rec, k))
        .when(kind.equalTo(CONVERTED).and(k.geq(col("n").minus(2))), lit(ORDERED))
        .otherwise(phrase(w, PRE_BUYER, rec, k));
    Column sentAt = col("start").plus(message.getField("offsets"));
    return shaped
        .filter(sentAt.lt(w.endSeconds()))
        .select(
            w.shopName(col("shop")).as("店铺名称"),
            BuyerIdentity.nickname(w.seed, col("buyer_no")).as("买家昵称"),
            when(sender.equalTo(AGENT), w.roster.agentId(col("by")))
                .otherwise(lit("")).as("客服昵称"),
            sender.as("发送方"),
            time(sentAt, w.origin(), ISO_TIME).as("发送时间"),
            text.as("消息内容"),
            rec.as("rec_id"),
            k.as("k"));
  }

  /** Seconds before message k: agent replies by their speed, bots at once, buyers think. */
  private static Column gap(SampleWorld w, Column sender, Column k) {
    Column rec = col("rec_id");
    Column by = when(k.geq(col("transfer_at")), col("agent2")).otherwise(col("agent"));
    Column z = normal(w.u(rec, k, 55), w.u(rec, k, 56));
    Column longPause = w.u(rec, k, 57);
    Column agentWait = when(longPause.lt(0.03), lit(1800.0).plus(w.u(rec, k, 58).multiply(3600)))
        .otherwise(logNormal(w.roster.responseSeconds(by), 0.9, z));
    Column buyerWait = when(longPause.lt(0.03), lit(2400.0).plus(w.u(rec, k, 58).multiply(8400)))
        .otherwise(logNormal(lit(45.0), 1.0, z));
    Column seconds = when(k.equalTo(0), lit(0.0))
        .when(sender.equalTo(BOT), lit(2.0).plus(w.u(rec, k, 58).multiply(3)))
        .when(sender.equalTo(AGENT), agentWait)
        .otherwise(buyerWait);
    return floor(least(lit(14_400.0), greatest(lit(0.0), seconds))).cast(LongType);
  }

  private static Column phrase(SampleWorld w, String[] phrases, Column rec, Column k) {
    return element_at(lit(phrases), below(w.u(rec, k, 59), phrases.length).plus(1));
  }
}
