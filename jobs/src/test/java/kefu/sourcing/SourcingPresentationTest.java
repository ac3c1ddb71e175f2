package kefu.sourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kefu.present.SourcingPresentation;
import kefu.report.Labels;
import org.junit.jupiter.api.Test;

class SourcingPresentationTest {
  @Test
  void theSheetHasFourTablesAndThreeChartsInBothLanguages() {
    SourcingConfig config = CostModelTest.seedConfig();
    List<ShopMonth> months = List.of(CostModelTest.seedMonth());
    List<OptionCost> costs = SourcingCost.costs(months, config);
    ShopMonth ref = BreakEven.referenceMonth(months);
    for (String lang : List.of("zh", "en")) {
      SourcingPresentation p = SourcingPresentation.of(Labels.of(lang), costs,
          InHouseBuildUp.lines(months, config), BreakEven.points(months, config),
          SourcingSensitivity.swings(months, config), BreakEven.curve("s1", ref, config, 10));
      assertEquals(5, p.tables().size());
      assertEquals(6, p.tables().get(0).rows().size());
      assertEquals(6, p.tables().get(1).rows().size());
      assertEquals(3, p.charts().size());
      assertEquals(11, p.charts().get(2).categories().size());
      // no agent-credited sales in the seed month: best value falls back to cost alone
      assertTrue(p.tables().get(2).rows().get(0).get(2).toString()
          .equals(Labels.of(lang).get("sourcing.option.tiered_inquiry")));
    }
  }

  @Test
  void aPartialMonthIsSaidSoInTheMonthlyTable() {
    SourcingConfig config = CostModelTest.seedConfig();
    List<ShopMonth> months = List.of(CostModelTest.seedMonth(14, 15));
    SourcingPresentation p = SourcingPresentation.of(Labels.of("zh"),
        SourcingCost.costs(months, config), List.of(), List.of(), List.of(), List.of());
    List<Object> row = p.tables().get(0).rows().get(0);
    assertEquals(21, row.size());
    assertEquals(15, row.get(14));
    assertTrue(row.get(20).toString().endsWith(
        "；部分月份：数据覆盖 15 / 31 天，月费、工资按覆盖天数折算"), row.get(20).toString());
    List<Object> whole = SourcingPresentation.of(Labels.of("en"), SourcingCost.costs(
        List.of(CostModelTest.seedMonth()), config), List.of(), List.of(), List.of(), List.of())
        .tables().get(0).rows().get(0);
    assertTrue(!whole.get(20).toString().contains("Partial"), whole.get(20).toString());
  }

  @Test
  void breakEvenRowsWithoutAVolumeSayWhyInWords() {
    SourcingConfig config = CostModelTest.seedConfig();
    List<ShopMonth> months = List.of(CostModelTest.seedMonth());
    List<BreakEven.Point> points = BreakEven.points(months, config);
    List<List<Object>> rows = SourcingPresentation.of(Labels.of("zh"), List.of(), List.of(),
        points, List.of(), List.of()).tables().get(3).rows();
    assertEquals(15, rows.size());
    for (List<Object> row : rows) {
      assertTrue(row.get(4) != null || row.get(8).toString().startsWith("无平衡点"),
          row.toString());
      assertTrue(!row.get(8).toString().isBlank());
    }
    assertEquals("无平衡点：日咨询量 0–5000 内专人专店（包月）始终更便宜（参考月份日均 29.7 询单时"
        + "自营团队 ¥10,840，专人专店（包月） ¥5,282）", rows.get(0).get(8));
    assertEquals("日咨询量低于 63.92 时专人专店 底薪+提成较省，高于时自营团队较省", rows.get(1).get(8));
    assertEquals("成本按整人、整座席和价格档跳变，在 0–5000 内交叉 5 次，此为第一次；低于它按咨询量阶梯计费"
        + "较省，最高处自营团队较省", rows.get(3).get(8));
  }

  @Test
  void theSensitivityChartSaysItPlotsTotalsOverTheHistory() {
    SourcingConfig config = CostModelTest.seedConfig();
    ShopMonth march = CostModelTest.seedMonth();
    ShopMonth april = new ShopMonth("s1", "2024-04", march.hours(), march.sales(),
        march.paidOrders(), null, 0);
    List<ShopMonth> months = List.of(march, april);
    List<SourcingSensitivity.Swing> swings = SourcingSensitivity.swings(months, config);
    SourcingPresentation p = SourcingPresentation.of(Labels.of("zh"),
        SourcingCost.costs(months, config), List.of(), List.of(), swings, List.of());
    var tornado = p.charts().get(1);
    assertEquals("成本敏感性（±20%）：2 个月合计成本的变化（全部店铺）", tornado.title());
    assertEquals("2 个月合计成本的变化", tornado.valueAxisLabel());
    assertEquals("敏感性（±20%）：历史 2 个月合计成本", p.tables().get(4).title());
    // in-house wage −20%: 2 months × 7,000 × 1.32 × 0.2 (a 2-month total, not a monthly cost)
    int wageBar = tornado.categories().indexOf("自营团队 · 工资");
    assertEquals(-2 * 7000 * 1.32 * 0.2, tornado.series().get("-20% 时合计成本变化")
        .get(wageBar).doubleValue(), 1e-6);
  }

  @Test
  void chineseSheetsShowNoOptionIdsOrBooleansAndNameTheAllShopsTotal() {
    SourcingConfig config = CostModelTest.seedConfig();
    ShopMonth m = ConversionDiscountTest.creditedSeedMonth();
    ShopMonth all = new ShopMonth(Demand.ALL_SHOPS, m.month(), m.hours(), m.sales(),
        m.paidOrders(), null, 0, List.of(), 0, m.creditedSales());
    List<ShopMonth> months = List.of(m, all);
    SourcingPresentation p = SourcingPresentation.of(Labels.of("zh"),
        SourcingCost.costs(months, config), InHouseBuildUp.lines(months, config),
        BreakEven.points(months, config), SourcingSensitivity.swings(months, config),
        List.of());
    for (var table : p.tables()) {
      for (List<Object> row : table.rows()) {
        for (Object v : row) {
          String text = String.valueOf(v);
          assertTrue(!(v instanceof Boolean) && !text.matches(".*[a-z]+_[a-z]+.*")
              && !text.equals("all") && !text.contains("partial"), table.title() + ": " + row);
        }
      }
    }
    List<Object> inHouse = p.tables().get(0).rows().get(0);
    assertEquals("自营团队", inHouse.get(2));
    assertTrue(inHouse.get(4) instanceof Long && inHouse.get(5) instanceof Long,
        "headcount and inquiries are counts (22, not 22.00): " + inHouse);
    List<Object> tiered = p.tables().get(0).rows().get(4);
    assertEquals("按咨询量阶梯计费", tiered.get(2));
    assertEquals("是", tiered.get(11));
    assertEquals("月成本 = 按量费用 ¥1,512.00 + 高峰加价 ¥324.00 + 夜间加价 ¥113.40；"
        + "外包客服的转化率按自营的 90% 计（假设），预计少 ¥10,000 客服销售额", tiered.get(20));
    assertEquals("全部店铺", p.tables().get(0).rows().get(6).get(0));
    assertTrue(p.tables().get(2).title().contains("按每¥100客服销售额的成本比较"));
  }

  @Test
  void withoutChatsTheSheetSaysSoInsteadOfShowingZeros() {
    SourcingPresentation p = SourcingPresentation.of(Labels.of("zh"), List.of(), List.of(),
        List.of(), List.of(), List.of());
    assertEquals("各方案月度成本：未提供聊天记录（或其中没有接待），没有咨询需求就算不出人数和成本",
        p.tables().get(0).title());
    assertTrue(p.tables().get(1).title().contains("未提供聊天记录"));
    assertTrue(p.tables().get(0).rows().isEmpty());
    // no range 0–0, no "0 个月", no assumed conversion for months that do not exist
    assertEquals(List.of("各方案月度成本", "自营团队月成本的构成（合计 = 各项之和）", "每月最划算方案",
        "盈亏平衡点（日咨询量）", "敏感性（±20%）"), p.tables().stream()
        .map(t -> t.title().replace("：未提供聊天记录（或其中没有接待），没有咨询需求就算不出人数和成本", ""))
        .toList());
  }

  @Test
  void theNoteListsPartsThatAddUpToTheCostToTheCent() {
    SourcingConfig config = CostModelTest.seedConfig();
    // 15 of 31 days: every in-house part has fractions of a cent
    for (OptionCost c : SourcingCost.costs(List.of(CostModelTest.seedMonth(14, 15)), config)) {
      java.math.BigDecimal sum = SourcingCost.partsInCents(c).values().stream()
          .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
      assertEquals(SourcingCost.money(c.cost()), sum, c.option());
    }
  }
}
