package kefu.sourcing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kefu.present.SourcingPresentation;
import kefu.report.Labels;
import org.junit.jupiter.api.Test;

/**
 * The in-house cost line by line on the seed month of {@link CostModelTest}: tier 2 at 3,500 a
 * head, 32% social insurance, seats 200 + 300 + 100 = 600, no management, hire cost 1,500 ÷
 * 7.5 months = 200, two heads.
 */
class InHouseBuildUpTest {

  @Test
  void aModelledMonthAddsUpFromFiveHandComputedLines() {
    List<InHouseBuildUp.Line> lines = InHouseBuildUp.lines(CostModelTest.seedMonth(),
        CostModelTest.seedConfig());
    assertEquals(List.of("wage_modelled", "social_insurance", "seats", "management", "turnover",
        "total_modelled"), lines.stream().map(InHouseBuildUp.Line::kind).toList());
    // 2 × 3,500; × 32%; 2 × 600; 2 × 0; 1,500 × 2 ÷ 7.5; = 10,840
    assertEquals(List.of(money(7000), money(2240), money(1200), money(0), money(400),
        money(10_840)), lines.stream().map(InHouseBuildUp.Line::amount).toList());
    assertEquals(List.of(2.0, 3500.0, 2), lines.get(0).args());
    assertEquals(List.of(1500.0, 2.0, 7.5), lines.get(4).args());
  }

  @Test
  void aPayrollMonthTakesThePayAndItsAgentsAndSaysWhatErlangCNeeds() {
    ShopMonth m = CostModelTest.seedMonth();
    ShopMonth paid = new ShopMonth(m.shopId(), m.month(), m.hours(), m.sales(), m.paidOrders(),
        9_000.0, 3, List.of(new PayrollTier(2, 3, 9_000)), 0);
    List<InHouseBuildUp.Line> lines = InHouseBuildUp.lines(paid, CostModelTest.seedConfig());
    // 9,000; 2,880; 3 × 600; 0; 3 × 200; total 14,280 = what the sourcing_cost mart says
    assertEquals(List.of(money(9000), money(2880), money(1800), money(0), money(600),
        money(14_280)), lines.stream().map(InHouseBuildUp.Line::amount).toList());
    assertEquals("total_payroll", lines.get(5).kind());
    // 3 on the roster, Erlang C needs 2; beyond pay each costs (14,280 − 9,000) ÷ 3
    List<Object> args = lines.get(5).args();
    assertEquals(List.of(3.0, 2, money(9000)), args.subList(0, 3));
    assertEquals(5280 / 3.0, (double) args.get(3), 1e-9);
  }

  @Test
  void theLinesAddUpToTheTotalAndTheTotalToTheCostMartInEveryRow() {
    SourcingConfig base = CostModelTest.seedConfig();
    // odd per-head costs and tenure, so that the lines have fractions of a cent
    SourcingConfig config = new SourcingConfig(base.staffing(), base.concurrency(), List.of(
        new InHouseCost(1, 6123.45, 0.3333, 201.11, 333.33, 99.99, 1234.56, 2999.99, 7.3),
        new InHouseCost(2, 4321.09, 0.317, 250.05, 512.5, 149.95, 1111.11, 2500.01, 6.7)),
        base.quotes(), base.priceBands());
    ShopMonth m = CostModelTest.seedMonth();
    List<ShopMonth> months = List.of(m, CostModelTest.seedMonth(14, 15),
        new ShopMonth("s2", m.month(), m.hours(), 0, 0, 11_111.11, 3,
            List.of(new PayrollTier(1, 1, 5_555.55), new PayrollTier(2, 2, 5_555.56)), 17));
    Map<String, BigDecimal> costs = new TreeMap<>();
    for (OptionCost c : SourcingCost.costs(months, config)) {
      if (c.option().equals(SourcingConfig.IN_HOUSE)) {
        costs.put(c.shopId() + c.coveredDays(), SourcingCost.money(c.cost()));
      }
    }
    List<InHouseBuildUp.Line> lines = InHouseBuildUp.lines(months, config);
    assertEquals(18, lines.size());
    for (int row = 0; row < lines.size(); row += 6) {
      BigDecimal sum = BigDecimal.ZERO;
      for (int i = row; i < row + 5; i++) {
        sum = sum.add(lines.get(i).amount());
      }
      InHouseBuildUp.Line total = lines.get(row + 5);
      assertTrue(total.isTotal());
      assertEquals(total.amount(), sum, total.shopId() + " " + total.coveredDays());
      ShopMonth month = months.get(row / 6);
      assertEquals(costs.get(month.shopId() + month.coveredDays()), total.amount());
    }
  }

  @Test
  void centsOfRoundingGoToTheLargestPart() {
    // three half cents round up to 0.03, the total 0.015 to 0.02: the largest part gives one back
    assertArrayEquals(new BigDecimal[] {money(0.01), money(0.01), money(0.00)},
        Cents.apportion(new double[] {0.005, 0.005, 0.0051}, 0.015));
    assertArrayEquals(new BigDecimal[] {money(1.23), money(4.56)},
        Cents.apportion(new double[] {1.23, 4.56}, 5.79));
  }

  @Test
  void everyLineSaysInChineseHowItWasComputed() {
    ShopMonth m = CostModelTest.seedMonth();
    ShopMonth paid = new ShopMonth(m.shopId(), m.month(), m.hours(), m.sales(), m.paidOrders(),
        9_000.0, 3, List.of(new PayrollTier(2, 3, 9_000)), 0);
    SourcingConfig config = CostModelTest.seedConfig();
    List<InHouseBuildUp.Line> lines = new ArrayList<>(InHouseBuildUp.lines(paid, config));
    lines.addAll(InHouseBuildUp.lines(CostModelTest.seedMonth(14, 15), config));
    List<List<Object>> rows = SourcingPresentation.of(Labels.of("zh"), List.of(), lines,
        List.of(), List.of(), List.of()).tables().get(1).rows();
    assertEquals(List.of("s1", "2024-03", "工资（工资表）", money(9000),
        "工资 = 花名册上 3 名自营客服按当前薪酬方案的实发工资合计"), rows.get(0));
    assertEquals("社保公积金 = 工资 × 32%", rows.get(1).get(4));
    assertEquals("席位 = 3 人 × 每人 ¥600（设备、办公、软件）", rows.get(2).get(4));
    assertEquals("管理 = 3 人 × 每人 ¥0", rows.get(3).get(4));
    assertEquals("招聘培训 = ¥1,500 × 3 人 ÷ 平均在职 7.5 月", rows.get(4).get(4));
    assertEquals("合计 = 以上五项之和。人数按花名册的 3 名自营客服（Erlang C 按聊天需求需要 2 人）；"
        + "除工资 ¥9,000 外每人每月另有 ¥1,760 的社保、席位、管理和招聘培训成本，所以自营成本高于当前工资",
        rows.get(5).get(4));
    // the partial month: 15 of 31 days, modelled
    assertEquals("工资 = 2 人 × 月薪 ¥3,500（城市等级 2）；没有工资表，人数是 Erlang C 按聊天需求算出的"
        + "（× 覆盖 15 / 31 天）", rows.get(6).get(4));
    for (List<Object> row : rows) {
      assertTrue(!row.get(4).toString().isBlank() && !row.get(4).toString().matches(".*[a-z]+_[a-z]+.*"),
          row.toString());
    }
  }

  static BigDecimal money(double v) {
    return SourcingCost.money(v);
  }
}
