package kefu.ingest;

import java.math.BigDecimal;

/** 订单报表 (2016 and newer generation): one order per record; personal columns are never read. */
final class OrderReportMapper implements RecordMapper {
  private final ParseContext ctx;

  OrderReportMapper(ParseContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void map(Fields f, Parsed.Builder out, String fallbackShop) {
    String shop = f.text("店铺名称");
    if (shop == null) {
      shop = f.id("店铺Id");
    }
    BigDecimal total = f.money("总金额");
    if (total == null) {
      total = f.money("买家应付货款");
    }
    out.set("order_id", f.requiredId("订单编号"))
        .set("shop_id", shop == null ? fallbackShop : shop)
        .set("buyer_key", ctx.pseudonymizer().pseudonym(f.text("买家会员名")))
        .set("quantity", f.count("宝贝总数量"))
        .set("amount_total", total)
        .set("amount_paid", f.requiredMoney("买家实际支付金额", "买家实付金额"))
        .set("created_at", f.requiredTime("订单创建时间", "买家下单时间"))
        .set("paid_at", f.time("订单付款时间", "买家付款时间"))
        .set("status", f.text("订单状态"))
        .set("is_presale", f.has("分阶段订单信息") ? f.text("分阶段订单信息") != null : null)
        .set("refund_amount", f.money("退款金额"));
  }
}
