package kefu.seasonal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kefu.calendar.PromotionCalendar;
import kefu.calendar.PromotionEvent;
import kefu.facts.SeasonalFacts;
import kefu.table.LocalTable;
import kefu.testing.Local;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The daily series from tiny derived tables, then the effects mart built on it. */
class SeasonalSeriesTest {
  static SparkSession spark;
  static LocalTable daily;
  static Map<String, Row> byKey = new HashMap<>();

  @BeforeAll
  static void build() {
    spark = SparkTestSession.get();
    Dataset<Row> orders = spark.sql("SELECT order_id, line_id, 's' AS shop_id, category, "
        + "quantity, CAST(amount_paid AS DECIMAL(14,2)) AS amount_paid, "
        + "CAST(created_date AS DATE) AS created_date, CAST(paid_date AS DATE) AS paid_date, "
        + "credited_agent_id FROM VALUES "
        + "('o1', 1, 'A', 2, 100, '2024-03-01', '2024-03-01', 'ag1'),"
        + "('o1', 2, 'B', 1, 50, '2024-03-01', '2024-03-01', 'ag1'),"
        + "('o2', 1, 'A', 1, 30, '2024-03-01', NULL, NULL),"
        + "('o3', 1, 'A', 3, 90, '2024-03-02', '2024-03-02', 'ag1') "
        + "AS t(order_id, line_id, category, quantity, amount_paid, created_date, paid_date, "
        + "credited_agent_id)");
    Dataset<Row> refunds = spark.sql("SELECT refund_id, category, "
        + "CAST(refunded_units AS BIGINT) AS refunded_units, is_return, "
        + "CAST(completed_date AS DATE) AS completed_date, CAST(sale_date AS DATE) AS sale_date "
        + "FROM VALUES ('r1', 'A', 1, true, '2024-03-05', '2024-03-01'),"
        + "('r2', 'A', 2, false, '2024-03-02', '2024-03-02') "
        + "AS t(refund_id, category, refunded_units, is_return, completed_date, sale_date)");
    Dataset<Row> inquiries = spark.sql("SELECT shop_id, agent_id, buyer_key, "
        + "CAST(inquiry_date AS DATE) AS inquiry_date, paid, category FROM VALUES "
        + "('s', 'ag1', 'b1', '2024-03-01', true, 'A'),"
        + "('s', 'ag2', 'b1', '2024-03-01', false, 'A'),"
        + "('s', 'ag1', 'b2', '2024-03-01', false, CAST(NULL AS STRING)) "
        + "AS t(shop_id, agent_id, buyer_key, inquiry_date, paid, category)");
    Dataset<Row> receptions = spark.sql("SELECT 's' AS shop_id, agent_id, "
        + "CAST(started_at AS TIMESTAMP) AS started_at, "
        + "CAST(CAST(started_at AS TIMESTAMP) AS DATE) AS reception_date, "
        + "CAST(first_response_seconds AS BIGINT) AS first_response_seconds, is_replied FROM VALUES "
        + "('ag1', '2024-03-01 10:05:00', 30, true),"
        + "('ag1', '2024-03-01 10:30:00', 10, true),"
        + "('ag2', '2024-03-01 10:40:00', NULL, false),"
        + "('ag1', '2024-03-01 14:00:00', 20, true) "
        + "AS t(agent_id, started_at, first_response_seconds, is_replied)");
    Dataset<Row> payroll = spark.sql("SELECT 's' AS shop_id, agent_id, month, scheme_id, "
        + "main_category, CAST(net_pay AS DECIMAL(14,2)) AS net_pay FROM VALUES "
        + "('ag1', '2024-03', 'S1', 'A', 300), ('ag1', '2024-03', 'S2', 'A', 600) "
        + "AS t(agent_id, month, scheme_id, main_category, net_pay)");
    Dataset<Row> agentDaily = spark.sql("SELECT 's' AS shop_id, agent_id, "
        + "CAST(business_date AS DATE) AS business_date, CAST(receptions AS BIGINT) AS receptions, "
        + "CAST(paid_orders AS BIGINT) AS paid_orders FROM VALUES "
        + "('ag1', '2024-03-01', 3, 1), ('ag1', '2024-03-02', 0, 0), ('ag1', '2024-03-05', 1, 0) "
        + "AS t(agent_id, business_date, receptions, paid_orders)");
    daily = SeasonalSeries.daily(Local.table(SeasonalFacts.daily(orders, refunds, inquiries,
        receptions)), Local.table(payroll), Local.table(agentDaily));
    for (Row r : daily.rows()) {
      byKey.put(r.getAs("business_date").toString() + "/" + r.getAs("category"), r);
    }
  }

  private static long n(String key, String column) {
    return ((Number) byKey.get(key).getAs(column)).longValue();
  }

  @Test
  void ordersAndSalesByTheirOwnDates() {
    assertEquals(2, n("2024-03-01/ALL", "orders"));
    assertEquals(1, n("2024-03-01/ALL", "paid_orders"));
    assertEquals(new BigDecimal("150.00"), byKey.get("2024-03-01/ALL").getAs("paid_amount"));
    assertEquals(3, n("2024-03-01/ALL", "sold_units"));
    assertEquals(2, n("2024-03-01/A", "orders"));
    assertEquals(1, n("2024-03-01/B", "paid_orders"));
    assertEquals(3, n("2024-03-02/A", "sold_units"));
  }

  @Test
  void refundsCountBySaleDateAndByCompletedDate() {
    assertEquals(1, n("2024-03-01/A", "refunded_units_by_sale"));
    assertEquals(1, n("2024-03-01/ALL", "returned_units_by_sale"));
    assertEquals(2, n("2024-03-02/ALL", "refunded_units_by_sale"));
    assertEquals(0, n("2024-03-02/ALL", "returned_units_by_sale"));
    assertEquals(1, n("2024-03-05/ALL", "refunds_completed"));
    assertEquals(1, n("2024-03-05/ALL", "returns_completed"));
    assertEquals(0, n("2024-03-01/ALL", "refunds_completed"));
  }

  @Test
  void inquiriesCountDistinctBuyersAndChatIsAllOnly() {
    assertEquals(2, n("2024-03-01/ALL", "inquiry_buyers"));
    assertEquals(1, n("2024-03-01/ALL", "inquiry_paid_buyers"));
    assertEquals(1, n("2024-03-01/A", "inquiry_buyers"));
    assertEquals(1, n("2024-03-01/unknown", "inquiry_buyers"));
    assertEquals(4, n("2024-03-01/ALL", "receptions"));
    assertEquals(3, n("2024-03-01/ALL", "replied_receptions"));
    assertEquals(60, n("2024-03-01/ALL", "first_response_seconds_sum"));
    assertEquals(3, n("2024-03-01/ALL", "first_response_count"));
    // hour 10: 3 receptions by 2 agents beats hour 14: 1 by 1
    assertEquals(1.5, (Double) byKey.get("2024-03-01/ALL").getAs("peak_receptions_per_agent"));
    assertNull(byKey.get("2024-03-01/A").getAs("receptions"));
  }

  @Test
  void payIsSpreadOverTheAgentsActiveDaysPerScheme() {
    assertTrue(Arrays.asList(daily.schema().fieldNames()).containsAll(List.of("pay_net__S1",
        "pay_agent_days__S1", "pay_net__S2", "pay_agent_days__S2")));
    assertEquals(0, new BigDecimal("150").compareTo(byKey.get("2024-03-01/A")
        .getAs("pay_net__S1")));
    assertEquals(0, new BigDecimal("300").compareTo(byKey.get("2024-03-05/ALL")
        .getAs("pay_net__S2")));
    assertEquals(1, n("2024-03-05/ALL", "pay_agent_days__S2"));
    assertEquals(0, n("2024-03-02/ALL", "pay_agent_days__S1"));
  }

  @Test
  void theEffectsMartHasTheDocumentedColumns() {
    PromotionCalendar calendar = new PromotionCalendar(List.of(new PromotionEvent("E", "day",
        LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1))));
    LocalTable effects = SeasonalEffects.build(daily, calendar, new SeasonalOptions(4, 50, 1L));
    assertEquals(List.of("event", "phase", "year", "category", "metric", "window_start",
        "window_end", "event_days", "event_numerator", "event_denominator", "event_level",
        "baseline_days", "baseline_numerator", "baseline_denominator", "baseline_level",
        "uplift_ratio", "uplift_diff", "uplift_ci_low", "uplift_ci_high", "prev_year_level",
        "yoy_change"), Arrays.asList(effects.schema().fieldNames()));
    Row orders = effects.filter(r -> "day".equals(r.getAs("phase"))
        && "ALL".equals(r.getAs("category")) && "orders".equals(r.getAs("metric"))).rows()
        .get(0);
    assertEquals(2.0, orders.getDouble(10));
    // agent pay per scheme is a metric; chat metrics only for ALL
    assertFalse(effects.filter(r -> "agent_pay:S2".equals(r.getAs("metric"))).isEmpty());
    assertTrue(effects.filter(r -> "receptions".equals(r.getAs("metric"))
        && !"ALL".equals(r.getAs("category"))).isEmpty());
    assertEquals(5, SeasonalProfile.build(daily).schema().size());
  }
}
