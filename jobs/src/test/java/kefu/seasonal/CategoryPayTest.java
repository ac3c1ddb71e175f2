package kefu.seasonal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import kefu.facts.CreditFacts;
import kefu.table.LocalTable;
import kefu.testing.Local;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Five agents sell mostly A (one of them half B), two sell B: B is below k = 5. */
class CategoryPayTest {
  static SparkSession spark;
  static LocalTable mart;
  static LocalTable payroll;
  static LocalTable sales;

  @BeforeAll
  static void build() {
    spark = SparkTestSession.get();
    StringBuilder pay = new StringBuilder();
    StringBuilder sales = new StringBuilder();
    String[] agents = {"a1", "a2", "a3", "a4", "a5", "b1", "b2"};
    for (int i = 0; i < agents.length; i++) {
      for (String month : List.of("2024-03", "2024-04")) {
        pay.append(pay.length() == 0 ? "" : ",").append("('").append(agents[i]).append("', '")
            .append(month).append("', ").append(1000 * (i % 5 + 1)).append(")");
      }
      String category = agents[i].startsWith("a") ? "A" : "B";
      sales.append(sales.length() == 0 ? "" : ",").append("('").append(agents[i]).append("', '")
          .append(category).append("', 50)");
    }
    sales.append(",('a4', 'B', 50),('a2', 'B', 10),('a1', 'A', 10)");
    payroll = Local.table(spark.sql("SELECT 's' AS shop_id, agent_id, month, scheme_id, "
        + "'Scheme 1' AS scheme_name, true AS is_current_scheme, 'X' AS main_category, "
        + "CAST(net_pay AS DECIMAL(14,2)) AS net_pay, CAST(10 AS BIGINT) AS paid_orders "
        + "FROM VALUES " + pay + " AS t(agent_id, month, net_pay) "
        + "CROSS JOIN (SELECT 'S1' AS scheme_id)"));
    CategoryPayTest.sales = Local.table(CreditFacts.sales(spark.sql("SELECT 's' AS shop_id, "
        + "credited_agent_id, category, CAST(amount AS DECIMAL(14,2)) AS amount_paid, "
        + "DATE'2024-03-10' AS paid_date FROM VALUES " + sales
        + " AS t(credited_agent_id, category, amount)")));
    LocalTable agentDaily = Local.table(spark.sql("SELECT 's' AS shop_id, 'a1' AS agent_id, "
        + "DATE'2024-03-01' AS business_date, CAST(10 AS BIGINT) AS inquiry_buyers, "
        + "CAST(4 AS BIGINT) AS inquiry_paid_buyers, CAST(5 AS BIGINT) AS sold_units, "
        + "CAST(1 AS BIGINT) AS return_count"));
    mart = CategoryPay.build(payroll, CategoryPayTest.sales, agentDaily,
        CategoryPayOptions.defaults());
  }

  private static Row cell(String category, String period) {
    return mart.filter(r -> category.equals(r.getAs("category"))
        && period.equals(r.getAs("period"))).rows().get(0);
  }

  @Test
  void columnsAreAsDocumented() {
    assertEquals(List.of("category", "period_type", "period", "scheme_id", "scheme_name",
        "is_current_scheme", "agents", "agent_months", "mixed_agents", "pay_mean", "pay_p10",
        "pay_p25", "pay_median", "pay_p75", "pay_p90", "paid_orders", "pay_per_paid_order",
        "inquiry_buyers", "inquiry_paid_buyers", "conversion", "sold_units", "return_count",
        "return_rate", "suppressed", "suppression_note"),
        Arrays.asList(mart.schema().fieldNames()));
  }

  @Test
  void agentsGoToTheCategoryOfMostOfTheirSalesAndHalfSplitsAreMixed() {
    Row a = cell("A", "2024-03..2024-04");
    assertEquals(5L, (long) a.getAs("agents"));
    assertEquals(10L, (long) a.getAs("agent_months"));
    assertEquals(1L, (long) a.getAs("mixed_agents"));
    assertEquals(0, new BigDecimal("3000").compareTo(a.getAs("pay_median")));
    assertEquals(0, new BigDecimal("3000").compareTo(a.getAs("pay_mean")));
    assertEquals(0, new BigDecimal("1000").compareTo(a.getAs("pay_p10")));
    assertEquals(0, new BigDecimal("300").compareTo(a.getAs("pay_per_paid_order")));
    assertEquals(0.4, (double) a.getAs("conversion"), 1e-12);
    assertEquals(0.01, (double) a.getAs("return_rate"), 1e-12);
    assertFalse((boolean) a.getAs("suppressed"));
    assertNull(a.getAs("suppression_note"));
    assertEquals(5L, (long) cell("A", "2024-03").getAs("agents"));
    CategoryPay.Assignment a4 = CategoryPay.assignments(payroll, sales,
        CategoryPayOptions.defaults()).get("s\u0000a4");
    assertEquals("A", a4.mainCategory());
    assertEquals(0.5, a4.mainCategoryShare(), 1e-12);
    assertTrue(a4.isMixed());
  }

  @Test
  void aCellBelowKCarriesNoPayNumbers() {
    Row b = cell("B", "2024-03..2024-04");
    assertEquals(2L, (long) b.getAs("agents"));
    assertTrue((boolean) b.getAs("suppressed"));
    for (String c : CategoryPay.PAY_COLUMNS) {
      assertNull(b.getAs(c), c);
    }
    assertTrue(((String) b.getAs("suppression_note")).startsWith("fewer than 5 agents (2)"),
        (String) b.getAs("suppression_note"));
    assertEquals(40L, (long) b.getAs("paid_orders"));
  }
}
