package kefu.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kefu.canonical.CanonicalSchema;
import kefu.derive.Receptions;
import kefu.marts.Period;
import kefu.present.ExportCrossCheck;
import kefu.table.LocalTable;
import kefu.table.ParquetTableWriter;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's 赤兔 售前明细 beside kefu's review of the same sample ({@link SampleRun}): for
 * every agent and day, the export states kefu's agent_daily (接待, 询单, 询单->最终下单/付款人数, 销售额,
 * and the rates and waits built from its counts), and the review's cross-check of the two, the
 * export read by the ingest beside the chats, finds every agent of 2025Q4 equal.
 */
class AgentExportsReviewTest {
  static final Charset GBK = Charset.forName("GBK");

  @TempDir Path tmp;

  @Test
  void theExportStatesKefusAgentDailyForEveryAgentAndDay() throws IOException {
    Map<String, Row> kefu = new TreeMap<>();
    for (Row r : agentDaily()) {
      long activity = r.<Long>getAs("receptions") + r.<Long>getAs("inquiry_buyers");
      if (Receptions.isPerson(r.<String>getAs("agent_id"))
          && (activity > 0 || r.<BigDecimal>getAs("sales_gross").signum() != 0)) {
        kefu.put(key(r.getAs("shop_id"), r.getAs("agent_id"), r.getAs("business_date")), r);
      }
    }
    Map<String, Map<String, String>> export = new TreeMap<>();
    presales().forEach((shop, rows) -> rows.forEach(row -> export.put(
        key(shop, row.get("客服"), Date.valueOf(row.get("日期"))), row)));
    assertTrue(kefu.size() > 300, "not vacuous: " + kefu.size());
    assertEquals(kefu.keySet(), export.keySet());
    for (Map.Entry<String, Row> e : kefu.entrySet()) {
      Row k = e.getValue();
      Map<String, String> x = export.get(e.getKey());
      String at = e.getKey();
      assertEquals(k.<Long>getAs("receptions"), Long.valueOf(x.get("接待人数")), at);
      assertEquals(k.<Long>getAs("inquiry_buyers"), Long.valueOf(x.get("询单人数")), at);
      assertEquals(k.<Long>getAs("inquiry_ordered_buyers"), Long.valueOf(x.get("询单->最终下单人数")),
          at);
      assertEquals(k.<Long>getAs("inquiry_paid_buyers"), Long.valueOf(x.get("询单->最终付款人数")),
          at);
      assertEquals(k.<BigDecimal>getAs("sales_gross"), new BigDecimal(x.get("销售额")), at);
      assertEquals(ratio(k.getAs("sales_gross"), k.getAs("paying_buyers")), x.get("客单价"), at);
      assertEquals(ratio(k.getAs("sold_units"), k.getAs("paying_buyers")), x.get("客件数"), at);
      assertEquals(percent(k.getAs("replied_receptions"), k.getAs("receptions")),
          x.get("客服回复率"), at);
      assertEquals(ratio(k.getAs("response_seconds_sum"), k.getAs("answered_buyer_messages")),
          x.get("平均响应时间"), at);
      assertEquals(ratio(k.getAs("first_response_seconds_sum"), k.getAs("first_response_count")),
          x.get("首次响应时间"), at);
    }
  }

  @Test
  void theCrossCheckOfTheSampleAndItsExportFindsEveryAgentEqual() throws IOException {
    // the review read the export (its agent_days as the ingest wrote them) beside the chats
    List<Row> agentDays = SparkTestSession.get().read()
        .parquet(SampleRun.get().out.resolve("canonical/agent_days").toString()).collectAsList();
    long presalesRows = presales().values().stream().mapToLong(List::size).sum();
    assertEquals(presalesRows, agentDays.size(), "every 售前明细 row read");

    ExportCrossCheck.Result r = ExportCrossCheck.of(agentDaily(), agentDays,
        Period.parse("2025Q4"));
    assertEquals(92, r.days(), "every day of 2025Q4 of both shops");
    assertEquals(0, r.rowsAcrossPeriodEdge());
    assertTrue(r.lines().size() >= 8, "agents: " + r.lines().size());
    for (ExportCrossCheck.Line line : r.lines()) {
      assertEquals(List.of(), line.reasons(), line.toString());
    }
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
        SampleRun.get().out.resolve("review.xlsx").toFile())) {
      assertTrue(workbook.getSheet("核对（导出 vs kefu）") != null, "the cross-check sheet");
    } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new IOException(e);
    }
  }

  private static List<Row> agentDaily() throws IOException {
    return SparkTestSession.get().read()
        .parquet(SampleRun.get().out.resolve("marts/agent_daily").toString()).collectAsList();
  }

  /** The 售前明细 rows of each shop's file, keyed by header. */
  private static Map<String, List<Map<String, String>>> presales() throws IOException {
    Map<String, List<Map<String, String>>> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(SampleRun.get().sample.resolve("chitu-presales"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String[] lines = new String(Files.readAllBytes(f), GBK).split("\r\n");
        String[] header = lines[0].split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
          String[] cells = lines[i].split(",", -1);
          Map<String, String> row = new HashMap<>();
          for (int c = 0; c < header.length; c++) {
            row.put(header[c], cells[c]);
          }
          rows.add(row);
        }
        out.put(f.getFileName().toString().replace(".csv", ""), rows);
      }
    }
    assertEquals(2, out.size(), "one file per shop");
    return out;
  }

  private static String key(String shop, String agent, Object day) {
    LocalDate d = day instanceof LocalDate l ? l : ((Date) day).toLocalDate();
    return shop + "|" + agent + "|" + d;
  }

  private static String ratio(Object numerator, Object denominator) {
    long d = ((Number) denominator).longValue();
    return d == 0 ? "" : new BigDecimal(numerator.toString())
        .divide(BigDecimal.valueOf(d), 2, RoundingMode.HALF_UP).toPlainString();
  }

  private static String percent(Object numerator, Object denominator) {
    long d = ((Number) denominator).longValue();
    return d == 0 ? "" : BigDecimal.valueOf(((Number) numerator).longValue() * 100)
        .divide(BigDecimal.valueOf(d), 2, RoundingMode.HALF_UP).toPlainString() + "%";
  }
}
