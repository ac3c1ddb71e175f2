package kefu.ingest;

import static kefu.ingest.IngestFixtures.GBK;
import static kefu.ingest.IngestFixtures.write;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kefu.testing.SparkTestSession;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-made Taobao/Tmall exports with their quirks (GBK, ="…" ids, ' phones, 元, 合计 rows,
 * trailing-space headers, blank lines), one bad row of each kind, and the privacy guarantee.
 */
class TaobaoExportsTest {
  @TempDir static Path dir;
  static IngestedTables t;
  static Pseudonymizer pseudonyms = new Pseudonymizer(IngestFixtures.KEY);
  static Path orders2016;
  static Path ordersNew;
  static Path items;
  static Path refunds;
  static Path dsr;
  static Path chats;
  static Path agents;

  static final String NAME = "张三丰";
  static final String PHONE = "13800138000";

  @BeforeAll
  static void ingest() {
    Path in = dir.resolve("in");
    orders2016 = write(in.resolve("orders"), "ExportOrderList2016.csv", GBK,
        "订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,总金额,买家实际支付金额,订单状态,"
            + "收货人姓名,收货地址 ,联系电话 ,联系手机,订单创建时间,订单付款时间 ,宝贝标题 ,宝贝总数量,"
            + "店铺Id,店铺名称,分阶段订单信息",
        "=\"1001\"," + NAME + ",zsf@alipay.com,100.00元,0,100.00元,100.00元,交易成功,"
            + NAME + ",北京市海淀区(100080),'01088886666,'" + PHONE
            + ",2016/5/23 22:02,2016/5/23 22:05,T恤,2,12345,旗舰店,",
        "=\"1002\",李四,ls@alipay.com,59.90,0,\"1,059.90\",0,等待买家付款,李四,上海,,'13900000000,"
            + "2016/5/24 10:00,,裙子,1,12345,旗舰店,定金已付",
        "",
        "=\"1003\",王五,ww@alipay.com,10,0,N/A,10,交易成功,王五,广州,,'13700000000,"
            + "2016/5/24 11:00,2016/5/24 11:01,袜子,1,12345,旗舰店,",
        "=\"1004\",赵六,zl@alipay.com,10,0,10,10,交易成功,赵六,深圳,,'13600000000,"
            + "2016/2/30 11:00,,袜子,1,12345,旗舰店,",
        "=\"1001\"," + NAME + ",zsf@alipay.com,100.00元,0,100.00元,100.00元,交易成功,"
            + NAME + ",北京,,'" + PHONE + ",2016/5/23 22:02,2016/5/23 22:05,T恤,2,12345,旗舰店,",
        "合计,,,,,1169.90,110.00,,,,,,,,,,,,");
    ordersNew = write(in.resolve("orders"), "orders_new.csv", StandardCharsets.UTF_8,
        "\uFEFF订单编号,买家下单时间 ,买家付款时间 ,物流公司,买家实付金额 ,运单号,买家会员名,联系手机,收货地址,"
            + "宝贝标题,宝贝规格,宝贝总数量,买家应付货款,订单状态",
        "=\"2001\",2024-11-11 00:00:01,2024-11-11 00:01:00,顺丰,\"¥1,299.00\",SF1,钱七,'13500000000,"
            + "杭州,手机,黑,1,1299,交易成功");
    items = write(in.resolve("items"), "items.csv", GBK,
        "子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,"
            + "支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间",
        "=\"5001\",=\"1001\",T恤,60,1,,,,,交易成功,APP-001,P1,60,60,,0,2016/5/23 22:02,2016/5/23 22:05",
        "=\"5002\",=\"1001\",耳机,40,1,,,,,交易成功,ELE-9,P1,40,40,退款成功,40,"
            + "2016/5/23 22:02,2016/5/23 22:05",
        "=\"6001\",=\"9999\",帽子,20,1,,,,,交易成功,APP-2,P2,20,20,,0,2016/5/25 09:00,",
        "=\"6002\",=\"9998\",帽子,20,两,,,,,交易成功,APP-2,P3,20,20,,0,2016/5/25 09:00,");
    refunds = write(in.resolve("refunds"), "refunds.csv", GBK,
        "退款编号,订单编号,支付宝交易号,订单付款时间,商品编码,退款完结时间,买家实际支付金额,宝贝标题,买家退款金额,"
            + "手工退款_系统退款,是否需要退货,退款的申请时间,退款状态,货物状态,发货物流信息,客服介入状态,"
            + "卖家真实姓名,买家退款原因,买家退款说明,部分退款_全部退款",
        "R1,=\"1001\",A1,2016/5/23 22:05,ELE-9,2016/5/28 10:00,100,耳机,40元,系统退款,是,"
            + "2016/5/26 10:00,退款成功,已收货,,无,店主甲,不想要了," + NAME + "说不要了,部分退款",
        "R2,=\"7777\",A2,,,,10,帽子,10,系统退款,否,2016/5/26 10:00,退款成功,,,无,店主甲,,,全部退款",
        "R3,=\"1002\",A3,,,,0,裙子,100,系统退款,否,2016/5/26 10:00,退款关闭,,,无,店主甲,,,全部退款",
        "R4,=\"1001\",A4,,,,100,T恤,5,系统退款,可能,2016/5/26 10:00,退款成功,,,无,店主甲,,,部分退款");
    dsr = write(in.resolve("ratings"), "dsr.csv", StandardCharsets.UTF_8,
        "订单编号,评价时间,宝贝与描述相符,卖家的服务态度,卖家的发货速度",
        "1001,2016/5/30 12:00,5,5,4",
        "1002,2016/5/30 12:00,6,5,4");
    chats = write(in.resolve("chats"), "chats.csv", GBK,
        "店铺名称,买家昵称,客服昵称,发送方,发送时间,消息内容",
        "旗舰店," + NAME + ",,买家,2016/5/23 21:50:00,在吗？我的电话" + PHONE,
        "旗舰店," + NAME + ",旗舰店:小美,客服,2016/5/23 21:50:30,亲，在的",
        "旗舰店," + NAME + ",,机器人,2016/5/23 21:50:01,自动回复",
        "旗舰店," + NAME + ",,客服,2016/5/23 21:51:00,没有客服名",
        "旗舰店,,,买家,2016/5/23 21:52:00,没有买家");
    agents = write(in.resolve("agents"), "agents.csv", StandardCharsets.UTF_8,
        "agent_id,shop_id,display_name,team,sourcing,role,employment,city,city_tier,hired_on,left_on",
        "旗舰店:小美,旗舰店,王小美,售前一部,自营,售前,全职,杭州,2,2015-03-01,",
        "旗舰店:阿强,旗舰店,李强,外包部门,合同工,售后,兼职,成都,2,2016/1/5,");
    CategoryMaster categories = new CategoryMaster(List.of(
        new CategoryMaster.Entry("APP", "apparel", "服装", new BigDecimal("0.30")),
        new CategoryMaster.Entry("ELE", "electronics", "数码", new BigDecimal("0.10"))));
    IngestOptions options = new IngestOptions("Asia/Shanghai", IngestFixtures.KEY, categories,
        null, false, false);
    t = Ingest.run(SparkTestSession.get(), new InputPaths(
            List.of(in.resolve("orders").toString(), in.resolve("items") + "/*.csv"),
            List.of(refunds.toString()), List.of(dsr.toString()), List.of(chats.toString()),
            List.of(agents.toString())),
        options, dir.resolve("out/canonical").toString(), dir.resolve("out/rejects").toString());
  }

  private static Map<String, org.apache.spark.sql.Row> byLine(Dataset<org.apache.spark.sql.Row> d) {
    Map<String, org.apache.spark.sql.Row> m = new HashMap<>();
    for (org.apache.spark.sql.Row r : d.collectAsList()) {
      String file = r.getString(r.fieldIndex("source_file"));
      m.put(file.substring(file.lastIndexOf('/') + 1) + ":" + r.getLong(r.fieldIndex("source_line")), r);
    }
    return m;
  }

  @Test
  void ordersWithSubOrdersAreReportedAtLineGrain() {
    Map<String, org.apache.spark.sql.Row> o = byLine(t.orders());
    org.apache.spark.sql.Row line1 = o.get("items.csv:2");
    assertEquals("1001", line1.getAs("order_id"));
    assertEquals("5001", line1.getAs("line_id"));
    assertEquals("旗舰店", line1.getAs("shop_id"));
    assertEquals(pseudonyms.pseudonym(NAME), line1.getAs("buyer_key"));
    assertEquals("apparel", line1.getAs("category"));
    assertEquals("electronics", o.get("items.csv:3").getAs("category"));
    assertEquals(0, new BigDecimal("40.00").compareTo(o.get("items.csv:3").getAs("refund_amount")));
    assertFalse(o.containsKey("ExportOrderList2016.csv:2"), "order row replaced by its lines");

    org.apache.spark.sql.Row orphan = o.get("items.csv:4");
    assertNull(orphan.getAs("buyer_key"));
    assertEquals("items", orphan.getAs("shop_id"));

    org.apache.spark.sql.Row unpaid = o.get("ExportOrderList2016.csv:3");
    assertNull(unpaid.getAs("paid_at"));
    assertNull(unpaid.getAs("category"));
    assertEquals(Boolean.TRUE, unpaid.getAs("is_presale"));
    assertEquals(0, new BigDecimal("1059.90").compareTo(unpaid.getAs("amount_total")));

    org.apache.spark.sql.Row newer = o.get("orders_new.csv:2");
    assertEquals("2001", newer.getAs("order_id"));
    assertEquals("orders_new", newer.getAs("shop_id"));
    assertEquals(0, new BigDecimal("1299.00").compareTo(newer.getAs("amount_paid")));
    assertEquals(java.time.Instant.parse("2024-11-10T16:00:01Z"),
        ((java.sql.Timestamp) newer.getAs("created_at")).toInstant());
    assertEquals(5, t.orders().count());
  }

  @Test
  void badRowsLandInRejectsWithFileLineColumnAndReason() {
    List<String> got = new ArrayList<>();
    for (org.apache.spark.sql.Row r : t.rejects().collectAsList()) {
      String file = r.getString(1);
      got.add(r.getString(0) + "|" + file.substring(file.lastIndexOf('/') + 1) + "|" + r.getLong(2)
          + "|" + r.getString(3) + "|" + r.getString(4) + "|" + r.getString(5));
    }
    String all = String.join("\n", got);
    assertTrue(all.contains("orders|ExportOrderList2016.csv|5|总金额|N/A|not an amount"), all);
    assertTrue(all.contains("orders|ExportOrderList2016.csv|6|订单创建时间|2016/2/30 11:00|impossible"), all);
    assertTrue(all.contains("orders|ExportOrderList2016.csv|7|order_id|1001|duplicate order"), all);
    assertFalse(all.contains("|合计|"), "the 合计 footer is skipped, not rejected: " + all);
    assertTrue(all.contains("orders|items.csv|5|购买数量|两|not a whole number"), all);
    assertTrue(all.contains("refunds|refunds.csv|3|order_id|7777|refund for unknown order"), all);
    assertTrue(all.contains("refunds|refunds.csv|4|amount|100.00|refund exceeds amount paid"), all);
    assertTrue(all.contains("refunds|refunds.csv|5|是否需要退货|可能|expected 是/否"), all);
    assertTrue(all.contains("ratings|dsr.csv|3|宝贝与描述相符|6|score must be"), all);
    assertTrue(all.contains("chats|chats.csv|5|客服昵称||agent message without agent"), all);
    assertTrue(all.contains("chats|chats.csv|6|买家昵称|<redacted>|message without buyer"), all);
    assertTrue(all.contains("agents|agents.csv|3|sourcing|合同工|expected in_house"), all);
    assertEquals(11, got.size(), all);
  }

  @Test
  void everyFileReconcilesExactly() {
    assertEquals(7, t.files().size());
    for (FileReconciliation f : t.files()) {
      assertEquals(f.rowsRead(), f.rowsAccepted() + f.rowsRejected(), f.toString());
      assertEquals(64, f.sha256().length());
    }
    FileReconciliation o = t.files().stream()
        .filter(f -> f.file().endsWith("ExportOrderList2016.csv")).findFirst().orElseThrow();
    assertEquals(5, o.rowsRead(), "neither the blank line nor the 合计 footer is a row");
    assertEquals(2, o.rowsAccepted(), "1001 expanded into lines, 1002 kept");
    assertEquals(3, o.rowsRejected());
    assertEquals(1, o.summaryRowsSkipped(), "the 合计 footer");
    assertEquals("GB18030", o.encoding());
    assertEquals("order_report/csv", o.format());
    FileReconciliation n = t.files().stream()
        .filter(f -> f.file().endsWith("orders_new.csv")).findFirst().orElseThrow();
    assertEquals("UTF-8 (BOM)", n.encoding());
  }

  @Test
  void refundsRatingsChatsAndAgentsAreTyped() {
    org.apache.spark.sql.Row r1 = t.refunds().filter(col("refund_id").equalTo("R1")).first();
    assertEquals("旗舰店", r1.getAs("shop_id"));
    assertEquals(Boolean.TRUE, r1.getAs("return_required"));
    assertEquals(Boolean.FALSE, r1.getAs("is_full_refund"));
    assertEquals(0, new BigDecimal("40.00").compareTo(r1.getAs("amount")));
    assertEquals(1, t.refunds().count());
    assertEquals(4, (int) t.ratings().first().<Integer>getAs("dsr_logistics"));
    assertEquals(3, t.chats().count());
    assertEquals(1, t.chats().filter(col("sender").equalTo("bot")).count());
    org.apache.spark.sql.Row agent = t.chats().filter(col("sender").equalTo("agent")).first();
    assertEquals("旗舰店:小美", agent.getAs("agent_id"));
    assertEquals(pseudonyms.pseudonym(NAME), agent.getAs("buyer_key"));
    org.apache.spark.sql.Row a = t.agents().first();
    assertEquals("in_house", a.getAs("sourcing"));
    assertEquals("pre_sales", a.getAs("role"));
    assertEquals(java.sql.Date.valueOf("2015-03-01"), a.getAs("hired_on"));
  }

  @Test
  void noBuyerNamePhoneOrAddressAppearsInAnyOutput() throws Exception {
    List<String> forbidden = List.of(NAME, PHONE, "13900000000", "李四", "北京市", "zsf@alipay",
        "店主甲", "说不要了", "钱七", "杭州,手机");
    List<Dataset<org.apache.spark.sql.Row>> outputs = List.of(t.orders(), t.refunds(),
        t.ratings(), t.chats(), t.agents(), t.rejects());
    for (Dataset<org.apache.spark.sql.Row> d : outputs) {
      for (String json : d.toJSON().collectAsList()) {
        for (String f : forbidden) {
          assertFalse(json.contains(f), f + " leaked into " + json);
        }
      }
    }
    // Also scan the Parquet bytes on disk (strings are stored plain or dictionary-encoded).
    try (var files = Files.walk(dir.resolve("out"))) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String bytes = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        for (String f : forbidden) {
          assertFalse(bytes.contains(f), f + " leaked into " + p);
        }
      }
    }
  }

  @Test
  void strictModeStopsAtTheFirstReject() {
    InputError e = assertThrows(InputError.class, () -> Ingest.run(SparkTestSession.get(),
        IngestFixtures.orders(orders2016), IngestFixtures.options(true),
        dir.resolve("strict/c").toString(), dir.resolve("strict/r").toString()));
    assertTrue(e.getMessage().contains("ExportOrderList2016.csv line 5 column 总金额"),
        e.getMessage());
    assertFalse(e.getMessage().contains(NAME));
  }

  @Test
  void missingRequiredColumnNamesHeadersAndClosestColumn() {
    Path bad = write(dir.resolve("bad"), "orders_typo.csv", StandardCharsets.UTF_8,
        "订单编号,买家实际支付金额,订单创建时问,订单付款时间", "1,2,2020/1/1 00:00,");
    InputError e = assertThrows(InputError.class, () -> Ingest.run(SparkTestSession.get(),
        IngestFixtures.orders(bad), IngestFixtures.options(false),
        dir.resolve("bad/c").toString(), dir.resolve("bad/r").toString()));
    assertTrue(e.getMessage().contains("orders_typo.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("订单创建时间"), e.getMessage());
    assertTrue(e.getMessage().contains("closest header found: '订单创建时问'"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void binaryGarbageIsAnInputErrorNamingTheFile() throws Exception {
    Path junk = dir.resolve("junk/garbage.csv");
    Files.createDirectories(junk.getParent());
    byte[] bytes = new byte[512];
    new java.util.Random(7).nextBytes(bytes);
    bytes[3] = 0;
    Files.write(junk, bytes);
    InputError e = assertThrows(InputError.class, () -> Ingest.run(SparkTestSession.get(),
        IngestFixtures.orders(junk), IngestFixtures.options(false),
        dir.resolve("junk/c").toString(), dir.resolve("junk/r").toString()));
    assertTrue(e.getMessage().contains("garbage.csv"), e.getMessage());
  }

  @Test
  void headerOnlyFileIsReportedWithZeroRowsAndXlsxIsRead() throws Exception {
    // (An empty file is an input error since issue 9: see kefu.reliability.BadInputErrorsTest.)
    Path folder = dir.resolve("mixed");
    write(folder, "header_only.csv", GBK, "订单编号,订单创建时间,买家实际支付金额,订单付款时间");
    Files.write(folder.resolve("_SUCCESS"), new byte[0]);
    Path xlsx = folder.resolve("orders.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(xlsx)) {
      Sheet s = wb.createSheet("订单");
      Row h = s.createRow(0);
      // the row leaves 订单付款时间 empty: an unpaid order
      String[] headers = {"订单编号", "买家会员名", "订单创建时间", "买家实际支付金额", "店铺名称",
          "订单付款时间"};
      for (int i = 0; i < headers.length; i++) {
        h.createCell(i).setCellValue(headers[i]);
      }
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
      Row r = s.createRow(1);
      r.createCell(0).setCellValue(123456789012345678d);
      r.createCell(1).setCellValue(NAME);
      r.createCell(2).setCellValue(java.time.LocalDateTime.of(2016, 5, 23, 22, 2));
      r.getCell(2).setCellStyle(date);
      r.createCell(3).setCellValue(12.5);
      r.createCell(4).setCellValue("旗舰店");
      wb.write(os);
    }
    IngestedTables x = Ingest.run(SparkTestSession.get(), IngestFixtures.orders(folder),
        IngestFixtures.options(false), dir.resolve("mixed-out/c").toString(),
        dir.resolve("mixed-out/r").toString());
    assertEquals(2, x.files().size(), x.files().toString());
    for (FileReconciliation f : x.files()) {
      if (!f.file().endsWith(".xlsx")) {
        assertEquals(0, f.rowsRead());
      }
    }
    org.apache.spark.sql.Row o = x.orders().first();
    assertEquals(java.time.Instant.parse("2016-05-23T14:02:00Z"),
        ((java.sql.Timestamp) o.getAs("created_at")).toInstant());
    assertEquals(0, new BigDecimal("12.50").compareTo(o.getAs("amount_paid")));
    assertEquals(pseudonyms.pseudonym(NAME), o.getAs("buyer_key"));
    assertEquals(1, x.orders().count());
  }
}
