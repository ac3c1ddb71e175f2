package kefu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 千牛 chat records saved as text, written by hand in each shape (space and no-space headers, the
 * older two-line header, a transfer, a recall, status and system lines, GBK, CRLF): the exact
 * canonical rows, rejects and counted lines, worked out by hand from the fixtures.
 */
class QianniuTextTest {
  private static final Path DIR = Paths.get("src/test/resources/qianniu").toAbsolutePath();
  private static final String SHOP = "暖暖家居旗舰店";
  private static final Pseudonymizer PSEUDONYMS = new Pseudonymizer(IngestFixtures.KEY);

  @TempDir Path out;

  @Test
  void everyHeaderIsAMessageOrARejectAndEveryOtherLineIsCounted() {
    IngestedTables t = Ingest.run(SparkTestSession.get(),
        new InputPaths(null, null, null, List.of(DIR.toString()),
            List.of(DIR.resolveSibling("qianniu-roster/agents.csv").toString())),
        new IngestOptions("Asia/Shanghai", IngestFixtures.KEY, null, null, false, true),
        out.resolve("canonical").toString(), out.resolve("rejects").toString());

    List<String> rows = new ArrayList<>();
    for (Row r : t.chats().orderBy("source_file", "source_line").collectAsList()) {
      rows.add(String.join(" | ", name(r.getAs("source_file")) + ":" + r.getAs("source_line"),
          r.getAs("shop_id"), r.getAs("buyer_key"), String.valueOf((Object) r.getAs("agent_id")),
          r.getAs("sender"), ((java.sql.Timestamp) r.getAs("sent_at")).toInstant().toString(),
          String.valueOf((Object) r.getAs("text"))));
    }
    String lucky = PSEUDONYMS.pseudonym("tb_lucky88");
    String jiajia = PSEUDONYMS.pseudonym("jiajia_2020");
    assertEquals(List.of(
        // Asia/Shanghai is UTC+8: 9:05:11 local is 01:05:11Z. The URL is not part of the text.
        row("record-a.txt:2", SHOP, lucky, null, "buyer", "2025-10-03T01:05:11Z",
            "在吗？这款沙发有现货吗"),
        row("record-a.txt:5", SHOP, lucky, null, "bot", "2025-10-03T01:05:13Z",
            "您好，欢迎光临，请问有什么可以帮您？"),
        // nickname joined to the time; two text lines until the status line
        row("record-a.txt:7", SHOP, lucky, SHOP + ":小美", "agent", "2025-10-03T01:06:40Z",
            "亲，在的呢，有现货\n48小时内发货"),
        // the product card's title and price lines are system lines, not the buyer's words
        row("record-a.txt:11", SHOP, lucky, null, "buyer", "2025-10-03T01:07:02Z", "好的"),
        row("record-a.txt:18", SHOP, lucky, SHOP + ":阿杰", "agent", "2025-10-03T01:08:30Z",
            "亲，我是售后阿杰，请问还有什么问题"),
        row("record-a.txt:25", SHOP, lucky, null, "buyer", "2025-10-03T01:10:05Z", "那我下单了"),
        // the older window (GBK, CRLF): 小美 is an agent by the roster, and her opening message
        // belongs to the file's first buyer, who writes after it
        row("record-b-gbk.txt:1", SHOP, jiajia, "小美", "agent", "2025-10-04T06:00:00Z",
            "亲，您的快递已经到驿站了"),
        row("record-b-gbk.txt:5", SHOP, jiajia, null, "buyer", "2025-10-04T06:02:10Z",
            "收到，谢谢"),
        row("record-b-gbk.txt:8", SHOP, jiajia, "小美", "agent", "2025-10-04T06:02:30Z",
            "不客气亲")), rows);

    List<String> rejects = new ArrayList<>();
    for (Row r : t.rejects().orderBy("source_file", "source_line").collectAsList()) {
      rejects.add(name(r.getAs("source_file")) + ":" + r.getAs("source_line") + " "
          + r.getAs("column") + "=" + r.getAs("raw_value") + ": " + r.getAs("reason"));
    }
    assertEquals(List.of(
        "record-a.txt:22 time=2025-10-3 25:61:00: impossible date or time",
        "record-c-crlf.txt:1 nickname=" + SHOP + ":阿杰: message without buyer",
        "record-c-crlf.txt:3 nickname=" + SHOP + ":阿杰: message without buyer"), rejects);

    Map<String, FileReconciliation> files = new TreeMap<>();
    t.files().stream().filter(f -> f.table().equals("chats"))
        .forEach(f -> files.put(name(f.file()), f));
    assertEquals(Set.of("record-a.txt", "record-b-gbk.txt", "record-c-crlf.txt"), files.keySet());
    FileReconciliation fa = files.get("record-a.txt");
    assertEquals(List.of(7L, 6L, 1L), List.of(fa.rowsRead(), fa.rowsAccepted(), fa.rowsRejected()));
    assertEquals(Map.of("qianniu_recalls", 1L, "qianniu_status_lines", 2L,
        "qianniu_stray_text_lines", 1L, "qianniu_system_lines", 5L, "qianniu_transfers", 1L),
        fa.linesSkipped());
    assertEquals("qianniu_text/txt", fa.format());
    assertEquals("UTF-8", fa.encoding());
    FileReconciliation fb = files.get("record-b-gbk.txt");
    assertEquals(List.of(3L, 3L, 0L), List.of(fb.rowsRead(), fb.rowsAccepted(), fb.rowsRejected()));
    assertEquals(Map.of("qianniu_status_lines", 1L), fb.linesSkipped());
    assertEquals("GB18030", fb.encoding());
    FileReconciliation fc = files.get("record-c-crlf.txt");
    assertEquals(List.of(2L, 0L, 2L), List.of(fc.rowsRead(), fc.rowsAccepted(), fc.rowsRejected()));
    assertEquals(Map.of("qianniu_status_lines", 1L), fc.linesSkipped());
  }

  @Test
  void linesAreClassifiedByShape() {
    assertEquals(new QianniuLine(QianniuLine.Kind.HEADER, "小美", "2025-10-3 9:05:11", null),
        QianniuLine.classify("小美2025-10-3 9:05:11"));
    // digits ending the nickname stay in it: only the four digits before '-' are the year
    assertEquals("tb12345678", QianniuLine.classify("tb123456782025-10-3 9:05:11").nick());
    assertEquals(new QianniuLine(QianniuLine.Kind.TRANSFER, "甲", "2025-10-3 9:08:00", "乙"),
        QianniuLine.classify("甲 --> 乙 2025-10-3 9:08:00"));
    assertEquals(QianniuLine.Kind.TIME_ONLY, QianniuLine.classify("2025-10-03 09:08:00\r").kind());
    assertEquals(QianniuLine.Kind.RECALL, QianniuLine.classify("tb_x 撤回了一条消息").kind());
    assertEquals(new QianniuLine(QianniuLine.Kind.RECALL, "tb_x", null, null),
        QianniuLine.classify("tb_x 撤回了一条消息 2025-10-3 9:07:30"));
    assertEquals(QianniuLine.Kind.SYSTEM, QianniuLine.classify("￥59.90").kind());
    assertEquals(QianniuLine.Kind.SYSTEM, QianniuLine.classify("原因：【离线留言自动分配】").kind());
    assertEquals(QianniuLine.Kind.TEXT, QianniuLine.classify("发货时间是几点").kind());
    assertTrue(QianniuLine.startsRecord(List.of("", "当前用户来自 手机淘宝", "tb 2025-1-2 3:04:05")));
    assertTrue(QianniuLine.startsRecord(List.of("小美", "2025-10-4 14:00:00")));
    assertFalse(QianniuLine.startsRecord(
        List.of("店铺名称,买家昵称,客服昵称,发送方,发送时间,消息内容", "店,tb,,买家,2025-10-04 14:00:00,在吗")));
  }

  @Test
  void rolesFollowSubAccountRosterTransfersAndBotNames() {
    QianniuRoles roles = new QianniuRoles(new java.util.HashMap<>(Map.of("小美", SHOP)),
        Set.of("阿杰"));
    assertEquals(new QianniuRoles.Role("agent", SHOP + ":小红", SHOP), roles.of(SHOP + ":小红"));
    assertEquals(new QianniuRoles.Role("agent", "小美", SHOP), roles.of("小美"));
    assertEquals(new QianniuRoles.Role("agent", "阿杰", null), roles.of("阿杰"));
    assertEquals(new QianniuRoles.Role("bot", null, SHOP), roles.of(SHOP + ":机器人"));
    assertEquals(new QianniuRoles.Role("bot", null, null), roles.of("服务助手"));
    assertEquals(new QianniuRoles.Role("buyer", null, null), roles.of("tb_lucky88"));
    assertEquals(new QianniuRoles.Role("buyer", null, null), roles.of(":开头的昵称"));
  }

  private static String row(String at, String shop, String buyer, String agent, String sender,
      String sentAt, String text) {
    return String.join(" | ", at, shop, buyer, String.valueOf(agent), sender,
        Instant.parse(sentAt).toString(), text);
  }

  private static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
