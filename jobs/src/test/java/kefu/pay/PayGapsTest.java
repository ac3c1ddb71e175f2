package kefu.pay;

import static kefu.pay.PayFixtures.component;
import static kefu.pay.PayFixtures.money;
import static kefu.pay.PayFixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * A review from the per-agent exports without chats: the components that need what only chats
 * give (credited refunds, silent sales) or what the export leaves unstated (付款订单数) have no
 * amount and say 需聊天记录; the pay is that of the computed components, the minimum-wage top-up
 * on them, and says so. By hand: agent a1 (full time, tier 2: minimum wage 2,260) in 2025-10,
 * base 1,500, 2% of credited sales 1,000 = 20.00, so 1,520.00 computed and a top-up of 740.00.
 * With chats the same inputs pay 4% of the credited refund 100 (-4.00), 1% of the silent sales
 * 500 (5.00) and 0.5 per paid order (5 orders: 2.50).
 */
class PayGapsTest {
  private static final String MONTH = "2025-10";

  private static PayConfig config() {
    return PayFixtures.config(List.of(PayFixtures.scheme("S1", true)), List.of(
        component("S1", 1, ComponentType.BASE, null, null, null, null, "1500", null),
        component("S1", 2, ComponentType.COMMISSION, "sales_gross", "0.02", null, null, null,
            null),
        component("S1", 3, ComponentType.RETURN_DEDUCTION, "refunds", "0.04", null, null, null,
            null),
        component("S1", 4, ComponentType.SILENT_POOL, "silent_sales_net", "0.01", null, null,
            null, null),
        component("S1", 5, ComponentType.PIECE_RATE, "paid_orders", "0.5", null, null, null,
            null)));
  }

  private static PayFixtures inputs() {
    return new PayFixtures().agent("a1", "full_time", null, 2, "2025-01-01", null)
        .day("a1", "2025-10-01", 3).day("a1", "2025-10-02", 2)
        .order("a1", "c1", "1000.00", "2025-10-01").order(null, "c1", "500.00", "2025-10-02")
        .refund("a1", "c1", "100.00", "2025-10-02", false);
  }

  private static PayMarts pay(PayFixtures f, PayConfig config, PayGaps gaps) {
    return Payroll.marts(config, Payroll.replay(config,
        PayInputs.build(config, f.facts(), List.of(MONTH), gaps), PayslipWords.chinese()));
  }

  private static Row line(LocalTable lines, String componentId) {
    return lines.filter(r -> componentId.equals(r.getAs("component_id"))).rows().get(0);
  }

  @Test
  void withoutChatsTheComponentsThatNeedThemSayNeedsChatsAndPayOnlyTheRest() {
    PayConfig config = config();
    PayGaps gaps = new PayGaps(true, Map.of(AgentMonth.key("s1", "a1", MONTH),
        Set.of(PayGaps.PAID_ORDERS)));
    PayMarts pay = pay(inputs(), config, gaps);
    LocalTable lines = pay.payslipLines();

    assertEquals(0, new BigDecimal("1500.00").compareTo(money(line(lines, "S1-1"), "amount")));
    assertEquals(0, new BigDecimal("20.00").compareTo(money(line(lines, "S1-2"), "amount")));
    for (String[] c : new String[][] {{"S1-3", "客服导出没有按客服归因的退款"},
        {"S1-4", "客服导出没有静默销售额"}, {"S1-5", "客服导出未在本月每个接待日给出付款订单数"}}) {
      Row r = line(lines, c[0]);
      assertNull(r.getAs("amount"), c[0] + " has no amount, not 0");
      assertNull(r.getAs("basis_amount"), c[0]);
      String note = r.getAs("note");
      assertTrue(note.startsWith("需聊天记录：" + c[1]), note);
      assertTrue(note.contains("不计入工资"), note);
    }

    Row p = row(pay.payroll(), "a1", "S1");
    assertNull(p.getAs("return_deduction"), "unknown, not 0");
    assertNull(p.getAs("silent_pool"));
    assertNull(p.getAs("piece_rate"));
    assertEquals(0, new BigDecimal("20.00").compareTo(money(p, "commission")));
    assertEquals(0, new BigDecimal("1520.00").compareTo(money(p, "gross_pay")));
    assertEquals(0, new BigDecimal("0.00").compareTo(money(p, "deductions")));
    assertEquals(0, new BigDecimal("740.00").compareTo(money(p, "min_wage_top_up")));
    assertEquals(0, new BigDecimal("2260.00").compareTo(money(p, "net_pay")));
    String topUp = line(lines, "S1-min-wage").getAs("note");
    assertTrue(topUp.endsWith("；只按可计算的项算，需聊天记录的项未计入"), topUp);
  }

  @Test
  void withChatsEveryComponentIsComputed() {
    PayMarts pay = pay(inputs(), config(), PayGaps.NONE);
    LocalTable lines = pay.payslipLines();
    assertEquals(0, new BigDecimal("-4.00").compareTo(money(line(lines, "S1-3"), "amount")));
    assertEquals(0, new BigDecimal("5.00").compareTo(money(line(lines, "S1-4"), "amount")));
    assertEquals(0, new BigDecimal("2.50").compareTo(money(line(lines, "S1-5"), "amount")));
    Row p = row(pay.payroll(), "a1", "S1");
    assertEquals(0, new BigDecimal("-4.00").compareTo(money(p, "return_deduction")));
    String topUp = line(lines, "S1-min-wage").getAs("note");
    assertFalse(topUp.contains("需聊天记录"), topUp);
  }

  @Test
  void aGrossCommissionIsComputedFromTheExportsButNotWhenADayLeavesItsSalesUnstated() {
    PayConfig config = config();
    PayMarts stated = pay(inputs(), config, new PayGaps(true, Map.of()));
    assertEquals(0, new BigDecimal("20.00").compareTo(
        money(line(stated.payslipLines(), "S1-2"), "amount")));
    PayMarts unstated = pay(inputs(), config, new PayGaps(true,
        Map.of(AgentMonth.key("s1", "a1", MONTH), Set.of(PayGaps.SALES))));
    Row r = line(unstated.payslipLines(), "S1-2");
    assertNull(r.getAs("amount"));
    assertTrue(r.<String>getAs("note").contains("销售额"), r.<String>getAs("note"));
  }
}
