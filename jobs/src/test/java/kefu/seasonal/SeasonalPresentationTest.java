package kefu.seasonal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import kefu.present.SeasonalPresentation;
import kefu.report.Labels;
import kefu.report.ReportTable;
import kefu.testing.SparkTestSession;
import kefu.table.LocalTable;
import kefu.testing.Local;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The seasonal sheets and charts from tiny marts, in both languages. */
class SeasonalPresentationTest {

  static SeasonalPresentation present(Labels labels) {
    return present(labels, 10);
  }

  /** {@code inquiries} inquiring buyers a day (0: orders only, no chat logs). */
  static SeasonalPresentation present(Labels labels, int inquiries) {
    SparkSession spark = SparkTestSession.get();
    List<Row> effectRows = SeasonalEffects.rows(SeasonalEffectsTest.series(false),
        SeasonalEffectsTest.CALENDAR, SeasonalEffectsTest.OPTIONS).stream()
        .map(SeasonalEffects.Effect::toRow).toList();
    LocalTable effects = new LocalTable(SeasonalEffects.SCHEMA, effectRows);
    LocalTable pay = Local.table(spark.sql("SELECT category, 'period' AS period_type, "
        + "'2024-03..2024-04' AS period, 'S1' AS scheme_id, 'Scheme 1' AS scheme_name, "
        + "true AS is_current_scheme, CAST(agents AS BIGINT) AS agents, "
        + "CAST(agents * 2 AS BIGINT) AS agent_months, CAST(0 AS BIGINT) AS mixed_agents, "
        + "CAST(p AS DECIMAL(14,2)) AS pay_mean, CAST(p * 0.6 AS DECIMAL(14,2)) AS pay_p10, "
        + "CAST(p * 0.8 AS DECIMAL(14,2)) AS pay_p25, CAST(p AS DECIMAL(14,2)) AS pay_median, "
        + "CAST(p * 1.2 AS DECIMAL(14,2)) AS pay_p75, CAST(p * 1.4 AS DECIMAL(14,2)) AS pay_p90, "
        + "CAST(100 AS BIGINT) AS paid_orders, CAST(p / 10 AS DECIMAL(14,2)) "
        + "AS pay_per_paid_order, 0.4D AS conversion, 0.01D AS return_rate, "
        + "agents < 5 AS suppressed FROM VALUES ('A', 6, 5000), ('B', 2, NULL) "
        + "AS t(category, agents, p)").unionByName(spark.sql("SELECT 'unknown' AS category, "
        + "'period' AS period_type, '2024-03..2024-04' AS period, 'S1' AS scheme_id, "
        + "'Scheme 1' AS scheme_name, true AS is_current_scheme, 3L AS agents, "
        + "6L AS agent_months, 0L AS mixed_agents, CAST(NULL AS DECIMAL(14,2)) AS pay_mean, "
        + "CAST(NULL AS DECIMAL(14,2)) AS pay_p10, CAST(NULL AS DECIMAL(14,2)) AS pay_p25, "
        + "CAST(NULL AS DECIMAL(14,2)) AS pay_median, CAST(NULL AS DECIMAL(14,2)) AS pay_p75, "
        + "CAST(NULL AS DECIMAL(14,2)) AS pay_p90, 0L AS paid_orders, "
        + "CAST(NULL AS DECIMAL(14,2)) AS pay_per_paid_order, 0.02D AS conversion, "
        + "CAST(NULL AS DOUBLE) AS return_rate, true AS suppressed")));
    LocalTable daily = Local.table(spark.sql("SELECT CAST(d AS DATE) AS business_date, 'ALL' AS category, "
        + "CAST(o AS BIGINT) AS orders, CAST(" + inquiries + " AS BIGINT) AS inquiry_buyers, "
        + "CAST(" + Math.min(4, inquiries) + " AS BIGINT) AS inquiry_paid_buyers "
        + "FROM VALUES ('2024-03-10', 10), "
        + "('2024-03-11', 30), ('2024-03-12', 30), ('2024-03-13', 10) AS t(d, o)"));
    return SeasonalPresentation.of(labels, effects, pay, daily, SeasonalEffectsTest.CALENDAR);
  }

  @Test
  void sheetsAndChartsInChinese() {
    SeasonalPresentation p = present(Labels.chinese());
    assertEquals(List.of("季节效应", "类目薪酬"),
        p.tables().stream().map(ReportTable::sheetName).toList());
    ReportTable seasonal = p.tables().get(0);
    // E 2023 main + all, E 2024 main + all, F 2024 day + all
    assertEquals(6, seasonal.rows().size());
    List<Object> e2024 = seasonal.rows().stream()
        .filter(r -> r.get(0).equals("E") && r.get(2).equals("2024") && r.get(1).equals("正式活动"))
        .findFirst().orElseThrow();
    assertEquals(30.0, e2024.get(7));
    assertEquals(10.0, e2024.get(8));
    assertEquals(3.0, (Double) e2024.get(9), 1e-12);
    assertEquals(1.0, (Double) e2024.get(12), 1e-12);
    assertEquals(7 + 6 * SeasonalPresentation.HEADLINE.size(), seasonal.columns().size());
    assertEquals(1, p.charts().size());
    assertEquals(List.of("E 2023", "E 2024", "F 2024"), p.charts().get(0).categories());
    // pay box plot leaves the suppressed category out
    assertEquals(List.of("A"), p.boxPlots().get(0).categories());
    assertEquals("各类目客服月薪分布（当前方案 S1 Scheme 1）", p.boxPlots().get(0).title());
    ReportTable pay = p.tables().get(1);
    assertEquals("仅 2 名客服，人数过少，不显示薪酬", pay.rows().get(1).get(pay.columns().size() - 1));
    // agents without credited sales: not 未知类目
    assertEquals("无成交（无主营类目）", pay.rows().get(2).get(0));
    assertNull(pay.rows().get(1).get(9));
    assertNotNull(p.timeSeries());
    assertEquals(4, p.timeSeries().days().size());
    assertEquals(0.4, p.timeSeries().rightSeries().values().iterator().next().get(0));
    assertEquals("E", p.timeSeries().windows().get(0).label());
    assertEquals(LocalDate.of(2024, 3, 11), p.timeSeries().windows().get(0).start());
  }

  /** Without chat logs the daily chart plots orders only, and its title does not promise more. */
  @Test
  void withoutInquiriesTheDailyChartIsTitledOrdersOnly() {
    assertEquals("每日订单数与询单转化率（阴影为活动期）",
        present(Labels.chinese()).timeSeries().title());
    assertEquals("每日订单数（阴影为活动期）", present(Labels.chinese(), 0).timeSeries().title());
    assertEquals("Daily orders (events shaded)",
        present(Labels.of("en"), 0).timeSeries().title());
  }

  @Test
  void everyLabelExistsInEnglishToo() {
    SeasonalPresentation p = present(Labels.of("en"));
    assertEquals(List.of("Seasonal", "Category pay"),
        p.tables().stream().map(ReportTable::sheetName).toList());
    for (SeasonalMetric m : SeasonalMetric.catalogue(new String[] {"pay_net__S1"})) {
      assertTrue(!SeasonalPresentation.metricLabel(Labels.of("en"), m.name()).isEmpty());
      assertTrue(!SeasonalPresentation.metricLabel(Labels.chinese(), m.name()).isEmpty());
    }
    assertEquals(Labels.chinese().keys(), Labels.of("en").keys());
  }
}
