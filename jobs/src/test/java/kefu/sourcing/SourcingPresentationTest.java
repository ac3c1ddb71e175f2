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
          BreakEven.points(months, config), SourcingSensitivity.swings(months, config),
          BreakEven.curve("s1", ref, config, 10));
      assertEquals(4, p.tables().size());
      assertEquals(6, p.tables().get(0).rows().size());
      assertEquals(3, p.charts().size());
      assertEquals(11, p.charts().get(2).categories().size());
      assertTrue(p.tables().get(1).rows().get(0).get(2).toString()
          .equals(Labels.of(lang).get("sourcing.option.tiered_inquiry")));
    }
  }

  @Test
  void aPartialMonthIsSaidSoInTheMonthlyTable() {
    SourcingConfig config = CostModelTest.seedConfig();
    List<ShopMonth> months = List.of(CostModelTest.seedMonth(14, 15));
    SourcingPresentation p = SourcingPresentation.of(Labels.of("zh"),
        SourcingCost.costs(months, config), List.of(), List.of(), List.of());
    List<Object> row = p.tables().get(0).rows().get(0);
    assertEquals(16, row.size());
    assertEquals(15, row.get(14));
    assertEquals("部分月份：数据覆盖 15 / 31 天，月费、工资按覆盖天数折算", row.get(15));
    List<Object> whole = SourcingPresentation.of(Labels.of("en"), SourcingCost.costs(
        List.of(CostModelTest.seedMonth()), config), List.of(), List.of(), List.of())
        .tables().get(0).rows().get(0);
    assertEquals(null, whole.get(15));
  }
}
