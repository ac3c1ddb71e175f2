package kefu.marts;

import static kefu.derive.Tables.chats;
import static kefu.derive.Tables.orders;
import static kefu.derive.Tables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kefu.derive.DeriveRules;
import kefu.derive.Inquiries;
import kefu.derive.OrderAttribution;
import kefu.derive.Receptions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class CategoryMetricsTest {

  private static final DeriveRules RULES = DeriveRules.defaults();

  @Test
  void categoriesSplitAgentAndSilentSalesAndUnconvertedInquiriesGoToUnknown() {
    Dataset<Row> chats = chats(
        row("s1", "b1", null, "buyer", "2025-10-01 10:00:00"),
        row("s1", "b1", "a1", "agent", "2025-10-01 10:00:30"),
        row("s1", "b1", "a2", "agent", "2025-10-01 10:00:40"),
        row("s1", "b2", null, "buyer", "2025-10-01 10:00:00"),
        row("s1", "b2", "a1", "agent", "2025-10-01 10:00:30"));
    Dataset<Row> orders = orders(
        row("o1", "l1", "s1", "b1", "i1", "shoes", "1", "80.00", "2025-10-01 11:00:00",
            "2025-10-01 11:01:00"),
        row("o1", "l2", "s1", "b1", "i2", "bags", "1", "20.00", "2025-10-01 11:00:00",
            "2025-10-01 11:01:00"),
        row("o2", null, "s1", "b9", "i1", "shoes", "1", "60.00", "2025-10-02 11:00:00",
            "2025-10-02 11:01:00"));
    Dataset<Row> receptions = Receptions.build(chats, RULES);
    Dataset<Row> attributed = OrderAttribution.attribute(orders, receptions, RULES);
    Dataset<Row> inquiries = Inquiries.build(receptions, orders, RULES);
    Map<String, Row> m = new HashMap<>();
    for (Row r : PeriodMarts.of(receptions, inquiries, attributed, null, null, orders,
        List.of(Period.parse("2025-10"))).categoryMetrics().rows()) {
      m.put(r.getAs("category"), r);
    }
    Row shoes = m.get("shoes");
    assertEquals(2L, (long) shoes.getAs("orders"));
    assertEquals(0, new BigDecimal("140.00").compareTo(shoes.getAs("paid_amount")));
    assertEquals(0, new BigDecimal("80.00").compareTo(shoes.getAs("agent_paid_amount")));
    assertEquals(0, new BigDecimal("60.00").compareTo(shoes.getAs("silent_paid_amount")));
    assertEquals(60.0 / 140, (double) shoes.getAs("silent_share"), 1e-12);
    // b1 inquired with a1 and a2: one buyer-day, converted into the first line's category
    assertEquals(1L, (long) m.get("shoes").getAs("inquiry_buyers")
        + (long) m.get("bags").getAs("inquiry_buyers"));
    Row unknown = m.get(CategoryMetrics.UNKNOWN);
    assertEquals(1L, (long) unknown.getAs("inquiry_buyers"));
    assertEquals(0.0, (double) unknown.getAs("inquiry_conversion"), 1e-12);
  }
}
