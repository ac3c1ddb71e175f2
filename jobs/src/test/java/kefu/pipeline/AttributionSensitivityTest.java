package kefu.pipeline;

import static kefu.derive.Tables.chats;
import static kefu.derive.Tables.order;
import static kefu.derive.Tables.orders;
import static kefu.derive.Tables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kefu.present.PayReport;
import kefu.canonical.CanonicalSchema;
import kefu.derive.AttributionRule;
import kefu.derive.DeriveRules;
import kefu.derive.Inquiries;
import kefu.derive.OrderAttribution;
import kefu.derive.Receptions;
import kefu.derive.RefundAttribution;
import kefu.derive.Tables;
import kefu.facts.CreditFacts;
import kefu.spark.FactQuery;
import kefu.facts.ReceptionHours;
import kefu.facts.RuleCredit;
import kefu.marts.AgentDaily;
import kefu.marts.Period;
import kefu.pay.AttributionSensitivity;
import kefu.pay.PayConfig;
import kefu.pay.PayslipWords;
import kefu.pay.PayFacts;
import kefu.pay.PayInputs;
import kefu.pay.PayMarts;
import kefu.pay.Payroll;
import kefu.table.LocalTable;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AttributionSensitivityTest {

  private static Map<String, Row> rows;
  private static PayMarts actualPay;
  private static LocalTable mart;

  /**
   * One order of 100,000 by buyer b1: a1 received b1 the evening before creation (and it was an
   * inquiry); a2 received b1 on the payment day, after creation (after-sales). So 下单判定 credits
   * a1 from a 1-day window on but nobody with window 0; 付款判定 credits a2 under every window.
   */
  @BeforeAll
  static void run() {
    Dataset<Row> chats = chats(
        row("s1", "b1", null, "buyer", "2025-10-01 20:00:00"),
        row("s1", "b1", "a1", "agent", "2025-10-01 20:01:00"),
        row("s1", "b1", null, "buyer", "2025-10-03 10:00:00"),
        row("s1", "b1", "a2", "agent", "2025-10-03 10:01:00"));
    Dataset<Row> orders = orders(
        order("o1", "b1", "100000.00", "2025-10-02 08:00:00", "2025-10-03 12:00:00"));
    // a part refund of o1 in the period: it follows the order's credit under each rule
    Dataset<Row> refunds = Tables.of(Tables.REFUNDS + ", item_id STRING, is_full_refund STRING",
        row("r1", "o1", null, "s1", "2025-10-20 09:00:00", "2000.00", "false", "退款成功", "f",
            "1", null, "部分退款"));
    Run run = new Run(chats, orders, refunds);
    mart = run.sensitivity();
    rows = byAgentAndRule(mart);
    PayConfig s1 = PayConfig.defaults().onlyScheme("S1");
    actualPay = Payroll.marts(s1, Payroll.replay(s1, PayInputs.build(s1, run.facts,
        List.of("2025-10")), PayslipWords.chinese()));
  }

  /** The derived tables, pay facts and rule credit of October 2025 under the default rules. */
  private static final class Run {
    final PayFacts facts;
    final LocalTable agentDaily;
    final Map<String, LocalTable> ruleFacts;

    Run(Dataset<Row> chats, Dataset<Row> orders, Dataset<Row> refundRows) {
      SparkSession spark = SparkTestSession.get();
      DeriveRules rules = DeriveRules.defaults();
      Dataset<Row> receptions = Receptions.build(chats, rules).localCheckpoint();
      Dataset<Row> inquiries = Inquiries.build(receptions, orders, rules).localCheckpoint();
      Dataset<Row> attributed = OrderAttribution.attribute(orders, receptions, rules)
          .localCheckpoint();
      Dataset<Row> refunds = RefundAttribution.attribute(refundRows, attributed)
          .localCheckpoint();
      Map<String, Dataset<Row>> queries = new LinkedHashMap<>();
      queries.put("agent_daily", AgentDaily.build(receptions, inquiries, attributed, refunds,
          null, orders));
      queries.put("sales", CreditFacts.sales(attributed));
      queries.put("refunds", CreditFacts.refunds(refunds));
      queries.put("silent", CreditFacts.silent(attributed, refunds));
      queries.put("hours", ReceptionHours.byAgentMonth(receptions));
      queries.put("agents", spark.createDataFrame(List.of(), CanonicalSchema.AGENTS));
      queries.putAll(RuleCredit.facts(AttributionRule.grid(rules), rules,
          Period.parse("2025-10"), receptions, inquiries, attributed, refunds));
      ruleFacts = FactQuery.collect(queries);
      agentDaily = ruleFacts.get("agent_daily");
      facts = PayFacts.of(agentDaily, ruleFacts.get("sales"), ruleFacts.get("refunds"),
          ruleFacts.get("silent"), ruleFacts.get("hours"), ruleFacts.get("agents"));
    }

    /** The sensitivity mart under S1. */
    LocalTable sensitivity() {
      return AttributionSensitivity.compute(PayConfig.defaults().onlyScheme("S1"),
          AttributionRule.grid(DeriveRules.defaults()), Period.parse("2025-10"), agentDaily,
          ruleFacts, facts);
    }
  }

  private static Map<String, Row> byAgentAndRule(LocalTable mart) {
    Map<String, Row> byKey = new HashMap<>();
    for (Row r : mart.rows()) {
      byKey.put(r.<String>getAs("agent_id") + "/" + r.<String>getAs("rule_id"), r);
    }
    return byKey;
  }

  private static Row at(String agent, String rule) {
    Row r = rows.get(agent + "/" + rule);
    if (r == null) {
      throw new AssertionError("no row " + agent + "/" + rule + " in " + rows.keySet());
    }
    return r;
  }

  private static BigDecimal money(String agent, String rule, String column) {
    return at(agent, rule).getAs(column);
  }

  private static void assertMoney(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), expected + " vs " + actual);
  }

  @Test
  void oneRowPerAgentAndRuleOfTheGrid() {
    assertEquals(12, rows.size());
    assertTrue((boolean) at("a1", "payment_w1").getAs("is_configured_rule"));
    assertFalse((boolean) at("a1", "order_w1").getAs("is_configured_rule"));
    assertEquals("ORDER", at("a1", "order_w3").getAs("judgment"));
    assertEquals(3, (int) at("a1", "order_w3").getAs("window_days"));
    assertEquals("S1", at("a1", "order_w3").getAs("scheme_id"));
  }

  @Test
  void theSaleMovesBetweenAgentsWithJudgmentAndWindow() {
    for (String rule : List.of("payment_w0", "payment_w1", "payment_w3")) {
      assertMoney("100000", money("a2", rule, "sales_gross"));
      assertMoney("0", money("a1", rule, "sales_gross"));
    }
    assertMoney("0", money("a1", "order_w0", "sales_gross")); // the reception was the day before
    assertMoney("0", money("a2", "order_w0", "sales_gross"));
    assertMoney("100000", money("a1", "order_w1", "sales_gross"));
    assertMoney("100000", money("a1", "order_w3", "sales_gross"));
    assertMoney("-100000", money("a2", "order_w1", "sales_gross_change"));
  }

  @Test
  void theRefundFollowsTheSale() {
    for (String rule : List.of("payment_w0", "payment_w1", "payment_w3")) {
      assertMoney("2000", money("a2", rule, "refund_amount"));
      assertMoney("0", money("a1", rule, "refund_amount"));
    }
    assertMoney("0", money("a1", "order_w0", "refund_amount")); // silent: nobody's
    assertMoney("0", money("a2", "order_w0", "refund_amount"));
    assertMoney("2000", money("a1", "order_w3", "refund_amount"));
    assertMoney("0", money("a2", "order_w3", "refund_amount"));
  }

  @Test
  void currentSchemePayFollowsTheCredit() {
    // S1: 1,500 + 2% x 100,000 - 4% x 2,000 refunded = 3,420; without sales 1,500 is topped up
    // to the 2,260 floor.
    assertMoney("3420", money("a2", "payment_w1", "net_pay"));
    assertMoney("2260", money("a1", "payment_w1", "net_pay"));
    assertMoney("3420", money("a1", "order_w1", "net_pay"));
    assertMoney("2260", money("a2", "order_w1", "net_pay"));
    assertMoney("1160", money("a1", "order_w1", "net_pay_change"));
    assertMoney("-1160", money("a2", "order_w1", "net_pay_change"));
    assertMoney("0", money("a2", "payment_w3", "net_pay_change"));
    // silent under order_w0: 1% of (100,000 - 2,000) shared by two agents = 490 each,
    // 1,990 -> floor
    assertMoney("2260", money("a1", "order_w0", "net_pay"));
    // the configured rule reproduces the run's own payroll
    BigDecimal actual = actualPay.payroll().filter(r -> "a2".equals(r.getAs("agent_id")))
        .rows().get(0).getAs("net_pay");
    assertMoney(actual.toPlainString(), money("a2", "payment_w1", "net_pay"));
  }

  @Test
  void conversionUsesTheWindowAndCreditedConversionTheJudgment() {
    // a1's inquiry on 10-01 converts through the order created on 10-02 (d+1).
    assertEquals(1L, (long) at("a1", "payment_w0").getAs("inquiry_buyers"));
    assertEquals(0L, (long) at("a1", "payment_w0").getAs("inquiry_paid_buyers"));
    assertEquals(0.0, (double) at("a1", "payment_w0").getAs("inquiry_conversion"));
    assertEquals(1.0, (double) at("a1", "payment_w1").getAs("inquiry_conversion"));
    assertEquals(0L, (long) at("a1", "payment_w1").getAs("inquiry_credited_paid_buyers"));
    assertEquals(1L, (long) at("a1", "order_w1").getAs("inquiry_credited_paid_buyers"));
    assertEquals(1.0, (double) at("a1", "order_w1").getAs("credited_conversion"));
    assertEquals(-1.0, (double) at("a1", "order_w0").getAs("inquiry_conversion_change"));
    // a2's reception came after the order: after-sales, no inquiry
    assertEquals(0L, (long) at("a2", "payment_w1").getAs("inquiry_buyers"));
    assertNull(at("a2", "payment_w1").getAs("inquiry_conversion"));
  }

  /**
   * a1 receives b9 on the period's last evening; b9 orders and pays the next morning. The
   * inquiry converts on 10-31 (window 1), but the sale belongs to November: October's credit
   * must not count it, though the orders of the conversion window are read.
   */
  @Test
  void creditCountsOnlySalesPaidInThePeriod() {
    Dataset<Row> chats = chats(
        row("s1", "b9", null, "buyer", "2025-10-31 20:00:00"),
        row("s1", "b9", "a1", "agent", "2025-10-31 20:01:00"));
    Dataset<Row> orders = orders(
        order("o9", "b9", "500.00", "2025-11-01 08:00:00", "2025-11-01 09:00:00"));
    Dataset<Row> noRefunds = Tables.of(Tables.REFUNDS
        + ", item_id STRING, is_full_refund STRING");
    Row a1 = byAgentAndRule(new Run(chats, orders, noRefunds).sensitivity())
        .get("a1/payment_w1");
    assertEquals(1L, (long) a1.getAs("inquiry_paid_buyers"));
    assertEquals(0L, (long) a1.getAs("paid_orders"));
    assertMoney("0", a1.getAs("sales_gross"));
  }

  @Test
  void workbookSheetShowsEachAgentsPayUnderEveryRuleSideBySide() {
    kefu.report.ReportTable t = PayReport.sensitivity(PayConfig.defaults(), mart);
    assertEquals("归因敏感性", t.sheetName());
    assertEquals(4 + 3 * 6, t.columns().size());
    assertEquals("付款判定·当日 薪酬", t.columns().get(4).header());
    assertEquals("付款判定·+1天（本次） 薪酬", t.columns().get(5).header());
    assertEquals(2, t.rows().size());
    List<Object> a1 = t.rows().stream().filter(r -> "a1".equals(r.get(1))).findFirst().get();
    assertMoney("1160", (BigDecimal) a1.get(3));
    assertMoney("2260", (BigDecimal) a1.get(5)); // payment_w1
    assertMoney("3420", (BigDecimal) a1.get(8)); // order_w1
  }
}
