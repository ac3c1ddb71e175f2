package kefu.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kefu.calendar.PromotionCalendar;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generates a tiny history twice (2 shops, Sep-Nov 2024, incl. 双11) and checks the files. */
class ShopHistoryGeneratorTest {

  static final String[] FOLDERS = {"orders", "order_lines", "refunds", "ratings", "chats"};

  static final String ORDERS_2016 = "订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,"
      + "返点积分,买家实际支付金额,买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址,运送方式,联系电话,联系手机,"
      + "订单创建时间,订单付款时间,宝贝标题,宝贝种类,物流单号,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,"
      + "卖家服务费,买家服务费,发票抬头,是否手机订单,分阶段订单信息";
  static final String ORDERS_NEW = ORDERS_2016.replace("买家实际支付金额", "买家实付金额")
      .replace("订单创建时间", "买家下单时间").replace("订单付款时间", "买家付款时间");
  static final String LINES = "子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,"
      + "商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间";
  static final String REFUNDS = "退款编号,订单编号,支付宝交易号,订单付款时间,商品编码,退款完结时间,买家实际支付金额,"
      + "宝贝标题,买家退款金额,手工退款/系统退款,是否需要退货,退款的申请时间,退款状态,货物状态,发货物流信息,客服介入状态,"
      + "卖家真实姓名,买家退款原因,买家退款说明,部分退款/全部退款";
  static final String RATINGS = "订单编号,评价时间,宝贝与描述相符,卖家的服务态度,物流服务,店铺名称";
  static final String CHATS = "店铺名称,买家昵称,客服昵称,发送方,发送时间,消息内容";
  static final String AGENTS = "agent_id,shop_id,display_name,team,sourcing,role,employment,city,"
      + "city_tier,hired_on,left_on";

  @TempDir
  static Path temp;

  static Path first;
  static Path second;
  static GeneratorOptions options;
  static GeneratorSummary summary;

  @BeforeAll
  static void generateTwice() {
    SparkSession spark = SparkTestSession.get();
    first = temp.resolve("a");
    second = temp.resolve("b");
    options = options(first);
    summary = ShopHistoryGenerator.generate(spark, options, PromotionCalendar.defaults());
    ShopHistoryGenerator.generate(spark, options(second), PromotionCalendar.defaults());
  }

  static GeneratorOptions options(Path dir) {
    return new GeneratorOptions(dir.toString(), 2_000, 2, 11, LocalDate.of(2024, 9, 1),
        LocalDate.of(2024, 11, 30), "Asia/Shanghai");
  }

  @Test
  void everyFolderHoldsGbkFilesWithTheDocumentedHeaders() {
    Map<String, Set<String>> expected = Map.of(
        "orders", Set.of(ORDERS_2016, ORDERS_NEW),
        "order_lines", Set.of(LINES),
        "refunds", Set.of(REFUNDS),
        "ratings", Set.of(RATINGS),
        "chats", Set.of(CHATS));
    for (String folder : FOLDERS) {
      List<Path> files = ExportFiles.csvFiles(first.resolve(folder));
      assertFalse(files.isEmpty(), folder);
      Set<String> headers = new HashSet<>();
      for (Path file : files) {
        assertFalse(ExportFiles.isUtf8(file), file + " should be GBK, not UTF-8");
        headers.add(ExportFiles.lines(file).get(0));
      }
      assertEquals(expected.get(folder), headers, folder);
    }
  }

  @Test
  void agentsAndManifestAreWritten() throws Exception {
    List<String> agents = Files.readAllLines(first.resolve("agents.csv"), StandardCharsets.UTF_8);
    assertEquals(AGENTS, agents.get(0));
    assertEquals(summary.agents(), agents.size() - 1);
    assertTrue(agents.stream().skip(1).allMatch(a -> a.split(",")[0].contains(":")));
    String manifest = Files.readString(first.resolve(SampleManifest.FILE));
    assertTrue(manifest.contains("\"formatVersion\": 1"));
    assertTrue(SampleManifest.isCurrent(SparkTestSession.get().sparkContext().hadoopConfiguration(),
        options));
    assertFalse(SampleManifest.isCurrent(SparkTestSession.get().sparkContext()
        .hadoopConfiguration(), new GeneratorOptions(first.toString(), 2_001, 2, 11,
        options.from(), options.to(), "Asia/Shanghai")));
  }

  @Test
  void summaryCountsTheWrittenRows() {
    assertEquals(2_000, summary.orders());
    assertEquals(2_000, ExportFiles.rows(first.resolve("orders")).size());
    assertEquals(summary.orderLines(), ExportFiles.rows(first.resolve("order_lines")).size());
    assertEquals(summary.refunds(), ExportFiles.rows(first.resolve("refunds")).size());
    assertEquals(summary.ratings(), ExportFiles.rows(first.resolve("ratings")).size());
    assertEquals(summary.chatMessages(), ExportFiles.rows(first.resolve("chats")).size());
    assertTrue(summary.orderLines() > summary.orders());
    assertTrue(summary.refunds() > 0 && summary.ratings() > 0 && summary.chatMessages() > 0);
  }

  @Test
  void messagesPerOrderScalesEveryChat() {
    Path dir = temp.resolve("m20");
    GeneratorOptions natural = options(dir);
    GeneratorOptions twenty = new GeneratorOptions(dir.toString(), natural.orders(),
        natural.shops(), natural.seed(), natural.from(), natural.to(), natural.timeZone(), 20,
        false);
    GeneratorSummary scaled = ShopHistoryGenerator.generate(SparkTestSession.get(), twenty,
        PromotionCalendar.defaults());
    double perOrder = (double) scaled.chatMessages() / scaled.orders();
    assertTrue(perOrder > 19 && perOrder < 21, "messages per order: " + perOrder);
    assertTrue((double) summary.chatMessages() / summary.orders() < 12,
        "natural chats: " + summary.chatMessages());
    // Same receptions, longer chats: the same buyers talk to the same shops.
    assertEquals(nicknames(first), nicknames(dir));
    var hadoop = SparkTestSession.get().sparkContext().hadoopConfiguration();
    assertTrue(SampleManifest.isCurrent(hadoop, twenty));
    assertFalse(SampleManifest.isCurrent(hadoop, natural));
  }

  @Test
  void gzipWritesTheSameExportsCompressed() throws Exception {
    Path dir = temp.resolve("gz");
    GeneratorOptions plain = options(dir);
    GeneratorOptions gzip = new GeneratorOptions(dir.toString(), plain.orders(), plain.shops(),
        plain.seed(), plain.from(), plain.to(), plain.timeZone(),
        GeneratorOptions.NATURAL_MESSAGES, true);
    GeneratorSummary compressed = ShopHistoryGenerator.generate(SparkTestSession.get(), gzip,
        PromotionCalendar.defaults());
    assertEquals(summary, compressed.in(summary.outDir()));
    for (String folder : FOLDERS) {
      List<Path> files = ExportFiles.csvFiles(dir.resolve(folder));
      assertFalse(files.isEmpty(), folder);
      for (Path f : files) {
        assertTrue(f.getFileName().toString().endsWith(".csv.gz"), f.toString());
        byte[] head = Files.readAllBytes(f);
        assertEquals(0x1f, head[0] & 0xff, f + " is not gzip");
        assertEquals(0x8b, head[1] & 0xff, f + " is not gzip");
      }
      assertEquals(ExportFiles.sortedContent(first.resolve(folder)),
          ExportFiles.sortedContent(dir.resolve(folder)), folder);
    }
    var hadoop = SparkTestSession.get().sparkContext().hadoopConfiguration();
    assertTrue(SampleManifest.isCurrent(hadoop, gzip));
    assertFalse(SampleManifest.isCurrent(hadoop, plain));
  }

  private static Set<String> nicknames(Path sample) {
    Set<String> buyers = new HashSet<>();
    for (Map<String, String> m : ExportFiles.rows(sample.resolve("chats"))) {
      buyers.add(m.get("店铺名称") + "/" + m.get("买家昵称"));
    }
    return buyers;
  }

  @Test
  void sameOptionsGiveIdenticalContent() {
    for (String folder : FOLDERS) {
      assertEquals(ExportFiles.sortedContent(first.resolve(folder)),
          ExportFiles.sortedContent(second.resolve(folder)), folder);
    }
  }

  @Test
  void refundsReferencePaidOrdersAndNeverExceedTheLinePaidAmount() {
    Map<String, String> paidAt = new HashMap<>();
    for (Map<String, String> o : ExportFiles.rows(first.resolve("orders"))) {
      String paid = o.containsKey("订单付款时间") ? o.get("订单付款时间") : o.get("买家付款时间");
      paidAt.put(ExportFiles.unguard(o.get("订单编号")), paid);
    }
    Map<String, List<BigDecimal>> linePaid = new HashMap<>();
    for (Map<String, String> l : ExportFiles.rows(first.resolve("order_lines"))) {
      linePaid.computeIfAbsent(ExportFiles.unguard(l.get("主订单编号")) + "/" + l.get("商家编码"),
          k -> new ArrayList<>()).add(new BigDecimal(l.get("买家实际支付金额")));
    }
    Set<String> refundIds = new HashSet<>();
    List<Map<String, String>> refunds = ExportFiles.rows(first.resolve("refunds"));
    for (Map<String, String> r : refunds) {
      String order = r.get("订单编号");
      assertTrue(refundIds.add(r.get("退款编号")), "duplicate refund id");
      assertFalse(paidAt.getOrDefault(order, "").isEmpty(), "refund of unpaid/unknown " + order);
      BigDecimal amount = new BigDecimal(r.get("买家退款金额"));
      List<BigDecimal> paid = linePaid.get(order + "/" + r.get("商品编码"));
      assertNotNull(paid, "no line for " + order + "/" + r.get("商品编码"));
      assertTrue(paid.stream().anyMatch(p -> amount.compareTo(p) <= 0), "refund above paid");
      assertTrue(amount.compareTo(new BigDecimal(r.get("买家实际支付金额"))) <= 0);
      assertTrue(Set.of("是", "否").contains(r.get("是否需要退货")));
    }
    long succeeded = refunds.stream().filter(r -> r.get("退款状态").equals("退款成功")).count();
    assertTrue(succeeded > refunds.size() / 2);
  }

  @Test
  void chatBuyersAreOrderBuyers() {
    Set<String> orderBuyers = new HashSet<>();
    ExportFiles.rows(first.resolve("orders")).forEach(o -> orderBuyers.add(o.get("买家会员名")));
    Set<String> chatBuyers = new HashSet<>();
    Set<String> senders = new HashSet<>();
    for (Map<String, String> m : ExportFiles.rows(first.resolve("chats"))) {
      chatBuyers.add(m.get("买家昵称"));
      senders.add(m.get("发送方"));
      if (m.get("发送方").equals("客服")) {
        assertTrue(m.get("客服昵称").startsWith(m.get("店铺名称") + ":"));
      } else {
        assertEquals("", m.get("客服昵称"));
      }
    }
    long matched = chatBuyers.stream().filter(orderBuyers::contains).count();
    assertTrue(matched > chatBuyers.size() * 0.6, matched + " of " + chatBuyers.size());
    assertEquals(Set.of("买家", "客服", "机器人"), senders);
  }

  @Test
  void singlesDayHasMoreOrdersThanBaselineDays() {
    Map<LocalDate, Integer> perDay = new HashMap<>();
    for (Map<String, String> o : ExportFiles.rows(first.resolve("orders"))) {
      String created = o.containsKey("订单创建时间") ? o.get("订单创建时间") : o.get("买家下单时间");
      String[] ymd = created.split(" ")[0].split("[/-]");
      LocalDate day = LocalDate.of(Integer.parseInt(ymd[0]), Integer.parseInt(ymd[1]),
          Integer.parseInt(ymd[2]));
      perDay.merge(day, 1, Integer::sum);
    }
    PromotionCalendar calendar = PromotionCalendar.defaults();
    double baseline = perDay.entrySet().stream()
        .filter(e -> calendar.on(e.getKey()).isEmpty())
        .mapToInt(Map.Entry::getValue).average().orElseThrow();
    int singlesDay = perDay.getOrDefault(LocalDate.of(2024, 11, 11), 0);
    assertTrue(singlesDay > 3 * baseline, singlesDay + " vs baseline " + baseline);
  }
}
