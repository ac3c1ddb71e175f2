package kefu.seasonal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Five agents sell mostly A (one of them half B), two sell B: B is below k = 5. */
class CategoryPayTest {
  static SparkSession spark;
  static Dataset<Row> mart;
  static Dataset<Row> payroll;
  static Dataset<Row> orders;

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
    payroll = spark.sql("SELECT 's' AS shop_id, agent_id, month, scheme_id, "
        + "'Scheme 1' AS scheme_name, true AS is_current_scheme, 'X' AS main_category, "
        + "CAST(net_pay AS DECIMAL(14,2)) AS net_pay, CAST(10 AS BIGINT) AS paid_orders "
        + "FROM VALUES " + pay + " AS t(agent_id, month, net_pay) "
        + "CROSS JOIN (SELECT 'S1' AS scheme_id)");
    orders = spark.sql("SELECT 's' AS shop_id, credited_agent_id, category, "
        + "CAST(amount AS DECIMAL(14,2)) AS amount_paid, DATE'2024-03-10' AS paid_date "
        + "FROM VALUES " + sales + " AS t(credited_agent_id, category, amount)");
    Dataset<Row> agentDaily = spark.sql("SELECT 's' AS shop_id, 'a1' AS agent_id, "
        + "DATE'2024-03-01' AS business_date, CAST(10 AS BIGINT) AS inquiry_buyers, "
        + "CAST(4 AS BIGINT) AS inquiry_paid_buyers, CAST(5 AS BIGINT) AS sold_units, "
        + "CAST(1 AS BIGINT) AS return_count");
    mart = CategoryPay.build(payroll, orders, agentDaily, CategoryPayOptions.defaults()).cache();
  }

  private static Row cell(String category, String period) {
    return mart.where("category = '" + category + "' AND period = '" + period + "'").first();
  }

  @Test
  void columnsAreAsDocumented() {
    assertEquals(CategoryPay.columns(), Arrays.asList(mart.columns()));
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
    Row a4 = CategoryPay.assignments(payroll, orders, CategoryPayOptions.defaults())
        .where("agent_id = 'a4'").first();
    assertEquals("A", a4.getAs("main_category"));
    assertEquals(0.5, (double) a4.getAs("main_category_share"), 1e-12);
    assertTrue((boolean) a4.getAs("is_mixed"));
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
