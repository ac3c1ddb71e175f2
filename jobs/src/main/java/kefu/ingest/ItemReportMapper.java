package kefu.ingest;

/**
 * 宝贝报表 / 订单明细: one sub-order per record. Buyer and shop come later from the 订单报表 row
 * of the same order; {@code fallback_shop} holds the shop for orphans.
 */
final class ItemReportMapper implements RecordMapper {
  private final ParseContext ctx;

  ItemReportMapper(ParseContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void map(Fields f, Parsed.Builder out, String fallbackShop) {
    String item = f.id("商家编码");
    out.set("order_id", f.requiredId("主订单编号"))
        .set("line_id", f.requiredId("子订单编号"))
        .set("shop_id", f.text("店铺名称"))
        .set("fallback_shop", fallbackShop)
        .set("item_id", item)
        .set("category", ctx.categoryOf(item))
        .set("quantity", f.count("购买数量"))
        .set("amount_total", f.money("买家应付货款"))
        .set("amount_paid", f.money("买家实际支付金额", "买家实付金额"))
        .set("created_at", f.requiredTime("订单创建时间", "买家下单时间"))
        .set("paid_at", f.time("订单付款时间", "买家付款时间"))
        .set("status", f.text("订单状态"))
        .set("refund_amount", f.money("退款金额"));
  }
}
