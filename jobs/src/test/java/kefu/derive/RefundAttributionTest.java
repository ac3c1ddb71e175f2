package kefu.derive;

import static kefu.derive.Tables.of;
import static kefu.derive.Tables.orders;
import static kefu.derive.Tables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class RefundAttributionTest {

  private static Dataset<Row> attributedOrders() {
    Dataset<Row> chats = Tables.chats(
        row("s1", "b1", null, "buyer", "2025-10-30 10:00:00"),
        row("s1", "b1", "a1", "agent", "2025-10-30 10:01:00"));
    Dataset<Row> orders = orders(
        row("o1", "l1", "s1", "b1", "i1", "shoes", "2", "60.00", "2025-10-30 11:00:00",
            "2025-10-30 11:01:00"),
        row("o1", "l2", "s1", "b1", "i2", "bags", "3", "40.00", "2025-10-30 11:00:00",
            "2025-10-30 11:01:00"));
    DeriveRules rules = DeriveRules.defaults();
    return OrderAttribution.attribute(orders, Receptions.build(chats, rules), rules);
  }

  @Test
  void refundsLandOnTheMatchingItemLineOrOnTheWholeOrderAndOnlySuccessfulOnesCount() {
    Dataset<Row> refunds = of(Tables.REFUNDS + ", item_id STRING, is_full_refund STRING",
        row("r1", "o1", null, "s1", "2025-11-02 09:00:00", "60.00", "true", "退款成功", "f", "1",
            "i1", "全部退款"),
        row("r2", "o1", null, "s1", "2025-11-03 09:00:00", "10.00", "false", null, "f", "2",
            "nope", "部分退款"),
        row("r3", "o1", null, "s1", "2025-11-03 09:00:00", "40.00", "true", "退款关闭", "f", "3",
            "i2", "全部退款"));
    Map<String, Row> out = new HashMap<>();
    for (Row r : RefundAttribution.attribute(refunds, attributedOrders()).collectAsList()) {
      out.put(r.getAs("refund_id"), r);
    }
    assertEquals(2, out.size());
    Row r1 = out.get("r1");
    assertEquals("a1", r1.getAs("credited_agent_id"));
    assertEquals("shoes", r1.getAs("category"));
    assertEquals(2L, (long) r1.getAs("refunded_units"));
    assertTrue((boolean) r1.getAs("is_return"));
    assertEquals("2025-11-02", r1.getAs("completed_date").toString());
    assertEquals("2025-10-30", r1.getAs("sale_date").toString());
    assertFalse((boolean) r1.getAs("is_silent"));
    Row r2 = out.get("r2");
    // no matching item: spread to the order (category of its largest line), partial: 0 units
    assertEquals("shoes", r2.getAs("category"));
    assertEquals(0L, (long) r2.getAs("refunded_units"));
    assertEquals(0, new BigDecimal("10.00").compareTo(r2.getAs("refund_amount")));
  }

  @Test
  void withoutARefundsTableTheOrdersRefundAmountColumnIsUsed() {
    Dataset<Row> orders = attributedOrders()
        .withColumn("refund_amount", org.apache.spark.sql.functions.when(
            org.apache.spark.sql.functions.col("line_id").equalTo("l2"),
            org.apache.spark.sql.functions.lit(new BigDecimal("40.00"))));
    Row r = RefundAttribution.attribute(null, orders).first();
    assertEquals("bags", r.getAs("category"));
    assertEquals(3L, (long) r.getAs("refunded_units"));
    assertEquals("a1", r.getAs("credited_agent_id"));
  }
}
