package kefu.pay;

import static kefu.pay.PayFixtures.component;
import static kefu.pay.PayFixtures.config;
import static kefu.pay.PayFixtures.money;
import static kefu.pay.PayFixtures.row;
import static kefu.pay.PayFixtures.scheme;
import static kefu.pay.PayFixtures.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class PayrollTest {

  private static BigDecimal m(String s) {
    return new BigDecimal(s);
  }

  @Test
  void seedRule001PaysBasePlusCommissionMinusReturnsPlusSilentShare() {
    // Three Shanghai agents active in March 2024; a1 sold 100,000 and had 5,000 refunded;
    // the shop had 60,000 of silent sales: 1,500 + 2,000 - 200 + 200 = 3,500.
    PayFixtures f = new PayFixtures().words(PayslipWords.english());
    for (String a : List.of("a1", "a2", "a3")) {
      f.agent(a, "full_time", "上海", 1, "2023-01-01", null).day(a, "2024-03-05", 1);
    }
    f.order("a1", "apparel", "60000", "2024-03-05").order("a1", "beauty", "40000", "2024-03-06")
        .refund("a1", "apparel", "5000", "2024-03-20", true)
        .order(null, "apparel", "60000", "2024-03-07");
    PayMarts marts = f.compute(PayConfig.defaults(), "2024-03");

    Row a1 = row(marts.payroll(), "a1", "S1");
    assertEquals(0, m("1500").compareTo(money(a1, "base")));
    assertEquals(0, m("2000").compareTo(money(a1, "commission")));
    assertEquals(0, m("-200").compareTo(money(a1, "return_deduction")));
    assertEquals(0, m("200").compareTo(money(a1, "silent_pool")));
    assertEquals(0, m("3700").compareTo(money(a1, "gross_pay")));
    assertEquals(0, m("200").compareTo(money(a1, "deductions")));
    assertEquals(0, m("3500").compareTo(money(a1, "net_pay")));
    assertEquals(0, m("100000").compareTo(money(a1, "credited_sales")));

    // a2 earns 1,500 + 200 = 1,700, below Shanghai's 2,690: topped up.
    Row a2 = row(marts.payroll(), "a2", "S1");
    assertEquals(0, m("990").compareTo(money(a2, "min_wage_top_up")));
    assertEquals(0, m("2690").compareTo(money(a2, "net_pay")));

    // Payslip lines trace basis x rate = amount.
    Row commission = line(marts, "a1", "S1-2");
    assertEquals(0, m("100000").compareTo(money(commission, "basis_amount")));
    assertEquals(0, m("0.02").compareTo(money(commission, "rate")));
    Row silent = line(marts, "a1", "S1-4");
    assertEquals(0, m("20000").compareTo(money(silent, "basis_amount")));
    assertTrue(silent.getString(silent.fieldIndex("note")).contains("shared by 3"));

    // Every default scheme that applies to full-timers paid all three agents; S7 is part-time.
    assertEquals(9 * 3, marts.payroll().size());
    assertEquals(0, where(marts.payroll(), "scheme_id", "S7").size());
    // Winners and losers against S1 for each other scheme.
    assertEquals(8 * 3, marts.payChanges().size());
    assertFalse(marts.payDistribution().filter(r -> "all".equals(r.getAs("period_type"))
        && "all".equals(r.getAs("dimension"))).isEmpty());
  }

  @Test
  void tieredPieceRateAppliesTheTiersToEachDaysOrderCount() {
    // Days with 30, 60 and 120 orders. Progressive: 30 + (50 + 10x1.5) + (50 + 75 + 20x2) = 260.
    // Whole: 30x1 + 60x1.5 + 120x2 = 360.
    PayFixtures f = new PayFixtures().agent("a1", "part_time", "上海", 1, null, null)
        .day("a1", "2024-03-01", 30).day("a1", "2024-03-02", 60).day("a1", "2024-03-03", 120);
    PayConfig config = config(List.of(scheme("P", true), scheme("W", false)), List.of(
        component("P", 1, ComponentType.PIECE_RATE, "paid_orders", null, "T_DAILY_ORDERS",
            "progressive", null, null),
        component("W", 1, ComponentType.PIECE_RATE, "paid_orders", null, "T_DAILY_ORDERS",
            "whole", null, null)));
    PayMarts marts = f.compute(config, "2024-03");
    assertEquals(0, m("260").compareTo(money(row(marts.payroll(), "a1", "P"), "piece_rate")));
    assertEquals(0, m("360").compareTo(money(row(marts.payroll(), "a1", "W"), "net_pay")));
    Row line = row(marts.payslipLines(), "a1", "P");
    assertEquals(0, m("210").compareTo(money(line, "basis_amount")));
    Row change = row(marts.payChanges(), "a1", "W");
    assertEquals("winner", change.getString(change.fieldIndex("outcome")));
    assertEquals(0, m("100").compareTo(money(change, "change_amount")));
  }

  @Test
  void anAgentHiredMidMonthGetsAProratedBase() {
    // Hired 17 March: employed 15 of 31 days; 6,000 x 15 / 31 = 2,903.23.
    PayFixtures f = new PayFixtures().agent("a1", "full_time", "上海", 1, "2024-03-17", null)
        .day("a1", "2024-03-20", 1);
    PayConfig config = config(List.of(scheme("B", true)), List.of(
        component("B", 1, ComponentType.BASE, null, null, null, null, "6000", null)));
    Row r = row(f.compute(config, "2024-03").payroll(), "a1", "B");
    assertEquals(15, r.getInt(r.fieldIndex("employed_days")));
    assertEquals(0, m("2903.23").compareTo(money(r, "base")));
    assertEquals(0, m("0").compareTo(money(r, "min_wage_top_up")));
  }

  @Test
  void fullTimePayIsToppedUpToTheLocalMinimumWage() {
    // Shanghai 2,690; an unlisted tier-3 city falls back to 2,010; part-timers are not topped up.
    PayFixtures f = new PayFixtures()
        .agent("sh", "full_time", "上海", 1, null, null).day("sh", "2024-03-01", 0)
        .agent("gz", "full_time", "赣州", 3, null, null).day("gz", "2024-03-01", 0)
        .agent("pt", "part_time", "上海", 1, null, null).day("pt", "2024-03-01", 0);
    PayConfig config = config(List.of(scheme("B", true)), List.of(
        component("B", 1, ComponentType.BASE, null, null, null, null, "1500", null)));
    PayMarts marts = f.compute(config, "2025-03");
    Row sh = row(marts.payroll(), "sh", "B");
    assertEquals(0, m("1190").compareTo(money(sh, "min_wage_top_up")));
    assertEquals(0, m("2690").compareTo(money(sh, "net_pay")));
    assertTrue(sh.getBoolean(sh.fieldIndex("is_below_min_wage")));
    assertEquals(0, m("510").compareTo(money(row(marts.payroll(), "gz", "B"), "min_wage_top_up")));
    assertEquals(0, m("1500").compareTo(money(row(marts.payroll(), "pt", "B"), "net_pay")));
    Row line = marts.payslipLines().filter(r -> "sh".equals(r.getAs("agent_id"))
        && "MIN_WAGE_TOP_UP".equals(r.getAs("component_type"))).rows().get(0);
    assertEquals(0, m("1190").compareTo(money(line, "amount")));
  }

  @Test
  void deductionsAboveTwentyPercentOfGrossPayAreCapped() {
    // Gross 3,000; 4% of 20,000 refunds = 800 > 20% x 3,000 = 600 -> cap line +200, net 2,400.
    PayFixtures f = new PayFixtures().agent("a1", "full_time", "赣州", 3, null, null)
        .day("a1", "2024-03-01", 1).refund("a1", "food", "20000", "2024-03-10", false);
    PayConfig config = config(List.of(scheme("D", true)), List.of(
        component("D", 1, ComponentType.BASE, null, null, null, null, "3000", null),
        component("D", 2, ComponentType.RETURN_DEDUCTION, "refunds", "0.04", null, null, null,
            null)));
    PayMarts marts = f.compute(config, "2024-03");
    Row r = row(marts.payroll(), "a1", "D");
    assertEquals(0, m("800").compareTo(money(r, "deductions")));
    assertEquals(0, m("200").compareTo(money(r, "deduction_cap_adjustment")));
    assertEquals(0, m("2400").compareTo(money(r, "net_pay")));
    assertEquals(1, where(marts.payslipLines(), "component_type", "DEDUCTION_CAP").size());
  }

  @Test
  void tieredCommissionPaysEachBracketOrTheWholeAmountAtItsBracket() {
    // 200,000 progressive: 50,000x1% + 100,000x2% + 50,000x3% = 4,000; whole: 200,000x3% = 6,000.
    // Exactly 50,000 stays in the first bracket: 500 either way.
    PayFixtures f = new PayFixtures()
        .agent("big", "part_time", "上海", 1, null, null).day("big", "2024-03-01", 1)
        .agent("edge", "part_time", "上海", 1, null, null).day("edge", "2024-03-01", 1)
        .order("big", "home", "200000", "2024-03-01").order("edge", "home", "50000", "2024-03-01");
    PayConfig config = config(List.of(scheme("P", true), scheme("W", false)), List.of(
        component("P", 1, ComponentType.COMMISSION, "sales_gross", null, "T_SALES_MONTHLY",
            "progressive", null, null),
        component("W", 1, ComponentType.COMMISSION, "sales_gross", null, "T_SALES_MONTHLY",
            "whole", null, null)));
    PayMarts marts = f.compute(config, "2024-03");
    assertEquals(0, m("4000").compareTo(money(row(marts.payroll(), "big", "P"), "commission")));
    assertEquals(0, m("6000").compareTo(money(row(marts.payroll(), "big", "W"), "commission")));
    assertEquals(0, m("500").compareTo(money(row(marts.payroll(), "edge", "P"), "commission")));
    assertEquals(0, m("500").compareTo(money(row(marts.payroll(), "edge", "W"), "commission")));
  }

  @Test
  void kpiBonusIsTheWeightedScoreTimesTheAmount() {
    // Conversion 52% -> 80 (x35%), reply 99.5% -> 100 (x15%), response 28 s -> 80 (x15%),
    // service DSR 4.85 -> 100 (x35%): score 90, bonus 90% x 1,500 = 1,350.
    PayFixtures f = new PayFixtures().agent("a1", "part_time", "上海", 1, null, null)
        .kpiDay("a1", "2024-03-01", 200, 199, 100, 52, 52, 2800.0, 100, 97, 20);
    PayConfig config = config(List.of(scheme("K", true)), List.of(
        new ComponentDef("K", 1, ComponentType.BONUS_KPI, null, null, "KPI_PRESALE", null, null,
            null, m("1500"), null, null)));
    PayMarts marts = f.compute(config, "2024-03");
    Row line = row(marts.payslipLines(), "a1", "K");
    assertEquals(0, m("90").compareTo(money(line, "basis_amount")));
    assertEquals(0, m("1350").compareTo(money(line, "amount")));
  }

  @Test
  void hourlyPayCountsOverlappingReceptionsOnce() {
    // 10:00-11:00 and 10:30-12:00 overlap -> 2 busy hours; plus 14:00-14:30 -> 2.5 h x 18 = 45.
    PayFixtures f = new PayFixtures().agent("a1", "part_time", "合肥", 2, null, null)
        .day("a1", "2024-03-01", 0)
        .reception("a1", "2024-03-01 02:00:00", "2024-03-01 03:00:00")
        .reception("a1", "2024-03-01 02:30:00", "2024-03-01 04:00:00")
        .reception("a1", "2024-03-01 06:00:00", "2024-03-01 06:30:00");
    PayConfig config = config(List.of(scheme("H", true)), List.of(
        component("H", 1, ComponentType.HOURLY, "reception_hours", "18", null, null, null, null)));
    Row r = row(f.compute(config, "2024-03").payroll(), "a1", "H");
    assertEquals(0, m("45").compareTo(money(r, "hourly")));
  }

  @Test
  void aMonthIsPaidTheSameWhetherReplayedAloneOrWithTheWholeHistory() {
    // The pipeline replays every month once and takes the period's months of it; that is only
    // right if nothing of February leaks into March's pay: a refund completed in March of a
    // February sale, a reception over midnight at the month's end, a hire on 15 February.
    PayFixtures f = new PayFixtures()
        .agent("a1", "full_time", "上海", 1, "2023-01-01", null)
        .agent("a2", "full_time", "上海", 1, "2024-02-15", null)
        .agent("p1", "part_time", "合肥", 2, null, null);
    for (String a : List.of("a1", "a2", "p1")) {
      f.day(a, "2024-02-20", 3).day(a, "2024-03-04", 2);
    }
    f.order("a1", "apparel", "30000", "2024-02-20").order("a2", "beauty", "12000", "2024-03-04")
        .order("p1", "apparel", "800", "2024-02-29").order(null, "apparel", "9000", "2024-03-05")
        .refund("a1", "apparel", "3000", "2024-03-02", true)
        .refund("a2", "beauty", "500", "2024-02-25", false)
        .reception("p1", "2024-02-29 23:00:00", "2024-03-01 01:00:00")
        .reception("p1", "2024-03-04 10:00:00", "2024-03-04 12:00:00");
    PayConfig config = PayConfig.defaults();

    PayMarts alone = f.compute(config, "2024-03");
    PayMarts fromHistory = Payroll.marts(config,
        f.replay(config, "2024-02", "2024-03").only(List.of("2024-03")));

    List<Row> payroll = sorted(alone.payroll());
    assertFalse(payroll.isEmpty());
    assertEquals(payroll, sorted(fromHistory.payroll()));
    assertEquals(sorted(alone.payslipLines()), sorted(fromHistory.payslipLines()));
    assertEquals(sorted(alone.payDistribution()), sorted(fromHistory.payDistribution()));
    assertEquals(sorted(alone.payChanges()), sorted(fromHistory.payChanges()));
  }

  private static List<Row> sorted(kefu.table.LocalTable table) {
    return table.rows().stream().sorted(java.util.Comparator.comparing(Row::toString)).toList();
  }

  /** The payslip line of a component of an agent. */
  private static Row line(PayMarts marts, String agentId, String componentId) {
    return marts.payslipLines().filter(r -> agentId.equals(r.getAs("agent_id"))
        && componentId.equals(r.getAs("component_id"))).rows().get(0);
  }
}
