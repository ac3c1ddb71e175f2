package kefu.pay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import java.util.PropertyResourceBundle;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The payslip notes follow the run's language; the numbers in them are the same in both. */
class PayslipNotesTest {

  /**
   * Three Shanghai full-timers active on one day of March 2024; a1 sold 60,000 apparel and
   * 40,000 beauty and had 5,000 apparel refunded; the shop had 60,000 of silent sales.
   */
  private static PayMarts march(PayslipWords words) {
    PayFixtures f = new PayFixtures().words(words);
    for (String a : List.of("a1", "a2", "a3")) {
      f.agent(a, "full_time", "上海", 1, "2023-01-01", null).day(a, "2024-03-05", 1);
    }
    f.order("a1", "apparel", "60000", "2024-03-05").order("a1", "beauty", "40000", "2024-03-06")
        .refund("a1", "apparel", "5000", "2024-03-20", true)
        .order(null, "apparel", "60000", "2024-03-07");
    return f.compute(PayConfig.defaults(), "2024-03");
  }

  private static String note(PayMarts marts, String agentId, String componentId) {
    List<Row> lines = marts.payslipLines().filter(r -> agentId.equals(r.getAs("agent_id"))
        && componentId.equals(r.getAs("component_id"))).rows();
    assertEquals(1, lines.size(), agentId + " " + componentId);
    return lines.get(0).getString(lines.get(0).fieldIndex("note"));
  }

  @Test
  void chineseNotesNameTheBasesInWordsAndKeepTheNumbers() {
    PayMarts zh = march(PayslipWords.chinese());
    assertEquals("底薪 1500 × 在职 31/31 天（种子规则001 底薪）", note(zh, "a1", "S1-1"));
    assertEquals("销售额的 2%（本人落实销售额的 2%）", note(zh, "a1", "S1-2"));
    assertEquals("扣本人本月完成的退款额的 4%（本人落实订单退款额的 4%）",
        note(zh, "a1", "S1-3"));
    assertEquals("店铺静默净销售额（扣静默退款）60000.00 的 1%，由 3 名活跃客服均分"
        + "（静默销售额的 1% 均分）", note(zh, "a1", "S1-4"));
    assertEquals("全职工资补足至最低工资 2690.00 × 31/31 天（上海，一线）",
        note(zh, "a2", "S1-min-wage"));
    assertEquals("净销售额（扣退款） × 超额累进 T_SALES_MONTHLY：(0,50000] 0.01；"
        + "(50000,150000] 0.02；>150000 0.03（费率为实际平均费率）"
        + "（按月销售额分档累进）", note(zh, "a1", "S4-4"));
    assertEquals("得分/100 × 1500（KPI_PRESALE）：询单转化率 无数据 → 0 分 × 35%；"
        + "回复率 1.0 → 100 分 × 15%；平均响应时间（秒） 无数据 → 0 分 × 15%；"
        + "服务态度 DSR 无数据 → 0 分 × 35%", note(zh, "a1", "S6-4"));
    assertEquals("整月在职且出勤 ≥ 22 天得 200（全勤奖：整月在职且出勤 ≥ 22 天）",
        note(zh, "a1", "S6-5"));
    assertEquals("服务态度 DSR 月均分 ≥ 4.8 得 300（服务态度 DSR ≥ 4.8）", note(zh, "a1", "S6-6"));
    assertEquals("净销售额（扣退款）的 4%，类目：未单列的其他类目（分类目提成）",
        note(zh, "a1", "S8-9"));
    assertEquals("销售额达到目标 80000 的 120% 时，销售额的 1%"
        + "（销售额 ≥ 月目标 80,000 的 120% 时加发销售额的 1%）", note(zh, "a1", "S9-5"));
  }

  /** The config's own notes stay as the config writes them (the defaults' are Chinese). */
  @Test
  void englishNotesAreTheConfigsNames() {
    PayMarts en = march(PayslipWords.english());
    assertEquals("base 1500 x employed 31/31 days (种子规则001 底薪)", note(en, "a1", "S1-1"));
    assertEquals("minus 4% of credited refunds completed in the month"
        + " (本人落实订单退款额的 4%)", note(en, "a1", "S1-3"));
    assertEquals("full-time pay topped up to the minimum wage 2690.00 x 31/31 days"
        + " (city 上海, tier 1)", note(en, "a2", "S1-min-wage"));
    assertEquals("score/100 x 1500 (KPI_PRESALE): inquiry_conversion n/a -> 0 x 35%;"
        + " reply_rate 1.0 -> 100 x 15%; avg_response_seconds n/a -> 0 x 15%;"
        + " dsr_service n/a -> 0 x 35%", note(en, "a1", "S6-4"));
    assertEquals("4% of sales_net in category other (分类目提成)",
        note(en, "a1", "S8-9"));
  }

  @Test
  void bothLanguagesHaveEveryPattern() throws Exception {
    assertEquals(keys("en"), keys("zh"));
  }

  private static java.util.Set<String> keys(String language) throws Exception {
    String name = "/kefu/pay/notes_" + language + ".properties";
    try (var in = PayslipNotesTest.class.getResourceAsStream(name)) {
      return new java.util.TreeSet<>(new PropertyResourceBundle(in).keySet());
    }
  }

  @Test
  void anUnknownLanguageIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> PayslipWords.of("fr"));
    assertEquals("zh", PayslipWords.of("zh").language());
    assertEquals(Locale.ENGLISH.getLanguage(), PayslipWords.of("en").language());
  }
}
