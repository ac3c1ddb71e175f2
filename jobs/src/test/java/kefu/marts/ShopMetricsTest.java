package kefu.marts;

import static kefu.derive.Tables.chats;
import static kefu.derive.Tables.of;
import static kefu.derive.Tables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kefu.derive.DeriveRules;
import kefu.derive.Inquiries;
import kefu.derive.OrderAttribution;
import kefu.derive.Receptions;
import kefu.derive.RefundAttribution;
import kefu.derive.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ShopMetricsTest {

  private static final DeriveRules RULES = DeriveRules.defaults();

  private static void assertMoney(String expected, Object actual) {
    assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual),
        "expected " + expected + " got " + actual);
  }

  @Test
  void anOrderExportWithoutChatsOrRefundsReproducesTheExportTotalsForAPeriodHoldingAllOrders() {
    // like the real Tmall export: order grain, refund_amount column, no buyer, no chats
    Dataset<Row> orders = of(Tables.ORDERS + ", refund_amount DECIMAL(14,2)",
        row("1", null, "tmall", null, null, null, null, "178.80", "2020-02-21 00:00:00", null,
            "0"),
        row("2", null, "tmall", null, null, null, null, "21.00", "2020-02-20 23:59:00",
            "2020-02-21 00:00:10", "0"),
        row("3", null, "tmall", null, null, null, null, "37.00", "2020-02-29 23:50:00",
            "2020-03-01 00:01:00", "37.00"),
        row("4", null, "tmall", null, null, null, null, "99.90", "2020-02-01 08:00:00",
            "2020-02-01 08:00:30", "10.00"));
    Dataset<Row> receptions = Receptions.build(chats(), RULES);
    Dataset<Row> attributed = OrderAttribution.attribute(orders, receptions, RULES);
    Dataset<Row> refunds = RefundAttribution.attribute(null, attributed);
    Dataset<Row> inquiries = Inquiries.build(receptions, orders, RULES);
    Map<String, Row> m = new HashMap<>();
    for (Row r : PeriodMarts.of(receptions, inquiries, attributed, refunds, null, orders,
        List.of(Period.parse("2020-02"), Period.parse("2020Q1"))).shopMetrics().rows()) {
      m.put(r.getAs("period"), r);
    }
    Row feb = m.get("2020-02");
    assertEquals(4L, (long) feb.getAs("orders_created"));
    assertEquals(3L, (long) feb.getAs("orders_paid"));
    // sum of amount paid of all orders (the unpaid one has amount 0 in real exports; here the
    // paid ones): 21.00 + 37.00 + 99.90
    assertMoney("157.90", feb.getAs("paid_amount"));
    assertMoney("47.00", feb.getAs("refunded_amount"));
    assertMoney("157.90", feb.getAs("silent_paid_amount"));
    assertMoney("0.00", feb.getAs("agent_paid_amount"));
    assertEquals(0.75, (double) feb.getAs("payment_rate"), 1e-12);
    assertEquals(1.0, (double) feb.getAs("silent_share"), 1e-12);
    assertEquals(0L, (long) feb.getAs("receptions"));
    assertNull(feb.getAs("reply_rate"));
    // by paid date, the order paid on 1 March is a March sale
    assertMoney("120.90", feb.getAs("sales_gross"));
    assertMoney("157.90", m.get("2020Q1").getAs("sales_gross"));
  }
}
