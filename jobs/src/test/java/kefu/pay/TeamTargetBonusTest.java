package kefu.pay;

import static kefu.pay.PayFixtures.component;
import static kefu.pay.PayFixtures.config;
import static kefu.pay.PayFixtures.money;
import static kefu.pay.PayFixtures.row;
import static kefu.pay.PayFixtures.scheme;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeamTargetBonusTest {

  @TempDir
  Path dir;

  private static void assertMoney(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), expected + " vs " + actual);
  }

  @Test
  void everyActiveAgentOfATeamReachingTheTargetGetsTheBonus() {
    // March 2024. Team t1: a1 sells 200,000 and a2 150,000 -> 350,000; a4 (t1) is not active.
    // Team t2: a3 sells 250,000.
    // Tiered T_TEAM_MONTHLY (>= 300,000 -> 300, >= 600,000 -> 600): t1 agents a1, a2 get 300,
    // a4 nothing (inactive), a3 nothing (t2 below 300,000).
    // Flat (>= 250,000 -> 500): a1, a2 and a3 get 500 each.
    PayFixtures f = new PayFixtures().words(PayslipWords.english())
        .agent("a1", "t1", "full_time", "上海", 1, "2023-01-01", null)
        .agent("a2", "t1", "full_time", "上海", 1, "2023-01-01", null)
        .agent("a3", "t2", "full_time", "上海", 1, "2023-01-01", null)
        .agent("a4", "t1", "full_time", "上海", 1, "2023-01-01", null)
        .day("a1", "2024-03-05", 1).day("a2", "2024-03-05", 1).day("a3", "2024-03-05", 1)
        .order("a1", "apparel", "200000", "2024-03-05")
        .order("a2", "apparel", "150000", "2024-03-06")
        .order("a3", "apparel", "250000", "2024-03-07");
    PayConfig config = config(List.of(scheme("T", true), scheme("F", false)), List.of(
        component("T", 1, ComponentType.BONUS_TEAM, "sales_gross", null, "T_TEAM_MONTHLY", null,
            null, null),
        component("F", 1, ComponentType.BONUS_TEAM, "sales_gross", null, null, null, "500",
            "250000")));
    PayMarts marts = f.compute(config, "2024-03");

    assertMoney("300", money(row(marts.payroll(), "a1", "T"), "bonus_team"));
    assertMoney("300", money(row(marts.payroll(), "a2", "T"), "bonus_team"));
    assertMoney("0", money(row(marts.payroll(), "a3", "T"), "bonus_team"));
    assertMoney("0", money(row(marts.payroll(), "a4", "T"), "bonus_team"));
    assertMoney("500", money(row(marts.payroll(), "a1", "F"), "bonus_team"));
    assertMoney("500", money(row(marts.payroll(), "a3", "F"), "bonus_team"));
    assertMoney("0", money(row(marts.payroll(), "a4", "F"), "bonus_team"));

    Row line = marts.payslipLines().filter(r -> "a2".equals(r.getAs("agent_id"))
        && "T-1".equals(r.getAs("component_id"))).rows().get(0);
    assertMoney("350000", money(line, "basis_amount"));
    String note = line.getString(line.fieldIndex("note"));
    assertEquals("team t1 sales 350000.00: bonus per active agent by team sales_gross reached"
        + " (T_TEAM_MONTHLY: >= 0 -> 0; >= 300000 -> 300; >= 600000 -> 600)", note);

    // The same lines in Chinese, the numbers unchanged.
    PayMarts zh = f.words(PayslipWords.chinese()).compute(config, "2024-03");
    assertEquals("团队 t1 销售额 350000.00：按团队销售额达到的档位给每名活跃客服发奖"
        + "（T_TEAM_MONTHLY：≥ 0 → 0；≥ 300000 → 300；≥ 600000 → 600）", note(zh, "a2", "T-1"));
    assertEquals("团队 t2 销售额 250000.00：销售额 ≥ 250000 时每名活跃客服 500",
        note(zh, "a3", "F-1"));
  }

  private static String note(PayMarts marts, String agentId, String componentId) {
    Row line = marts.payslipLines().filter(r -> agentId.equals(r.getAs("agent_id"))
        && componentId.equals(r.getAs("component_id"))).rows().get(0);
    return line.getString(line.fieldIndex("note"));
  }

  @Test
  void theDefaultsHaveATeamTargetSchemeAndAFlatTeamBonusNeedsTargetAndAmount()
      throws Exception {
    assertTrue(PayConfig.defaults().componentsOf("S10").stream()
        .anyMatch(c -> c.type() == ComponentType.BONUS_TEAM));
    Path file = PayConfig.writeDefaults(dir);
    PayConfigTest.edit(file, wb -> {
      Sheet components = wb.getSheet("Components");
      for (var row : components) {
        if (row.getRowNum() > 0 && "BONUS_TEAM".equals(row.getCell(2).toString())) {
          row.getCell(5).setCellValue(""); // tier_table
        }
      }
    });
    PayConfigError e = assertThrows(PayConfigError.class, () -> PayConfig.read(dir));
    assertTrue(e.getMessage().contains("BONUS_TEAM without tier_table needs the RMB bonus per "
        + "agent"), e.getMessage());
    assertTrue(e.getMessage().contains("BONUS_TEAM without tier_table needs the team's monthly "
        + "sales target"), e.getMessage());
    assertEquals(2, e.problems().size(), e.getMessage());
  }
}
