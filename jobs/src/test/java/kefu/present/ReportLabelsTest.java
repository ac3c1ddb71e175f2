package kefu.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Random;
import kefu.report.Labels;
import org.junit.jupiter.api.Test;

/** The assembler's sentences and labels in both languages (no Spark). */
class ReportLabelsTest {
  private static final Labels ZH = Labels.of("zh");
  private static final Labels EN = Labels.of("en");

  @Test
  void theSalesFindingInBothLanguages() {
    BigDecimal paid = new BigDecimal("1234567.50");
    BigDecimal before = new BigDecimal("1000000.00");
    assertEquals("本期付款金额 ¥1,234,567.50，付款订单 12,345 笔，较上期+23.5%。",
        ReviewReportAssembler.salesFinding(ZH, paid, 12_345, before));
    assertEquals("Paid amount this period ¥1,234,567.50 from 12,345 paid orders, +23.5% on the "
        + "previous period.", ReviewReportAssembler.salesFinding(EN, paid, 12_345, before));
    assertEquals("本期付款金额 ¥0.00，付款订单 0 笔，较上期-100.0%。",
        ReviewReportAssembler.salesFinding(ZH, BigDecimal.ZERO.setScale(2), 0, before));
    assertEquals("本期付款金额 ¥1,234,567.50，付款订单 12,345 笔。",
        ReviewReportAssembler.salesFinding(ZH, paid, 12_345, BigDecimal.ZERO));
  }

  /** The bundle patterns print numbers digit for digit as the String.format literals did. */
  @Test
  void numbersAreFormattedAsBeforeTheBundles() {
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      double rate = random.nextDouble() * (i % 3 == 0 ? 1 : 0.01);
      double change = (random.nextDouble() - 0.5) * 300;
      double money = Math.round(random.nextDouble() * 1e9) / 100.0 + (i % 5 == 0 ? 0.005 : 0);
      long count = random.nextLong() % 10_000_000L;
      assertEquals(String.format(Locale.ROOT, "静默销售额占付款金额的 %.1f%%（¥%,.2f）。",
          rate * 100, money), ZH.format("pipeline.finding.silent", rate * 100, money));
      assertEquals(String.format(Locale.ROOT, "，较上期%+.1f%%", change),
          ZH.format("pipeline.finding.sales.vsPrevious", change));
      assertEquals(String.format(Locale.ROOT, "询单转化率 %.1f%%（%,d / %,d 人）%s。", rate * 100,
          count, Math.abs(count), ""),
          ZH.format("pipeline.finding.conversion", rate * 100, count, Math.abs(count), ""));
    }
  }

  /** Half up, as String.format: DecimalFormat alone would round 0.25 to even ("+0.2"). */
  @Test
  void tiesRoundUp() {
    assertEquals("，较上期+0.3%", ZH.format("pipeline.finding.sales.vsPrevious", 0.25));
    assertEquals("，较上期-0.3%", ZH.format("pipeline.finding.sales.vsPrevious", -0.25));
    assertEquals("Silent sales (no agent involved) were 12.1% of the paid amount (¥0.13).",
        EN.format("pipeline.finding.silent", 12.05, 0.125));
  }

  @Test
  void thePayFindingInBothLanguages() {
    assertEquals("现行薪酬方案 S1 本期总薪酬 ¥1,234,567.89，人月中位数 ¥5,000.00；覆盖同样人月的方案中"
        + "成本最低的是 S3（¥1,000,000.00）。", ZH.format("pipeline.finding.pay", "S1",
            1234567.89, 5000.0, ZH.format("pipeline.finding.pay.cheapest", "S3", 1e6)));
    assertEquals("Current pay scheme S1: total pay this period ¥1,234,567.89, median per "
        + "agent-month ¥5,000.00.", EN.format("pipeline.finding.pay", "S1", 1234567.89, 5000.0,
            ""));
  }

  /** The 数据质量 sheet names tables and layouts in words; an unknown code stays as it is. */
  @Test
  void inputTablesAndFormatsAreWords() {
    assertEquals("订单", ReviewReportAssembler.inputTable(ZH, "orders"));
    assertEquals("客服名单", ReviewReportAssembler.inputTable(ZH, "agents"));
    assertEquals("Chat logs", ReviewReportAssembler.inputTable(EN, "chats"));
    assertEquals("订单报表（CSV）", ReviewReportAssembler.inputFormat(ZH, "order_report/csv"));
    assertEquals("宝贝报表（子订单）（CSV.GZ）",
        ReviewReportAssembler.inputFormat(ZH, "item_report/csv.gz"));
    assertEquals("DSR ratings export (XLSX)",
        ReviewReportAssembler.inputFormat(EN, "dsr_export/xlsx"));
    assertEquals("unknown/csv", ReviewReportAssembler.inputFormat(ZH, "unknown/csv"));
    assertEquals("mystery", ReviewReportAssembler.inputTable(ZH, "mystery"));
    for (String layout : java.util.List.of("kefu_orders", "item_report", "order_report",
        "kefu_refunds", "refund_export", "kefu_ratings", "dsr_export", "kefu_chats", "twcs",
        "chat_export", "qianniu_text", "agent_roster", "chitu_presales", "presales_import",
        "qianniu_workload", "qianniu_performance", "qianniu_agent", "qianniu_daily",
        "chitu_hourly")) { // every layout of kefu.ingest.SourceFormat and the 千牛 text reader
      assertFalse(ReviewReportAssembler.inputFormat(ZH, layout + "/csv").startsWith(layout),
          layout + " has a Chinese name");
    }
  }

  @Test
  void attributionRulesAreNamedInBothLanguages() {
    assertEquals("付款判定·+1天（本次）", PayReport.ruleLabel("PAYMENT", 1, true));
    assertEquals("下单判定·当日", PayReport.ruleLabel("ORDER", 0, false, ZH));
    assertEquals("Payment +1d (this run)", PayReport.ruleLabel("PAYMENT", 1, true, EN));
    assertEquals("Order same day", PayReport.ruleLabel("ORDER", 0, false, EN));
  }

  @Test
  void titlesKeepTheirPlainNumbers() {
    assertEquals("现行方案 S1 的工资条明细（最多 2000 行；完整见 marts/payslip_lines）",
        ZH.format("pipeline.title.payslips", "S1", PayReport.MAX_LISTED_ROWS));
    assertEquals("各客服薪酬变化（相对现行方案 S1，变化最大的 30 人）",
        ZH.format("pipeline.chart.payChange.title", "S1", PayReport.CHANGE_CHART_AGENTS));
    assertFalse(EN.format("pipeline.title.payChanges").contains("'"
        + "'"), "a doubled quote is one apostrophe");
    assertEquals("Each agent's pay under every scheme, against the current scheme",
        EN.format("pipeline.title.payChanges"));
  }
}
