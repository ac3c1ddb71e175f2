package kefu.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kefu.derive.DeriveRules;
import kefu.ingest.InputPaths;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end from 千牛 chat records saved as text plus a Taobao order export (issue 34): the
 * agents' funnel on 2025-10-03, worked out by hand from qianniu-review/ (times Asia/Shanghai).
 *
 * <p>record-lucky.txt, tb_lucky88 (order Q3002 created 9:15, paid 9:16, 1,299.00):
 * <ul>
 *   <li>Reception L1 9:05:11-9:09:30, buyer-started: 小美 replies 9:06:40, the transfer hands the
 *       buyer to 阿杰, who replies 9:08:30 and 9:09:30 (the bot's 9:05:13 greeting is no reply).
 *       Both agents received the buyer; no order in the 7 days before 9:05:11, so an inquiry of
 *       both, ordered and paid on the same day (paid by the next day too, 1,299.00 each).
 *       Parts: 小美 1 buyer message (9:05:11) / 1 reply; 阿杰 2 (9:07:02, 9:09:10) / 2.
 *   <li>Reception L2 15:20-15:21: nothing waited for a reply since 9:09:30 and 6 h passed, so a
 *       new reception, 小美's; the buyer created Q3002 at 9:15, so an after-sales one, not an
 *       inquiry. 1 buyer message / 1 reply.
 *   <li>Q3002's sale: the last agent who received the buyer at or before 9:16 that day or the
 *       day before is 阿杰 (9:08:30, after 小美's 9:06:40; L2 comes after the payment).
 * </ul>
 * record-jiajia-mumu.txt, one file holding two buyers:
 * <ul>
 *   <li>jiajia_2020 (Q3003 created 10-03 20:00, paid 10-05 10:00, 600.00): 14:00 and 14:01,
 *       小美's reply at 14:40, 39 min of silence; the buyer was waiting, so one reception, not
 *       two. An inquiry of 小美 (no earlier order), ordered on its day and paid, but not by the
 *       end of the next day. The payment of 10-05 has no reception on 10-04 or 10-05: silent, no
 *       sale for 小美. 3 buyer messages (14:45 went unanswered, after 小美's reply) / 1 reply.
 *   <li>mumu_77 (Q3001 created and paid 2025-09-30, 3 days before): 16:00, 阿杰 16:02. A
 *       reception of 阿杰's but not an inquiry. 1 buyer message / 1 reply.
 * </ul>
 * So on 2025-10-03: 小美 receptions 3 (L1, L2, jiajia), inquiry buyers 2, ordered 2, paid 2,
 * paid by the next day 1, sales 0; 阿杰 receptions 2 (L1, mumu), inquiry buyers 1, ordered 1,
 * paid 1, by the next day 1, sales 1,299.00. Messages: 小美 5 buyer / 3 agent, 阿杰 3 / 3.
 *
 * <p>What is not a message: record-lucky has 5 system lines (entry source, item URL, 服务助手
 * routing, product card title and price), 4 status lines, 1 recall, 1 transfer and 9 headers
 * (one is the bot's); record-jiajia-mumu 1 system line, 2 status lines and 6 headers.
 */
class QianniuReviewTest {
  static final Path DIR = Paths.get("src/test/resources/qianniu-review").toAbsolutePath();
  static final String SHOP = "暖暖家居旗舰店";
  static final String MEI = SHOP + ":小美";
  static final String JIE = SHOP + ":阿杰";

  @TempDir Path tmp;

  @Test
  void aReviewFromQianniuTextRecordsAndAnOrderExportGivesTheHandWorkedFunnel()
      throws IOException {
    SparkSession spark = SparkTestSession.get();
    Path out = tmp.resolve("review");
    Path config = SampleRun.copyCommittedConfig(tmp.resolve("config"));
    new ReviewRun(new ReviewSettings(new InputPaths(
        List.of(DIR.resolve("订单报表.csv").toString()), List.of(), List.of(),
        List.of(DIR.resolve("record-lucky.txt").toString(),
            DIR.resolve("record-jiajia-mumu.txt").toString()), List.of()),
        config.toString(), "2025-10", out.toString(), SHOP, "Asia/Shanghai",
        DeriveRules.defaults(), false, false, true, "test-qianniu", "zh", null),
        new StageLog(System.err, true)).execute(spark);

    Map<String, Row> daily = new TreeMap<>();
    List<String> seen = new ArrayList<>();
    for (Row r : spark.read().parquet(out.resolve("marts/agent_daily").toString())
        .collectAsList()) {
      seen.add(r.toString());
      daily.put(r.getAs("agent_id") + "@" + r.getAs("business_date"), r);
    }
    // the only agent-days: both agents on 2025-10-03 (the silent 10-05 payment makes none)
    assertEquals(java.util.Set.of(JIE + "@2025-10-03", MEI + "@2025-10-03"), daily.keySet(),
        String.join("\n", seen));

    Row mei = daily.get(MEI + "@2025-10-03");
    // waits: 89 s (L1), 60 s (L2), 2,400 s and 2,340 s (jiajia; 14:45 unanswered)
    assertEquals(List.of(3L, 3L, 2L, 2L, 2L, 1L, 5L, 4L, 89L + 60 + 2400 + 2340, 3L),
        counts(mei));
    assertEquals(0, new BigDecimal("1899.00").compareTo(mei.getAs("inquiry_paid_amount")));
    assertMoney("0.00", mei.getAs("sales_gross"));
    Row jie = daily.get(JIE + "@2025-10-03");
    // waits: 88 s and 20 s (L1), 120 s (mumu)
    assertEquals(List.of(2L, 2L, 1L, 1L, 1L, 1L, 3L, 3L, 88L + 20 + 120, 3L), counts(jie));
    assertEquals(0, new BigDecimal("1299.00").compareTo(jie.getAs("inquiry_paid_amount")));
    assertMoney("1299.00", jie.getAs("sales_gross"));

    // the lines that are not messages were counted per file, none became a message
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    Map<String, String> chatFiles = new TreeMap<>();
    for (JsonNode f : manifest.get("inputs")) {
      if (f.get("table").asText().equals("chats")) {
        String file = f.get("file").asText();
        chatFiles.put(file.substring(file.lastIndexOf('/') + 1), f.get("rows_read").asLong()
            + " read, " + f.get("rows_accepted").asLong() + " accepted, "
            + f.get("lines_skipped").toString());
      }
    }
    assertEquals(Map.of(
        "record-lucky.txt", "9 read, 9 accepted, {\"qianniu_recalls\":1,"
            + "\"qianniu_status_lines\":4,\"qianniu_system_lines\":5,\"qianniu_transfers\":1}",
        "record-jiajia-mumu.txt", "6 read, 6 accepted, {\"qianniu_status_lines\":2,"
            + "\"qianniu_system_lines\":1}"), chatFiles);
  }

  /**
   * receptions, replied_receptions, inquiry_buyers, inquiry_ordered_buyers, inquiry_paid_buyers,
   * inquiry_paid_next_day_buyers, buyer_messages, answered_buyer_messages,
   * response_seconds_sum, agent_messages.
   */
  private static List<Long> counts(Row r) {
    List<Long> out = new ArrayList<>();
    for (String c : List.of("receptions", "replied_receptions", "inquiry_buyers",
        "inquiry_ordered_buyers", "inquiry_paid_buyers", "inquiry_paid_next_day_buyers",
        "buyer_messages", "answered_buyer_messages", "response_seconds_sum",
        "agent_messages")) {
      out.add(r.getAs(c));
    }
    return out;
  }

  /** Money equal in value (a day with no credited sale holds 0.00, not null: it has receptions). */
  private static void assertMoney(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), "was " + actual);
  }
}
