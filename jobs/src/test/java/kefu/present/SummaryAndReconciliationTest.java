package kefu.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kefu.marts.Period;
import kefu.marts.ShopMetrics;
import kefu.report.KeyFigure;
import kefu.report.Labels;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The Summary's figures and the 对账 lines on small tables computed by hand (no Spark). */
class SummaryAndReconciliationTest {
  private static final Labels ZH = Labels.of("zh");
  private static final Period Q4 = Period.parse("2025Q4");
  private static final StructType AGENT = new StructType()
      .add("agent_id", DataTypes.StringType).add("receptions", DataTypes.LongType)
      .add("inquiry_buyers", DataTypes.LongType).add("inquiry_paid_buyers", DataTypes.LongType)
      .add("sales_gross", new DecimalType(14, 2));
  private static final StructType CATEGORY = new StructType()
      .add("category", DataTypes.StringType).add("paid_orders", DataTypes.LongType)
      .add("paid_amount", new DecimalType(14, 2)).add("refund_amount", new DecimalType(14, 2))
      .add("agent_paid_amount", new DecimalType(14, 2));

  /**
   * A shop with 10 receptions (8 replied) and 6 inquiring buyers, 4 of whom paid; 5 paid orders
   * for ¥500.00 (¥300.00 credited to agents), ¥50.00 refunded. Agents: A replied in 5
   * receptions, B in 4 (one reception was transferred from A to B: counted by both).
   */
  private static PeriodTotals shop() {
    return new PeriodTotals(Map.of("orders_created", 6L, "orders_paid", 5L, "paying_buyers", 4L,
        "receptions", 10L, "replied_receptions", 8L, "inquiry_buyers", 6L,
        "inquiry_paid_buyers", 4L, "refunded_units", 1L, "sold_units", 8L),
        Map.of("paid_amount", money("500.00"), "agent_paid_amount", money("300.00"),
            "sales_gross", money("480.00"), "refunded_amount", money("50.00"),
            "silent_paid_amount", money("200.00")));
  }

  private static List<Row> agents() {
    return List.of(LocalTable.row(AGENT, "A", 5L, 4L, 3L, money("180.00")),
        LocalTable.row(AGENT, "B", 4L, 3L, 2L, money("130.00")));
  }

  /** Order 1 has a food and a home line: 5 paid orders, 6 by category. */
  private static List<Row> categories() {
    return List.of(
        LocalTable.row(CATEGORY, "food", 3L, money("260.00"), money("20.00"), money("160.00")),
        LocalTable.row(CATEGORY, "home", 3L, money("240.00"), money("30.00"), money("140.00")));
  }

  @Test
  void everyLineIsEqualExplainedOrOfAStatedBasisWithItsDifference() {
    var lines = TotalsReconciliation.lines(shop(), agents(), categories(), money("310.00"),
        true, ZH);
    Map<String, TotalsReconciliation.Line> byMetric = new java.util.LinkedHashMap<>();
    lines.forEach(l -> byMetric.putIfAbsent(l.metric() + "|" + l.sheetB(), l));

    var orders = byMetric.get("付款订单数|类目");
    assertEquals(1L, orders.difference(), "the two-category order counts twice");
    assertEquals(TotalsReconciliation.Status.DIFFERENT_BASIS, orders.status());
    assertEquals(TotalsReconciliation.Status.EQUAL, byMetric.get("付款金额|类目").status());
    assertEquals(TotalsReconciliation.Status.EQUAL, byMetric.get("退款金额|类目").status());
    assertEquals(TotalsReconciliation.Status.EQUAL, byMetric.get("客服销售额|类目").status());

    var receptions = byMetric.get("接待数|客服");
    assertEquals(-1L, receptions.difference(), "9 agent receptions for the shop's 10");
    assertEquals(TotalsReconciliation.Status.EXPLAINED, receptions.status());
    assertEquals("店铺接待中 2 次没有客服回复，不计入任何客服；有转接的接待在每位回复过的客服各计一次（多计 1 次）。",
        receptions.reason());

    var inquiries = byMetric.get("询单人数|客服");
    assertEquals(1L, inquiries.difference(), "7 buyer-days over agents for the shop's 6");
    assertEquals(TotalsReconciliation.Status.DIFFERENT_BASIS, inquiries.status());
    // the agents' ¥310.00 is what the current scheme paid on: equal
    assertTrue(lines.stream().anyMatch(l -> l.sheetB().equals("薪酬方案对比")
        && l.status() == TotalsReconciliation.Status.EQUAL));
  }

  @Test
  void aBreakdownSmallerThanItsTotalIsUnexplained() {
    List<Row> oneAgent = List.of(LocalTable.row(AGENT, "A", 5L, 4L, 3L, money("180.00")));
    var lines = TotalsReconciliation.lines(shop(), oneAgent, categories(), money("999.00"), true,
        ZH);
    var receptions = lines.stream().filter(l -> l.metric().equals("接待数")).findFirst()
        .orElseThrow();
    assertEquals(TotalsReconciliation.Status.UNEXPLAINED, receptions.status(),
        "5 agent receptions cannot cover 8 replied ones");
    assertTrue(lines.stream().anyMatch(l -> l.sheetB().equals("薪酬方案对比")
        && l.status() == TotalsReconciliation.Status.UNEXPLAINED));
  }

  @Test
  void withoutChatsTheReconciliationHasNoAgentLines() {
    var lines = TotalsReconciliation.lines(shop(), List.of(), categories(), null, false, ZH);
    assertTrue(lines.stream().noneMatch(l -> l.sheetB().equals("客服")), lines.toString());
  }

  @Test
  void theSummarySaysWhyAFigureIsMissingInsteadOfShowingZero() {
    StructType s = ShopMetrics.SCHEMA;
    Object[] v = new Object[s.fields().length];
    for (int i = 0; i < v.length; i++) {
      var type = s.fields()[i].dataType();
      v[i] = type instanceof DecimalType ? BigDecimal.ZERO.setScale(2)
          : type == DataTypes.LongType ? 0L : null;
    }
    v[s.fieldIndex("shop_id")] = "店";
    v[s.fieldIndex("period_type")] = "quarter";
    v[s.fieldIndex("period")] = "2025Q4";
    v[s.fieldIndex("orders_created")] = 6L;
    v[s.fieldIndex("orders_paid")] = 5L;
    v[s.fieldIndex("paying_buyers")] = 4L;
    v[s.fieldIndex("sales_gross")] = money("480.00");
    v[s.fieldIndex("refunded_amount")] = money("48.00");
    // orders only, from 2025-10-15: no chats, no refund export, Q3 and Q4 2024 without orders
    ReviewInputs ordersOnly = new ReviewInputs(false, false, false, false,
        LocalDate.of(2025, 10, 15), LocalDate.of(2025, 12, 31), Set.of(2025));
    List<KeyFigure> figures = SummaryFigures.of(ordersOnly, Q4,
        List.of(LocalTable.row(s, v)), ZH);
    Map<String, KeyFigure> byLabel = new java.util.HashMap<>();
    figures.forEach(f -> byLabel.put(f.label(), f));

    assertEquals(5L, byLabel.get("付款订单数").value());
    assertEquals("无数据", byLabel.get("付款订单数").previous(), "Q3 has no orders: not 0");
    assertEquals(money("120.00"), byLabel.get("客单价（元/人）").value(), "480.00 / 4 buyers");
    assertEquals(0.1, (Double) byLabel.get("退款率（金额）").value(), 1e-12, "48.00 / 480.00");
    assertEquals("需退款导出", byLabel.get("退货率").value());
    assertEquals("未提供聊天记录", byLabel.get("询单转化率").value());
    assertEquals("未提供聊天记录", byLabel.get("询单→次日付款成功率").value());
    assertEquals("未提供聊天记录", byLabel.get("询单→次日付款人数").previous());
    assertEquals("未提供聊天记录", byLabel.get("答问比").value());
    assertEquals("未提供聊天记录", byLabel.get("买家消息数").lastYear());
    assertEquals("未提供聊天记录", byLabel.get("客服销售额").lastYear());

    List<String> notes = SummaryFigures.notes(ordersOnly, Q4, ZH);
    assertTrue(notes.contains("统计期间 2025Q4 只有 2025-10-15 至 2025-12-31 有订单数据：与完整期间比较时请注意。"),
        notes.toString());
    assertTrue(notes.contains("上期 2025Q3 没有订单数据：该列写\"无数据\"。"), notes.toString());
  }

  /**
   * With chats, 2025Q4 of two shops: 50 + 30 inquiring buyer-days, 20 + 12 of them paid by the
   * next day (40%); 400 + 200 buyer and 500 + 250 agent messages (答问比 750 / 600 = 1.25). Q3:
   * one shop, 10 inquiring, 5 paid the next day, no buyer message (no 答问比: 无数据).
   */
  @Test
  void theSummaryShowsTheNextDayPaymentRateAndTheAnswerRatioWithTheirCounts() {
    StructType s = ShopMetrics.SCHEMA;
    List<Row> shops = List.of(
        shopRow(s, "s1", "2025Q4", Map.of("orders_created", 9L, "inquiry_buyers", 50L,
            "inquiry_paid_next_day_buyers", 20L, "buyer_messages", 400L, "agent_messages",
            500L)),
        shopRow(s, "s2", "2025Q4", Map.of("orders_created", 9L, "inquiry_buyers", 30L,
            "inquiry_paid_next_day_buyers", 12L, "buyer_messages", 200L, "agent_messages",
            250L)),
        shopRow(s, "s1", "2025Q3", Map.of("orders_created", 9L, "inquiry_buyers", 10L,
            "inquiry_paid_next_day_buyers", 5L, "agent_messages", 7L)));
    ReviewInputs withChats = new ReviewInputs(true, true, true, true,
        LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31), Set.of(2025));
    Map<String, KeyFigure> byLabel = new java.util.HashMap<>();
    SummaryFigures.of(withChats, Q4, shops, ZH).forEach(f -> byLabel.put(f.label(), f));

    assertEquals(32L, byLabel.get("询单→次日付款人数").value());
    assertEquals(0.4, (Double) byLabel.get("询单→次日付款成功率").value(), 1e-12, "32 / 80");
    assertEquals(0.5, (Double) byLabel.get("询单→次日付款成功率").previous(), 1e-12, "5 / 10");
    assertEquals(600L, byLabel.get("买家消息数").value());
    assertEquals(750L, byLabel.get("客服消息数").value());
    assertEquals(1.25, (Double) byLabel.get("答问比").value(), 1e-12, "750 / 600");
    assertEquals("无数据", byLabel.get("答问比").previous(), "7 agent messages over 0 buyer ones");
    assertEquals("无数据", byLabel.get("答问比").lastYear(), "2024Q4 has no orders");
  }

  /** A shop_metrics row: the given counts, 0 for the other counts and money, null rates. */
  private static Row shopRow(StructType s, String shop, String period, Map<String, Long> counts) {
    Object[] v = new Object[s.fields().length];
    for (int i = 0; i < v.length; i++) {
      var type = s.fields()[i].dataType();
      v[i] = type instanceof DecimalType ? BigDecimal.ZERO.setScale(2)
          : type == DataTypes.LongType ? counts.getOrDefault(s.fields()[i].name(), 0L) : null;
    }
    v[s.fieldIndex("shop_id")] = shop;
    v[s.fieldIndex("period_type")] = "quarter";
    v[s.fieldIndex("period")] = period;
    return LocalTable.row(s, v);
  }

  private static BigDecimal money(String s) {
    return new BigDecimal(s);
  }
}
