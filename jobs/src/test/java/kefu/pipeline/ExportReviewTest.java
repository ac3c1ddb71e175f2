package kefu.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kefu.derive.DeriveRules;
import kefu.ingest.InputPaths;
import kefu.testing.ParquetTables;
import kefu.testing.SparkTestSession;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end without chats: a 赤兔 售前明细 export, its shop's 分时接待 and a small order export
 * give the agents' figures, pay, seasonal sums and staffing the fixtures say, worked out by hand:
 * 小美 2025-10-01 (接待 40, 询单 20, 付款 10, 销售额 1,000, 回复率 97.5%, 平均响应 12.5 s,
 * 平均接待 300 s) and 2025-10-02 (50, 25, 12, 1,300, 98%, 15 s, 360 s); 阿杰 2025-10-01 (30, 10,
 * 5, 600, 100%, 20 s, 240 s) and 2025-10-02 (20, 8, 3, 300, 95%, 18 s, 180 s).
 */
class ExportReviewTest {
  static final Path EXPORTS = Paths.get("src/test/resources/agent-exports").toAbsolutePath();
  static final Path ORDERS = Paths.get("src/test/resources/agent-exports-review/订单报表.csv")
      .toAbsolutePath();
  static final String SHOP = "暖暖家居旗舰店";
  static final double EPS = 1e-9;

  @TempDir Path tmp;

  @Test
  void aReviewFromThePresalesExportGivesTheFiguresTheFixtureSays() throws Exception {
    SparkSession spark = SparkTestSession.get();
    Path out = tmp.resolve("review");
    Path config = SampleRun.copyCommittedConfig(tmp.resolve("config"));
    new ReviewRun(new ReviewSettings(new InputPaths(List.of(ORDERS.toString()), List.of(),
        List.of(), List.of(), List.of(), List.of(EXPORTS.resolve("赤兔售前明细.csv").toString(),
            EXPORTS.resolve("分时接待.csv").toString())),
        config.toString(), "2025-10", out.toString(), SHOP, "Asia/Shanghai",
        DeriveRules.defaults(), false, false, true, "test-exports", "zh", null),
        new StageLog(System.err, true)).execute(spark);
    try (ParquetTables tables = new ParquetTables()) {
      // the exports' figures per agent and period, rates weighted by 接待人数
      Map<String, Row> metrics = byAgent(tables, out, "agent_export_metrics");
      Row mei = metrics.get(SHOP + ":小美");
      assertEquals(2L, (long) mei.getAs("agent_days"));
      assertEquals(90L, (long) mei.getAs("received_buyers"));
      assertEquals(45L, (long) mei.getAs("inquiry_buyers"));
      assertEquals(22L, (long) mei.getAs("paid_buyers"));
      assertEquals(22.0 / 45, mei.<Double>getAs("inquiry_conversion"), EPS);
      assertEquals(18.0 / 45, mei.<Double>getAs("next_day_conversion"), EPS);
      assertEquals(0, new BigDecimal("2300.00").compareTo(mei.getAs("sales")));
      assertEquals((0.975 * 40 + 0.98 * 50) / 90, mei.<Double>getAs("reply_rate"), EPS);
      assertEquals((12.5 * 40 + 15 * 50) / 90, mei.<Double>getAs("avg_response_seconds"), EPS);
      assertEquals((8.0 * 40 + 6 * 50) / 90, mei.<Double>getAs("first_response_seconds"), EPS);
      assertEquals((1.5 * 40 + 1.4 * 50) / 90, mei.<Double>getAs("answer_ratio"), EPS);
      assertEquals((0.02 * 40 + 0 * 50) / 90, mei.<Double>getAs("refund_rate"), EPS);
      // no 销售人数 in 售前明细: no 客单价, not one of 0
      assertNull(mei.getAs("paying_buyers"));
      assertNull(mei.getAs("average_order_value"));
      Row jie = metrics.get(SHOP + ":阿杰");
      assertEquals(8.0 / 18, jie.<Double>getAs("inquiry_conversion"), EPS);
      // 次日付款 stated on 2025-10-01 only: 4 of that day's 10
      assertEquals(4L, (long) jie.getAs("paid_next_day_buyers"));
      assertEquals(0.4, jie.<Double>getAs("next_day_conversion"), EPS);
      // 退款率 延迟统计 and blank: unknown
      assertNull(jie.getAs("refund_rate"));

      // agent_metrics, which pay and the ranks read: the same funnel; replied = 回复率 x 接待
      Map<String, Row> agents = byAgent(tables, out, "agent_metrics");
      assertEquals(90L, (long) agents.get(SHOP + ":小美").getAs("receptions"));
      assertEquals(39L + 49L, (long) agents.get(SHOP + ":小美").getAs("replied_receptions"));
      assertEquals(22.0 / 45, agents.get(SHOP + ":小美").<Double>getAs("inquiry_conversion"),
          EPS);

      // pay under every scheme from the export's sales: S1 pays 2% of 销售额
      List<Row> payroll = tables.select(out.resolve("marts/payroll"), "month = '2025-10'");
      long schemes = payroll.stream().map(r -> r.<String>getAs("scheme_id")).distinct().count();
      assertEquals(2 * schemes, payroll.size(), "both agents under every scheme");
      Map<String, BigDecimal> commission = new HashMap<>();
      for (Row r : tables.select(out.resolve("marts/payslip_lines"),
          "scheme_id = 'S1' and component_type = 'COMMISSION'")) {
        commission.put(r.getAs("agent_id"), r.getAs("amount"));
      }
      assertEquals(0, new BigDecimal("46.00").compareTo(commission.get(SHOP + ":小美")));
      assertEquals(0, new BigDecimal("18.00").compareTo(commission.get(SHOP + ":阿杰")));
      // what needs chats (credited refunds, silent sales) is not computed: null, never 0
      Row s1 = tables.select(out.resolve("marts/payroll"),
          "scheme_id = 'S1' and agent_id = '" + SHOP + ":小美'").get(0);
      assertNull(s1.getAs("return_deduction"));
      assertNull(s1.getAs("silent_pool"));
      assertEquals(0, new BigDecimal("46.00").compareTo(s1.getAs("commission")));
      // the attribution sensitivity needs the chats: none computed
      assertEquals(0, tables.select(out.resolve("marts/attribution_sensitivity"), null).size());

      // the seasonal series' chat columns from the exports; receptions from 分时接待
      Row first = tables.select(out.resolve("marts/seasonal_daily"),
          "category = 'ALL' and business_date = DATE '2025-10-01'").get(0);
      assertEquals(30L, (long) first.getAs("inquiry_buyers"));
      assertEquals(15L, (long) first.getAs("inquiry_paid_buyers"));
      assertEquals(70L, (long) first.getAs("receptions"));
      assertEquals(39L + 30L, (long) first.getAs("replied_receptions"));

      // staffing from the 分时接待 curve and the 平均接待时长 weighted by 接待人数 per day:
      // hour 9 had 8 + 10 receptions; 2025-10-01 handles in (300x40 + 240x30)/70 s, 10-02 in
      // (360x50 + 180x20)/70 s
      Row nine = tables.select(out.resolve("marts/sourcing_demand"),
          "shop_id = '" + SHOP + "' and month = '2025-10' and hour = 9").get(0);
      assertEquals(18L, (long) nine.getAs("receptions"));
      assertEquals(2, (int) nine.getAs("days"));
      long seconds = Math.round(8 * 19200.0 / 70) + Math.round(10 * 21600.0 / 70);
      assertEquals(seconds, (long) nine.getAs("handle_seconds_sum"));
      assertEquals(seconds / 18.0, nine.<Double>getAs("aht_seconds"), EPS);
      assertTrue(tables.select(out.resolve("marts/staffing_monthly"), "shop_id = '" + SHOP + "'")
          .size() > 0);
    }

    // the workbook says where the figures came from and what needs chats, never 0
    try (InputStream in = Files.newInputStream(out.resolve("review.xlsx"));
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      String all = text(wb);
      assertTrue(all.contains("数据来源：客服导出"), "the Agents sheet names its source");
      assertTrue(all.contains("客服数据取自导出（赤兔售前明细）"), "the Summary says so");
      assertTrue(all.contains("需聊天记录"), "what needs chats says so");
      Sheet sheet = wb.getSheet("客服");
      assertTrue(text(sheet).contains("导出未提供"), "阿杰's 退款率 is not stated");

      // the payslip: S1's return deduction needs the chats, its amount says so, not 0
      Row_ deduction = rowOf(wb.getSheet("当前方案工资条"), SHOP + ":小美", "S1-3");
      assertEquals("需聊天记录", deduction.cell("金额"));
      assertEquals("需聊天记录", deduction.cell("基数"));
      assertTrue(deduction.cell("说明").startsWith("需聊天记录：客服导出没有按客服归因的退款"));
      assertEquals("1500.0", rowOf(wb.getSheet("当前方案工资条"), SHOP + ":小美", "S1-1")
          .cell("金额"));
      // the scheme comparison names what its totals leave out, and says so under them
      Row_ scheme = rowOf(wb.getSheet("薪酬方案对比"), "S1", null);
      assertEquals("需聊天记录：S1-3 退货扣款、S1-4 静默销售分成", scheme.cell("未计入的项"));
      assertTrue(text(wb.getSheet("薪酬方案对比")).contains("没有计入总薪酬"));
      assertTrue(text(wb.getSheet("类目薪酬")).contains("需聊天记录"));

      // the Summary: the exports' totals over both agents and both days, by hand
      Sheet summary = wb.getSheet("概要");
      assertEquals(140.0, number(summary, "接待人数（导出，各客服相加）"), EPS);
      assertEquals(63.0, number(summary, "询单人数（导出，各客服相加）"), EPS);
      assertEquals(30.0 / 63, number(summary, "询单转化率（导出）"), EPS);
      assertEquals(22.0, number(summary, "询单→次日付款人数（导出）"), EPS);
      // 阿杰 states no 次日付款 on 10-02: over the days stating both, 22 of 20 + 10 + 25
      assertEquals(22.0 / 55, number(summary, "询单→次日付款成功率（导出）"), EPS);
      assertEquals(3200.0, number(summary, "客服销售额（导出，各客服相加）"), EPS);
      assertEquals(3200.0 / 2900, number(summary, "客服销售额占比（导出销售额 ÷ 付款金额）"), EPS);
      assertEquals((39.0 + 30 + 49 + 19) / 140, number(summary, "回复率（导出，按接待人数加权）"),
          EPS);
      assertEquals((8.0 * 40 + 10 * 30 + 6 * 50 + 9 * 20) / 140,
          number(summary, "首次响应时间（秒，导出，按接待人数加权）"), EPS);
      assertEquals((12.5 * 40 + 20 * 30 + 15 * 50 + 18 * 20) / 140,
          number(summary, "平均响应时间（秒，导出，按接待人数加权）"), EPS);
      assertEquals((1.5 * 40 + 1.2 * 30 + 1.4 * 50 + 1.1 * 20) / 140,
          number(summary, "答问比（导出，按接待人数加权）"), EPS);
      assertEquals("导出未提供", summaryCell(summary, "买家消息数（导出）").toString());
      assertEquals("需聊天记录", summaryCell(summary, "静默销售额").toString());
      assertTrue(text(summary).contains("不是店铺去重的买家数"), "the sums over agents say so");
    }
  }

  private static Map<String, Row> byAgent(ParquetTables tables, Path out, String mart)
      throws java.sql.SQLException {
    Map<String, Row> rows = new HashMap<>();
    for (Row r : tables.select(out.resolve("marts/" + mart), "period = '2025-10'")) {
      rows.put(r.getAs("agent_id"), r);
    }
    return rows;
  }

  /** A row of a listing sheet read by its header names. */
  private record Row_(Map<String, String> cells) {
    String cell(String header) {
      return cells.get(header);
    }
  }

  /**
   * The first row of {@code sheet} holding {@code first} and {@code second} (null: any) in its
   * cells, by the header row above it (the first row whose first cell is a header).
   */
  private static Row_ rowOf(Sheet sheet, String first, String second) {
    List<String> header = null;
    for (var row : sheet) {
      List<String> cells = new java.util.ArrayList<>();
      for (int i = 0; i < row.getLastCellNum(); i++) {
        Cell c = row.getCell(i);
        cells.add(c == null ? "" : c.toString());
      }
      if (header == null && cells.size() > 2) {
        header = cells;
      } else if (header != null && cells.contains(first)
          && (second == null || cells.contains(second))) {
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < header.size() && i < cells.size(); i++) {
          byName.put(header.get(i), cells.get(i));
        }
        return new Row_(byName);
      }
    }
    throw new AssertionError("no row " + first + "/" + second + " in " + sheet.getSheetName());
  }

  /** The period's cell of a Summary figure. */
  private static Cell summaryCell(Sheet summary, String label) {
    for (var row : summary) {
      Cell c = row.getCell(0);
      if (c != null && label.equals(c.toString())) {
        return row.getCell(1);
      }
    }
    throw new AssertionError("no Summary figure " + label);
  }

  private static double number(Sheet summary, String label) {
    return summaryCell(summary, label).getNumericCellValue();
  }

  private static String text(XSSFWorkbook wb) {
    StringBuilder s = new StringBuilder();
    wb.forEach(sheet -> s.append(text(sheet)));
    return s.toString();
  }

  private static String text(Sheet sheet) {
    StringBuilder s = new StringBuilder();
    for (var row : sheet) {
      for (Cell c : row) {
        s.append(c.toString()).append('\t');
      }
      s.append('\n');
    }
    return s.toString();
  }
}
