package kefu.generate;

import static kefu.generate.ExportCells.ISO_TIME;
import static kefu.generate.ExportCells.SLASH_TIME;
import static kefu.generate.ExportCells.excelText;
import static kefu.generate.ExportCells.money;
import static kefu.generate.ExportCells.orEmpty;
import static kefu.generate.ExportCells.time;
import static kefu.generate.HashRandom.below;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** 订单报表 (both header generations) and 宝贝报表 rows from the order history. */
final class OrderExports {
  private OrderExports() {}

  private static final String[] CARRIERS = {"圆通速递", "中通快递", "韵达快递", "申通快递", "顺丰速运", "邮政EMS"};
  private static final String[] CARRIER_CODES = {"YT", "ZT", "YD", "ST", "SF", "EMS"};
  private static final String[] BUYER_NOTES = {"请尽快发货", "不要放发票", "麻烦包装好一点", "送人的 不要放价格单",
      "周末也能收货"};

  static Column orderNumber() {
    return col("order_no").cast(StringType);
  }

  /** 支付宝交易号: payment date + 2200 + 16 digits (empty when never paid). */
  static Column alipayTradeNumber(SampleWorld w) {
    return when(col("paid").isNotNull(), concat(
        time(col("paid"), w.origin(), "yyyyMMdd"), lit("2200"),
        lpad(pmod(xxhash64(lit(w.seed), col("gid"), lit(60)), lit(10_000_000_000_000_000L))
            .cast(StringType), 16, "0")));
  }

  /** Order-grain export; newer = 买家实付金额 / 买家下单时间 / 买家付款时间 and ISO times. */
  static Dataset<Row> orderReport(Dataset<Row> orders, SampleWorld w, boolean newer) {
    long seed = w.seed;
    Column buyer = col("buyer_no");
    Column gid = col("gid");
    Column shop = col("shop");
    Column yuan = w.shopFlag(shop, ShopProfile::yuanSuffix);
    String pattern = newer ? ISO_TIME : SLASH_TIME;
    Column carrier = below(w.u(gid, 61), CARRIERS.length).plus(1);
    Column shippedYet = col("paid").isNotNull().and(col("shipped").lt(w.endSeconds()));
    Column titles = array_join(transform(col("lines"),
        x -> w.catalog.title(x.getField("item"))), "，");
    Column stages = when(col("is_presale"), concat(lit("定金:"), money(col("deposit_cents")),
        lit("元;尾款:"), money(col("goods_cents").plus(col("postage_cents"))
            .minus(col("deposit_cents"))), lit("元"))).otherwise(lit(""));
    return orders
        .filter(w.shopFlag(shop, ShopProfile::newerHeaders).equalTo(newer))
        .select(
            excelText(orderNumber()).as("订单编号"),
            BuyerIdentity.nickname(seed, buyer).as("买家会员名"),
            BuyerIdentity.alipayAccount(seed, buyer).as("买家支付宝账号"),
            money(col("goods_cents"), yuan).as("买家应付货款"),
            money(col("postage_cents"), yuan).as("买家应付邮费"),
            lit("0").as("买家支付积分"),
            money(col("goods_cents").plus(col("postage_cents")), yuan).as("总金额"),
            lit("0").as("返点积分"),
            money(col("paid_cents"), yuan).as(newer ? "买家实付金额" : "买家实际支付金额"),
            lit("0").as("买家实际支付积分"),
            col("status").as("订单状态"),
            when(w.u(gid, 62).lt(0.08), element_at(lit(BUYER_NOTES),
                below(w.u(gid, 63), BUYER_NOTES.length).plus(1))).otherwise(lit("")).as("买家留言"),
            BuyerIdentity.receiverName(seed, buyer).as("收货人姓名"),
            BuyerIdentity.address(seed, buyer).as("收货地址"),
            lit("快递").as("运送方式"),
            lit("").as("联系电话"),
            concat(lit("'"), BuyerIdentity.phone(seed, buyer)).as("联系手机"),
            time(col("created"), w.origin(), pattern).as(newer ? "买家下单时间" : "订单创建时间"),
            orEmpty(time(col("paid"), w.origin(), pattern))
                .as(newer ? "买家付款时间" : "订单付款时间"),
            titles.as("宝贝标题"),
            col("line_count").cast(StringType).as("宝贝种类"),
            when(shippedYet, concat(lit("No:"), element_at(lit(CARRIER_CODES), carrier),
                lpad(pmod(xxhash64(lit(seed), gid, lit(64)), lit(10_000_000_000_000L))
                    .cast(StringType), 13, "0"))).otherwise(lit("")).as("物流单号"),
            when(shippedYet, element_at(lit(CARRIERS), carrier)).otherwise(lit("")).as("物流公司"),
            lit("").as("订单备注"),
            col("quantity").cast(StringType).as("宝贝总数量"),
            w.shopNumber(shop).cast(StringType).as("店铺Id"),
            w.shopName(shop).as("店铺名称"),
            when(col("paid").isNull(), lit("买家未付款")).otherwise(lit("订单未关闭")).as("订单关闭原因"),
            lit("0").as("卖家服务费"),
            lit("0").as("买家服务费"),
            lit("").as("发票抬头"),
            when(w.u(gid, 65).lt(0.86), lit("手机订单")).otherwise(lit("")).as("是否手机订单"),
            stages.as("分阶段订单信息"));
  }

  /** Orders exploded to one row per line, keeping the order columns. */
  static Dataset<Row> lines(Dataset<Row> orders) {
    return orders.withColumn("line", explode(col("lines")));
  }

  static Column subOrderNumber() {
    return col("order_no").plus(col("line").getField("line_no")).cast(StringType);
  }

  /** 宝贝报表 (sub-order grain). */
  static Dataset<Row> lineReport(Dataset<Row> lines, SampleWorld w) {
    Column line = col("line");
    Column item = line.getField("item");
    Column refundShown = coalesce(line.getField("refund_status"), lit("没有申请退款"));
    Column refundAmount = when(line.getField("refund_status").equalTo(OrderHistory.REFUND_SUCCESS),
        line.getField("refund_cents")).otherwise(lit(0L));
    return lines.select(
        excelText(subOrderNumber()).as("子订单编号"),
        excelText(orderNumber()).as("主订单编号"),
        w.catalog.title(item).as("标题"),
        money(line.getField("price")).as("价格"),
        line.getField("qty").cast(StringType).as("购买数量"),
        lit("").as("外部系统编号"),
        w.catalog.attribute(item).as("商品属性"),
        lit("").as("套餐信息"),
        lit("").as("备注"),
        col("status").as("订单状态"),
        w.catalog.code(item).as("商家编码"),
        orEmpty(alipayTradeNumber(w)).as("支付单号"),
        money(line.getField("goods")).as("买家应付货款"),
        money(line.getField("paid")).as("买家实际支付金额"),
        refundShown.as("退款状态"),
        money(refundAmount).as("退款金额"),
        time(col("created"), w.origin(), ISO_TIME).as("订单创建时间"),
        orEmpty(time(col("paid"), w.origin(), ISO_TIME)).as("订单付款时间"));
  }
}
