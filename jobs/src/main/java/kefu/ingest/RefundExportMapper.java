package kefu.ingest;

/** 退款导出: one refund per record; 卖家真实姓名 and 买家退款说明 are personal and never read. */
final class RefundExportMapper implements RecordMapper {
  RefundExportMapper(ParseContext ctx) {}

  @Override
  public void map(Fields f, Parsed.Builder out, String fallbackShop) {
    out.set("refund_id", f.requiredId("退款编号"))
        .set("order_id", f.requiredId("订单编号"))
        .set("shop_id", f.text("店铺名称"))
        .set("fallback_shop", fallbackShop)
        .set("item_id", f.id("商品编码"))
        .set("amount", f.requiredMoney("买家退款金额", "退款金额"))
        .set("requested_at", f.time("退款的申请时间", "退款申请时间"))
        .set("completed_at", f.time("退款完结时间"))
        .set("return_required", f.yesNo("是否需要退货"))
        .set("reason", f.text("买家退款原因"))
        .set("status", f.text("退款状态"))
        .set("is_full_refund", f.oneOf(RefundExportMapper::fullRefund, "部分退款 or 全部退款",
            "部分退款/全部退款") == null ? null
            : Boolean.valueOf(f.text("部分退款/全部退款").contains("全部")));
  }

  private static String fullRefund(String v) {
    return v.contains("全部") || v.contains("部分") ? v : null;
  }
}
