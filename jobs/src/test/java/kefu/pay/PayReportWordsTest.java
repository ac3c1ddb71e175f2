package kefu.pay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import kefu.marts.Period;
import kefu.present.PayReport;
import kefu.report.Labels;
import kefu.report.ReportTable;
import org.junit.jupiter.api.Test;

/**
 * The pay sheets name each scheme (S1 种子规则001（现行）, not S1 alone), list the schemes in the
 * config's order (S9 before S10) and call an agent-month without credited sales what it is, not
 * "(none)".
 */
class PayReportWordsTest {

  @Test
  void schemesAreNamedInConfigOrderAndAgentsWithoutSalesHaveAChineseCategory() {
    // a1 sells apparel in March 2024; a2 sells nothing (no main category).
    PayFixtures f = new PayFixtures();
    for (String a : List.of("a1", "a2")) {
      f.agent(a, "full_time", "上海", 1, "2023-01-01", null).day(a, "2024-03-05", 1);
    }
    f.order("a1", "apparel", "60000", "2024-03-05");
    PayConfig config = PayConfig.defaults();
    PayReport report = PayReport.of(config, f.compute(config, "2024-03"),
        Period.parse("2024-03"), Labels.chinese());
    String s1 = "S1 种子规则001（现行）";
    assertEquals(s1, config.currentScheme().schemeId() + " " + config.currentScheme().name());

    ReportTable distribution = report.tables().get(1);
    List<String> categories = new ArrayList<>();
    LinkedHashSet<String> schemes = new LinkedHashSet<>();
    for (List<Object> row : distribution.rows()) {
      schemes.add((String) row.get(0));
      if ("类目".equals(row.get(3))) {
        categories.add((String) row.get(4));
      }
    }
    assertTrue(categories.contains("无成交（无主营类目）"), categories.toString());
    assertFalse(categories.contains("(none)"));
    List<String> expected = new ArrayList<>();
    config.schemes().forEach(s -> expected.add(s.schemeId() + " " + s.name()));
    expected.retainAll(schemes); // S7 pays part-timers only: no row here
    assertEquals(expected, new ArrayList<>(schemes), "S1, S2, …, S9, S10 with their names");
    assertEquals("S10", expected.get(expected.size() - 1).substring(0, 3));

    ReportTable changes = report.tables().get(2);
    assertTrue(changes.rows().stream().allMatch(r -> ((String) r.get(0)).matches("S\\d+ .+")),
        "方案得失 names the scheme");
    assertTrue(report.findings().get(0).startsWith("现行薪酬方案 " + s1 + " 本期总薪酬"),
        report.findings().get(0));
    ReportTable payslips = report.detailTables().get(0);
    assertTrue(payslips.title().startsWith("现行方案 " + s1 + " 的工资条明细"), payslips.title());
    // a2 earns the base only, below Shanghai's minimum: the top-up line is named in words
    List<Object> topUp = payslips.rows().stream().filter(r -> "a2".equals(r.get(1))
        && "补足最低工资".equals(r.get(4))).findFirst().orElseThrow();
    assertEquals("S1-最低工资补足", topUp.get(3));
    assertTrue(payslips.rows().stream().anyMatch(r -> "S1-1".equals(r.get(3))),
        "the config's component ids stay as they are");
    assertTrue(payslips.rows().stream().noneMatch(r -> String.valueOf(r.get(3)).contains("min")));

    // English titles keep the id only: the config's names are Chinese (cells may show them)
    PayReport english = PayReport.of(config, f.compute(config, "2024-03"),
        Period.parse("2024-03"), Labels.of("en"));
    String title = english.detailTables().get(0).title();
    assertTrue(title.contains("scheme S1 ") && !title.matches(".*\\p{IsHan}.*"), title);
  }
}
