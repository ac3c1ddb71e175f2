package kefu.ingest;

/** 评价 (DSR) export: three 1-5 scores per rated order. */
final class DsrExportMapper implements RecordMapper {
  @Override
  public void map(Fields f, Parsed.Builder out, String fallbackShop) {
    out.set("order_id", f.requiredId("订单编号"))
        .set("shop_id", f.text("店铺名称"))
        .set("fallback_shop", fallbackShop)
        .set("rated_at", f.time("评价时间"))
        .set("dsr_description", f.score("宝贝与描述相符"))
        .set("dsr_service", f.score("卖家的服务态度"))
        .set("dsr_logistics", f.score("物流服务", "卖家的发货速度"));
  }
}
