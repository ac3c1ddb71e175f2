package kefu.marts;

import static kefu.derive.Tables.chats;
import static kefu.derive.Tables.orders;
import static kefu.derive.Tables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  void categoriesSplitAgentAndSilentSalesAndTheShopsInquiriesGoToItsMainCategory() {
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
    // shoes has most of the shop's paid amount (140 of 160): the shop's two buyer-days (b1 with
    // a1 and a2 counts once; b2 did not buy) are its inquiries, whatever b1 bought
    assertEquals(2L, (long) shoes.getAs("inquiry_buyers"));
    assertEquals(1L, (long) shoes.getAs("inquiry_paid_buyers"));
    assertEquals(0.5, (double) shoes.getAs("inquiry_conversion"), 1e-12);
    // bags: no inquiry data, which is not 0 inquiries; no row without orders
    Row bags = m.get("bags");
    assertNull(bags.getAs("inquiry_buyers"));
    assertNull(bags.getAs("inquiry_conversion"));
    assertEquals(Set.of("shoes", "bags"), m.keySet());
  }

  @Test
  void withoutChatsNoCategoryHasInquiryFigures() {
    Dataset<Row> orders = orders(
        row("o1", null, "s1", "b1", "i1", null, "1", "80.00", "2025-10-01 11:00:00",
            "2025-10-01 11:01:00"));
    Dataset<Row> receptions = Receptions.build(chats(), RULES);
    Dataset<Row> attributed = OrderAttribution.attribute(orders, receptions, RULES);
    List<Row> rows = PeriodMarts.of(receptions, null, attributed, null, null, orders,
        List.of(Period.parse("2025-10"))).categoryMetrics().rows();
    assertEquals(1, rows.size());
    assertEquals(CategoryMetrics.UNKNOWN, rows.get(0).getAs("category"));
    assertEquals(1L, (long) rows.get(0).getAs("orders"));
    assertNull(rows.get(0).getAs("inquiry_buyers"));
    assertNull(rows.get(0).getAs("inquiry_conversion"));
  }

  @Test
  void theMainCategoryHasMostPaidAmountThenMostOrdersThenTheFirstName() {
    MainCategory main = new MainCategory();
    main.offer("s1", "home", "month", "2025-10", new BigDecimal("90.00"), 1);
    main.offer("s1", "food", "month", "2025-10", new BigDecimal("100.00"), 1);
    main.offer("s1", "unknown", "month", "2025-10", new BigDecimal("0.00"), 9);
    main.offer("s2", "home", "month", "2025-10", new BigDecimal("50.00"), 2);
    main.offer("s2", "food", "month", "2025-10", new BigDecimal("50.00"), 3);
    main.offer("s3", "home", "month", "2025-10", new BigDecimal("50.00"), 2);
    main.offer("s3", "food", "month", "2025-10", new BigDecimal("50.00"), 2);
    main.offer("s3", "apparel", "month", "2025-10", new BigDecimal("99.00"), 0);
    assertTrue(main.isMain("s1", "food", "month", "2025-10"));
    assertFalse(main.isMain("s1", "home", "month", "2025-10"));
    assertTrue(main.isMain("s2", "food", "month", "2025-10"));
    // equal amount and orders: the first name; a category without orders does not compete
    assertTrue(main.isMain("s3", "food", "month", "2025-10"));
    assertFalse(main.isMain("s3", "apparel", "month", "2025-10"));
    assertFalse(main.isMain("s1", "food", "quarter", "2025Q4"));
  }
}
