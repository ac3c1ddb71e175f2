package kefu.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kefu.calendar.PromotionCalendar;
import kefu.derive.FunnelReference;
import kefu.derive.FunnelReference.AgentDay;
import kefu.derive.FunnelReference.AgentDayKey;
import kefu.testing.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kefu generate --agent-exports} on a small history (2 shops, September 2024): the 赤兔
 * 售前明细 and 分时接待 files have the layouts of the domain brief and state, agent by agent and day
 * by day, the funnel the plain-Java reference works out from the sample's own chat and order CSV.
 */
class AgentExportFilesTest {
  static final String PRESALES_HEADER = "日期,客服,接待人数,询单人数,询单->最终付款人数,询单->最终付款成功率,"
      + "客件数,客单价,邮费总额,手工折扣率,客服回复率,平均响应时间,首次响应时间,平均接待时长,平均接待时长(秒),"
      + "静默下单本人落实付款-人数,静默下单本人落实付款-金额,销售额,客服答问比,慢响应人数,询单->最终下单人数,"
      + "下单->最终付款成功率,全静默单本人跟进-人数,询单->次日付款人数,询单->次日付款成功率,协助跟进人数,协助下单人数,"
      + "转出人数,退款率";
  static final String HOURLY_HEADER = "日期,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,"
      + "21,22,23,全天";
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @TempDir static Path temp;
  static Path sample;
  static GeneratorSummary summary;
  /** The 售前明细 rows by shop (the file name), agent and day. */
  static Map<AgentDayKey, Map<String, String>> presales;

  @BeforeAll
  static void generate() {
    sample = temp.resolve("sample");
    summary = ShopHistoryGenerator.generate(SparkTestSession.get(),
        new GeneratorOptions(sample.toString(), 600, 2, 11, LocalDate.of(2024, 9, 1),
            LocalDate.of(2024, 9, 30), "Asia/Shanghai").withAgentExports(),
        PromotionCalendar.defaults());
    presales = new TreeMap<>(KEY_ORDER);
    for (Path file : ExportFiles.csvFiles(sample.resolve("chitu-presales"))) {
      String shop = file.getFileName().toString().replace(".csv", "");
      for (Map<String, String> row : rows(file)) {
        presales.put(new AgentDayKey(shop, row.get("客服"), LocalDate.parse(row.get("日期"))), row);
      }
    }
  }

  @Test
  void oneGbkFileOfEachLayoutPerShopWithTheHeadersOfTheBrief() throws Exception {
    for (String folder : List.of("chitu-presales", "chitu-hourly")) {
      List<Path> files = ExportFiles.csvFiles(sample.resolve(folder));
      assertEquals(2, files.size(), folder);
      for (Path f : files) {
        assertFalse(ExportFiles.isUtf8(f), f + " should be GBK");
        String text = ExportFiles.decode(f, ExportFiles.GBK);
        assertTrue(text.endsWith("\r\n") && !text.replace("\r\n", "").contains("\n"),
            f + ": CRLF lines");
        assertEquals(folder.equals("chitu-presales") ? PRESALES_HEADER : HOURLY_HEADER,
            ExportFiles.lines(f).get(0));
      }
    }
  }

  /** Every agent-day of the export is the reference funnel's, and nothing else is. */
  @Test
  void theWholeTableIsTheReferenceFunnelOfTheSamplesChatsAndOrders() {
    Map<AgentDayKey, AgentDay> expected = new TreeMap<>(KEY_ORDER);
    expected.putAll(FunnelReference.funnel(messages(), orderLines(), ZONE));
    assertTrue(expected.size() > 100, "not vacuous: " + expected.size());
    assertEquals(expected.keySet(), presales.keySet());
    for (Map.Entry<AgentDayKey, AgentDay> e : expected.entrySet()) {
      Map<String, String> row = presales.get(e.getKey());
      AgentDay d = e.getValue();
      String at = e.getKey().toString();
      assertEquals(d.receptions(), count(row, "接待人数"), at);
      assertEquals(d.inquiryBuyers(), count(row, "询单人数"), at);
      assertEquals(d.orderedBuyers(), count(row, "询单->最终下单人数"), at);
      assertEquals(d.paidBuyers(), count(row, "询单->最终付款人数"), at);
      assertEquals(d.sales(), new BigDecimal(row.get("销售额")), at);
      assertEquals(d.inquiryBuyers() == 0 ? ""
          : percent(d.paidBuyers(), d.inquiryBuyers()), row.get("询单->最终付款成功率"), at);
    }
    assertEquals(summary.agentDays(), presales.size());
  }

  /**
   * Four agent-days read off the files, as a shop's analyst would see them (pinned from the
   * generated files; each equals the reference by the test above): 接待人数, 询单人数,
   * 询单->最终下单人数, 询单->最终付款人数, 询单->最终付款成功率, 询单->次日付款人数, 销售额, 转出人数.
   */
  @Test
  void namedAgentsDays() {
    assertEquals(List.of("4", "3", "2", "2", "66.67%", "2", "151.00", "0"),
        figures("悦衣坊服饰旗舰店", "悦衣坊服饰旗舰店:Amy", "2024-09-01"));
    // 小雨 handed one buyer over to another agent that day
    assertEquals(List.of("3", "2", "2", "2", "100.00%", "2", "379.50", "1"),
        figures("悦衣坊服饰旗舰店", "悦衣坊服饰旗舰店:小雨", "2024-09-13"));
    // 小鹿's inquiry paid, but the sale went to the agent who received the buyer last
    assertEquals(List.of("2", "2", "1", "1", "50.00%", "1", "0.00", "0"),
        figures("花颜美妆专营店", "花颜美妆专营店:小鹿", "2024-09-01"));
    // one of 糖糖's three ordering inquiries did not pay
    assertEquals(List.of("5", "4", "3", "2", "50.00%", "2", "870.05", "0"),
        figures("花颜美妆专营店", "花颜美妆专营店:糖糖", "2024-09-01"));
  }

  private static List<String> figures(String shop, String agent, String day) {
    Map<String, String> row = presales.get(new AgentDayKey(shop, agent, LocalDate.parse(day)));
    return List.of("接待人数", "询单人数", "询单->最终下单人数", "询单->最终付款人数", "询单->最终付款成功率",
        "询单->次日付款人数", "销售额", "转出人数").stream().map(row::get).toList();
  }

  @Test
  void theHourlyReceptionsAreTheReceptionsByTheHourTheyStarted() {
    Map<String, Map<LocalDate, long[]>> expected = new HashMap<>();
    for (FunnelReference.Reception r : FunnelReference.receptions(messages(), ZONE)) {
      LocalDateTime start = LocalDateTime.ofInstant(r.first().at(), ZONE);
      expected.computeIfAbsent(r.first().shop(), s -> new HashMap<>())
          .computeIfAbsent(start.toLocalDate(), d -> new long[24])[start.getHour()]++;
    }
    long rows = 0;
    for (Path file : ExportFiles.csvFiles(sample.resolve("chitu-hourly"))) {
      String shop = file.getFileName().toString().replace(".csv", "");
      List<Map<String, String>> days = rows(file);
      assertEquals(30, days.size(), "every day of September: " + file);
      for (Map<String, String> day : days) {
        long[] want = expected.get(shop).getOrDefault(LocalDate.parse(day.get("日期")),
            new long[24]);
        long all = 0;
        for (int h = 0; h < 24; h++) {
          assertEquals(want[h], count(day, Integer.toString(h)), shop + " " + day);
          all += want[h];
        }
        assertEquals(all, count(day, "全天"));
        rows++;
      }
    }
    assertEquals(summary.shopDays(), rows);
  }

  @Test
  void theManifestNamesTheOptionAndTheFolders() throws Exception {
    String manifest = Files.readString(sample.resolve(SampleManifest.FILE));
    assertTrue(manifest.contains("\"agentExports\": true"), manifest);
    assertTrue(manifest.contains("\"agentDays\": " + summary.agentDays()), manifest);
    assertTrue(manifest.contains("\"presalesByAgent\": \"chitu-presales/\""), manifest);
    assertTrue(manifest.contains("\"receptionsByHour\": \"chitu-hourly/\""), manifest);
  }

  /** The sample's chat CSV as the reference's messages. */
  static List<FunnelReference.Message> messages() {
    List<FunnelReference.Message> out = new ArrayList<>();
    for (Map<String, String> r : ExportFiles.rows(sample.resolve("chats"))) {
      String sender = switch (r.get("发送方")) {
        case "买家" -> "buyer";
        case "客服" -> "agent";
        default -> "bot";
      };
      out.add(new FunnelReference.Message(r.get("店铺名称"), r.get("买家昵称"),
          r.get("客服昵称").isEmpty() ? null : r.get("客服昵称"), sender, instant(r.get("发送时间"))));
    }
    return out;
  }

  /** The sample's 宝贝报表 lines with buyer and shop from their 订单报表 row, as kefu joins them. */
  static List<FunnelReference.OrderLine> orderLines() {
    Map<String, String[]> orders = new HashMap<>();
    for (Map<String, String> o : ExportFiles.rows(sample.resolve("orders"))) {
      orders.put(ExportFiles.unguard(o.get("订单编号")),
          new String[] {o.get("店铺名称"), o.get("买家会员名")});
    }
    List<FunnelReference.OrderLine> out = new ArrayList<>();
    for (Map<String, String> l : ExportFiles.rows(sample.resolve("order_lines"))) {
      String order = ExportFiles.unguard(l.get("主订单编号"));
      String[] head = orders.get(order);
      String paid = l.get("订单付款时间");
      out.add(new FunnelReference.OrderLine(order, head[0], head[1],
          new BigDecimal(l.get("买家实际支付金额")), instant(l.get("订单创建时间")),
          paid.isEmpty() ? null : instant(paid), Long.parseLong(l.get("购买数量"))));
    }
    return out;
  }

  static java.time.Instant instant(String wallClock) {
    return LocalDateTime.parse(wallClock, TIME).atZone(ZONE).toInstant();
  }

  static long count(Map<String, String> row, String column) {
    return Long.parseLong(row.get(column));
  }

  static String percent(long numerator, long denominator) {
    return new BigDecimal(numerator * 100).divide(new BigDecimal(denominator), 2,
        java.math.RoundingMode.HALF_UP) + "%";
  }

  /** The data rows of one export file, keyed by header. */
  static List<Map<String, String>> rows(Path file) {
    List<String> lines = ExportFiles.lines(file);
    String[] header = lines.get(0).split(",", -1);
    List<Map<String, String>> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      assertEquals(header.length, cells.length, file + ": " + line);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], cells[i]);
      }
      out.add(row);
    }
    return out;
  }

  static final java.util.Comparator<AgentDayKey> KEY_ORDER = java.util.Comparator
      .comparing(AgentDayKey::shop).thenComparing(AgentDayKey::agent)
      .thenComparing(AgentDayKey::day);
}
