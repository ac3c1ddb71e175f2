package kefu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kefu.canonical.CanonicalSchema;
import kefu.testing.SparkTestSession;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 赤兔/千牛/生意参谋 per-agent exports and 分时接待, written by hand in each layout (GBK, an
 * XLSX, 汇总 and 均值 rows, 延迟统计, a bad cell, a 全天 that is not the hours' sum, a shop that
 * contradicts the agent's sub-account): the exact agent_days and reception_hours rows, rejects and
 * per-file counts, worked out by hand from the fixtures.
 */
class AgentExportsTest {
  static final Path DIR = Paths.get("src/test/resources/agent-exports").toAbsolutePath();
  private static final String S = "暖暖家居旗舰店";

  @TempDir Path out;

  @Test
  void everyLayoutMapsToAgentDaysAndEveryBadRowIsACountedReject() throws IOException {
    Path xlsx = performanceSummary(out.resolve("绩效汇总.xlsx"));
    IngestedTables t = ingest(List.of(DIR.toString(), xlsx.toString()));

    List<String> days = new ArrayList<>();
    for (Row r : t.agentDays().sorted("source_file", "source_line").rows()) {
      days.add(describe(r));
    }
    days.sort(null);
    assertEquals(List.of(
        // 人均日接入: the span from the file name; 延迟统计 and blank are null, not 0
        "人均日接入_2025-11-01至2025-11-30.csv:2 " + S + " " + S + ":小林 2025-11-01..2025-11-30"
            + " qianniu_daily received_buyers=600 reply_rate=0.991 avg_response_seconds=22.4",
        "人均日接入_2025-11-01至2025-11-30.csv:3 " + S + " " + S + ":小周 2025-11-01..2025-11-30"
            + " qianniu_daily received_buyers=480 reply_rate=0.98",
        // GBK; 平均接待时长(秒) wins over 平均接待(秒) as the handling time
        "千牛工作量.csv:2 " + S + " " + S + ":小美 2025-10-01..2025-10-01 qianniu_workload"
            + " consulted_buyers=42 received_buyers=40 buyer_messages=100 agent_messages=160"
            + " answer_ratio=1.6 reply_rate=0.975 first_response_seconds=8.0"
            + " avg_response_seconds=12.5 avg_reception_seconds=300.0 slow_response_buyers=2"
            + " transferred_out=1",
        // 售前导入 (2019): the shop from its 店铺 column, which the sub-account agrees with
        "售前导入2019.csv:2 小熊母婴专营店 小熊母婴专营店:豆豆 2019-06-18..2019-06-18 presales_import"
            + " consulted_buyers=95 received_buyers=90 sales=5680.00 answer_ratio=1.8"
            + " reply_rate=0.99 avg_response_seconds=18.0",
        // 00:00:25 is 25 seconds; ¥760.00 is 760.00
        "旺旺绩效.csv:2 " + S + " " + S + ":小林 2025-11-03..2025-11-03 qianniu_agent"
            + " received_buyers=28 sales=880.50 answer_ratio=1.3 avg_response_seconds=25.0",
        "旺旺绩效.csv:3 " + S + " " + S + ":小周 2025-11-03..2025-11-03 qianniu_agent"
            + " received_buyers=25 sales=760.00 answer_ratio=1.25 avg_response_seconds=19.0",
        // XLSX: the date cell is an Excel serial; the 汇总 row between the agents is skipped
        "绩效汇总.xlsx:2 " + S + " " + S + ":小林 2025-11-04..2025-11-04 qianniu_performance"
            + " consulted_buyers=30 received_buyers=28 inquiry_buyers=12 paying_buyers=7"
            + " sales=950.00 units=9 orders=8",
        "绩效汇总.xlsx:4 " + S + " " + S + ":小周 2025-11-04..2025-11-04 qianniu_performance"
            + " consulted_buyers=26 received_buyers=25 inquiry_buyers=10 paying_buyers=5"
            + " sales=700.00 units=6 orders=5",
        // "1,000.00" is 1000.00, 97.50% is 0.975, 00:00:08 is 8 s
        "赤兔售前明细.csv:2 " + S + " " + S + ":小美 2025-10-01..2025-10-01 chitu_presales"
            + " received_buyers=40 inquiry_buyers=20 ordered_buyers=12 paid_buyers=10"
            + " paid_next_day_buyers=8 sales=1000.00 answer_ratio=1.5 reply_rate=0.975"
            + " first_response_seconds=8.0 avg_response_seconds=12.5"
            + " avg_reception_seconds=300.0 slow_response_buyers=2 transferred_out=1"
            + " refund_rate=0.02",
        // 退款率 延迟统计: null
        "赤兔售前明细.csv:3 " + S + " " + S + ":阿杰 2025-10-01..2025-10-01 chitu_presales"
            + " received_buyers=30 inquiry_buyers=10 ordered_buyers=6 paid_buyers=5"
            + " paid_next_day_buyers=4 sales=600.00 answer_ratio=1.2 reply_rate=1.0"
            + " first_response_seconds=10.0 avg_response_seconds=20.0"
            + " avg_reception_seconds=240.0 slow_response_buyers=0 transferred_out=0",
        "赤兔售前明细.csv:4 " + S + " " + S + ":小美 2025-10-02..2025-10-02 chitu_presales"
            + " received_buyers=50 inquiry_buyers=25 ordered_buyers=15 paid_buyers=12"
            + " paid_next_day_buyers=10 sales=1300.00 answer_ratio=1.4 reply_rate=0.98"
            + " first_response_seconds=6.0 avg_response_seconds=15.0"
            + " avg_reception_seconds=360.0 slow_response_buyers=1 transferred_out=2"
            + " refund_rate=0.0",
        // blank 询单->次日付款人数 and 退款率: null
        "赤兔售前明细.csv:5 " + S + " " + S + ":阿杰 2025-10-02..2025-10-02 chitu_presales"
            + " received_buyers=20 inquiry_buyers=8 ordered_buyers=4 paid_buyers=3"
            + " sales=300.00 answer_ratio=1.1 reply_rate=0.95 first_response_seconds=9.0"
            + " avg_response_seconds=18.0 avg_reception_seconds=180.0 slow_response_buyers=0"
            + " transferred_out=1"), days);

    // 分时接待: two days of 24 hours each; the 汇总 row skipped, 2025-10-03 rejected
    Map<String, Long> byDay = new TreeMap<>();
    Map<Integer, Long> firstDay = new TreeMap<>();
    for (Row r : t.receptionHours().rows()) {
      byDay.merge(r.getAs("day").toString(), r.<Long>getAs("receptions"), Long::sum);
      if (r.getAs("day").toString().equals("2025-10-01") && r.<Long>getAs("receptions") > 0) {
        firstDay.put(r.getAs("hour"), r.getAs("receptions"));
      }
      // 分时接待 names no shop and no agent: the run's shop (--shop)
      assertEquals("测试店", r.getAs("shop_id"));
    }
    assertEquals(48, t.receptionHours().size());
    assertEquals(Map.of("2025-10-01", 70L, "2025-10-02", 70L), byDay);
    assertEquals(Map.of(9, 8L, 10, 12L, 11, 10L, 14, 10L, 15, 10L, 20, 12L, 21, 8L), firstDay);

    List<String> rejects = new ArrayList<>();
    for (Row r : t.rejects().orderBy("source_file", "source_line").collectAsList()) {
      rejects.add(name(r.getAs("source_file")) + ":" + r.getAs("source_line") + " "
          + r.getAs("table") + " " + r.getAs("column") + "=" + r.getAs("raw_value") + ": "
          + r.getAs("reason") + (r.getAs("detail") == null ? "" : " (" + r.getAs("detail") + ")"));
    }
    assertEquals(List.of(
        "分时接待.csv:4 reception_hours 全天=6: 全天 is not the sum of the hours 0-23"
            + " (hours sum to 5)",
        "千牛工作量.csv:3 agent_days 平均响应(秒)=二十: not a duration, expected seconds like"
            + " 12.5 or a time like 00:01:05",
        "售前导入2019.csv:3 agent_days 店铺=暖暖家居旗舰店: shop differs from the agent's"
            + " sub-account shop (agent 小熊母婴专营店:乐乐)"), rejects);

    // read = accepted + rejected per file; 汇总/均值 rows skipped and counted apart
    Map<String, List<Object>> files = new TreeMap<>();
    t.files().forEach(f -> files.put(name(f.file()), List.of(f.table(), f.format(),
        f.encoding(), f.rowsRead(), f.rowsAccepted(), f.rowsRejected(), f.summaryRowsSkipped())));
    assertEquals(Map.of(
        "人均日接入_2025-11-01至2025-11-30.csv",
            List.of("agent_days", "qianniu_daily/csv", "UTF-8", 2L, 2L, 0L, 2L),
        "分时接待.csv", List.of("reception_hours", "chitu_hourly/csv", "UTF-8", 3L, 2L, 1L, 1L),
        "千牛工作量.csv", List.of("agent_days", "qianniu_workload/csv", "GB18030", 2L, 1L, 1L, 1L),
        "售前导入2019.csv", List.of("agent_days", "presales_import/csv", "UTF-8", 2L, 1L, 1L, 0L),
        "旺旺绩效.csv", List.of("agent_days", "qianniu_agent/csv", "UTF-8", 2L, 2L, 0L, 0L),
        "赤兔售前明细.csv", List.of("agent_days", "chitu_presales/csv", "UTF-8", 4L, 4L, 0L, 1L),
        "绩效汇总.xlsx", List.of("agent_days", "qianniu_performance/xlsx", "xlsx", 2L, 2L, 0L, 1L)),
        files);
    assertEquals(12L, t.rows().get("agent_days"));
    assertEquals(48L, t.rows().get("reception_hours"));
    // written like the other canonical tables
    assertEquals(12L, SparkTestSession.get().read()
        .parquet(out.resolve("canonical/agent_days").toString()).count());
  }

  @Test
  void aRepeatedAgentSpanOfTheSameLayoutIsRejectedNotCountedTwice() {
    Path dir = out.resolve("in");
    IngestFixtures.write(dir, "a.csv", java.nio.charset.StandardCharsets.UTF_8,
        "日期,客服,接待人数,询单人数,询单->最终付款人数",
        "2025-10-01至2025-10-07,小美,100,50,20",
        "2025-10-03,小美,10,5,2",
        "2025-10-08,小美,12,6,3");
    IngestedTables t = ingest(List.of(dir.toString()));
    assertEquals(2, t.agentDays().size());
    Row reject = t.rejects().first();
    assertEquals(3L, (long) reject.getAs("source_line"));
    assertEquals("agent's span overlaps another row of the same export layout",
        reject.getAs("reason"));
    assertTrue(reject.<String>getAs("detail").endsWith("a.csv line 2 (2025-10-01 to 2025-10-07)"));
    // no 店铺 column and no sub-account: the run's shop (--shop)
    assertEquals("测试店", t.agentDays().rows().get(0).getAs("shop_id"));
  }

  @Test
  void aSummaryExportWithoutASpanIsRefusedBeforeTheRun() {
    Path dir = out.resolve("in");
    Path file = IngestFixtures.write(dir, "人均日接入.csv", java.nio.charset.StandardCharsets.UTF_8,
        "客服昵称,接待人数,平均响应(秒),回复率,询单->最终付款转化率,上班天数",
        "小美,100,20,99%,40%,20");
    InputError e = assertThrows(InputError.class, () -> ListedInputs.check(
        new InputPaths(null, null, null, null, null, List.of(file.toString())),
        new org.apache.hadoop.conf.Configuration()));
    assertTrue(e.getMessage().contains("YYYY-MM-DD至YYYY-MM-DD"), e.getMessage());
  }

  @Test
  void durationsRatesAndDelayedMetricsReadAsTheExportMeantThem() {
    assertEquals(65.0, Cells.seconds("00:01:05"));
    assertEquals(65.0, Cells.seconds("01:05"));
    assertEquals(3725.0, Cells.seconds("1:02:05"));
    assertEquals(12.5, Cells.seconds("12.5"));
    assertEquals(12.5, Cells.seconds("12.5秒"));
    assertThrows(BadCell.class, () -> Cells.seconds("00:61:00"));
    assertEquals(null, Cells.statedMetric("延迟统计"));
    assertEquals(null, Cells.statedMetric(" "));
    assertEquals(0.25, Cells.rate("25.00%").doubleValue());
    assertEquals(List.of(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 30)),
        AgentExportMapper.fileSpan("/x/人均日接入_2025-11-01至2025-11-30.xlsx"));
    assertEquals(null, AgentExportMapper.fileSpan("/x/人均日接入.xlsx"));
  }

  private IngestedTables ingest(List<String> exports) {
    return Ingest.run(SparkTestSession.get(),
        new InputPaths(null, null, null, null, null, exports),
        new IngestOptions("Asia/Shanghai", IngestFixtures.KEY, null, "测试店", false, false),
        out.resolve("canonical").toString(), out.resolve("rejects").toString());
  }

  /** The 绩效汇总 layout as a workbook: a real date cell, a 汇总 row between the agents. */
  static Path performanceSummary(Path xlsx) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(xlsx)) {
      Sheet sheet = wb.createSheet("绩效汇总");
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      Object[][] rows = {
          {"旺旺昵称", "日期", "咨询人数", "接待人数", "询单人数", "销售额", "销售量", "销售人数", "订单数"},
          {S + ":小林", LocalDate.of(2025, 11, 4), 30, 28, 12, 950.0, 9, 7, 8},
          {"汇总", null, 56, 53, 22, 1650.0, 15, 12, 13},
          {S + ":小周", LocalDate.of(2025, 11, 4), 26, 25, 10, 700.0, 6, 5, 5}};
      for (int i = 0; i < rows.length; i++) {
        var row = sheet.createRow(i);
        for (int c = 0; c < rows[i].length; c++) {
          Object v = rows[i][c];
          var cell = row.createCell(c);
          if (v instanceof String s) {
            cell.setCellValue(s);
          } else if (v instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
          } else if (v instanceof Number n) {
            cell.setCellValue(n.doubleValue());
          }
        }
      }
      wb.write(os);
    }
    return xlsx;
  }

  /** file:line shop agent from..to layout, then every non-null figure as name=value. */
  private static String describe(Row r) {
    StringBuilder s = new StringBuilder(name(r.getAs("source_file")) + ":"
        + r.getAs("source_line") + " " + r.getAs("shop_id") + " " + r.getAs("agent_id") + " "
        + r.getAs("day_from") + ".." + r.getAs("day_to") + " " + r.getAs("layout"));
    boolean figures = false;
    for (StructField f : CanonicalSchema.AGENT_DAYS.fields()) {
      figures |= f.name().equals("consulted_buyers");
      if (figures && !f.name().startsWith("source_") && r.getAs(f.name()) != null) {
        s.append(' ').append(f.name()).append('=').append((Object) r.getAs(f.name()));
      }
    }
    return s.toString();
  }

  private static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
