package kefu.generate;

import static kefu.generate.ExportCells.ISO_TIME;
import static kefu.generate.ExportCells.money;
import static kefu.generate.ExportCells.orEmpty;
import static kefu.generate.ExportCells.time;
import static kefu.generate.HashRandom.below;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** 退款导出 (one row per refunded line) and the DSR 评价 export (one row per rated order). */
final class AfterSaleExports {
  private AfterSaleExports() {}

  private static final long REFUND_NUMBER_BASE = 150_000_000_000_000L;
  private static final long DAY = 86_400L;
  private static final String[] NOTES = {"", "", "", "衣服偏大", "和图片颜色有差别", "收到有破损", "不需要了",
      "效果不明显"};

  static Dataset<Row> refundReport(Dataset<Row> lines, SampleWorld w) {
    Column line = col("line");
    Column gid = col("gid");
    Column k = line.getField("line_no");
    Column returned = line.getField("return_required");
    Column received = col("delivered").lt(line.getField("refund_requested"));
    Column goodsState = when(returned.and(line.getField("refund_status").equalTo(OrderHistory.REFUND_SUCCESS)),
        lit("已退货")).when(received, lit("买家已收到货")).otherwise(lit("买家未收到货"));
    Column returnTracking = when(returned, concat(lit("中通快递 ZT"), lpad(pmod(
        xxhash64(lit(w.seed), gid, k, lit(70)), lit(10_000_000_000_000L)).cast(StringType), 13,
        "0"))).otherwise(lit(""));
    return lines.filter(line.getField("refund"))
        .select(
            lit(REFUND_NUMBER_BASE).plus(gid.multiply(4)).plus(k).cast(StringType).as("退款编号"),
            OrderExports.orderNumber().as("订单编号"),
            OrderExports.alipayTradeNumber(w).as("支付宝交易号"),
            time(col("paid"), w.origin(), ISO_TIME).as("订单付款时间"),
            w.catalog.code(line.getField("item")).as("商品编码"),
            orEmpty(time(line.getField("refund_completed"), w.origin(), ISO_TIME)).as("退款完结时间"),
            money(line.getField("paid")).as("买家实际支付金额"),
            w.catalog.title(line.getField("item")).as("宝贝标题"),
            money(line.getField("refund_cents")).as("买家退款金额"),
            when(w.u(gid, k, 71).lt(0.9), lit("系统退款")).otherwise(lit("手工退款"))
                .as("手工退款/系统退款"),
            when(returned, lit("是")).otherwise(lit("否")).as("是否需要退货"),
            time(line.getField("refund_requested"), w.origin(), ISO_TIME).as("退款的申请时间"),
            line.getField("refund_status").as("退款状态"),
            goodsState.as("货物状态"),
            returnTracking.as("发货物流信息"),
            when(w.u(gid, k, 72).lt(0.03), lit("客服已介入")).otherwise(lit("客服未介入")).as("客服介入状态"),
            w.shopOwner(col("shop")).as("卖家真实姓名"),
            line.getField("refund_reason").as("买家退款原因"),
            element_at(lit(NOTES), below(w.u(gid, k, 73), NOTES.length).plus(1)).as("买家退款说明"),
            when(line.getField("refund_full"), lit("全部退款")).otherwise(lit("部分退款"))
                .as("部分退款/全部退款"));
  }

  /** Score 1-5 where {@code fiveShare} of raters give 5 and the rest spread 4 > 3 > 1 > 2. */
  static Column score(Column u, Column fiveShare) {
    Column rest = lit(1.0).minus(fiveShare);
    return when(u.lt(fiveShare), 5)
        .when(u.lt(fiveShare.plus(rest.multiply(0.6))), 4)
        .when(u.lt(fiveShare.plus(rest.multiply(0.8))), 3)
        .when(u.lt(fiveShare.plus(rest.multiply(0.88))), 2)
        .otherwise(1);
  }

  /**
   * About 35% of completed orders are rated some days after delivery. Service is better with
   * skilled agents; description suffers on refunded orders; logistics around the holiday pause.
   */
  static Dataset<Row> ratingReport(Dataset<Row> orders, SampleWorld w) {
    Column gid = col("gid");
    Column ratedAt = col("delivered").plus(floor(w.u(gid, 81).multiply(9.5 * DAY).plus(DAY / 2))
        .cast(LongType));
    Column description = w.categoryValue(col("main_category"), c -> c.descriptionFiveShare)
        .minus(when(col("refund_requested"), lit(0.25)).otherwise(lit(0.0)));
    Column service = when(col("has_chat"), lit(0.58).plus(col("agent_skill").multiply(0.37)))
        .otherwise(lit(0.84));
    Column logistics = when(col("pause"), lit(0.6)).otherwise(lit(0.9));
    return orders
        .filter(col("status").equalTo(OrderHistory.SUCCESS).and(w.u(gid, 80).lt(0.35)))
        .withColumn("rated_at", ratedAt)
        .withColumn("u_description", w.u(gid, 82))
        .withColumn("u_service", w.u(gid, 83))
        .withColumn("u_logistics", w.u(gid, 84))
        .withColumn("p_description", description)
        .withColumn("p_service", service)
        .filter(col("rated_at").lt(w.endSeconds()))
        .select(
            OrderExports.orderNumber().as("订单编号"),
            time(col("rated_at"), w.origin(), ISO_TIME).as("评价时间"),
            score(col("u_description"), col("p_description")).cast(StringType).as("宝贝与描述相符"),
            score(col("u_service"), col("p_service")).cast(StringType).as("卖家的服务态度"),
            score(col("u_logistics"), logistics).cast(StringType).as("物流服务"),
            w.shopName(col("shop")).as("店铺名称"));
  }
}
