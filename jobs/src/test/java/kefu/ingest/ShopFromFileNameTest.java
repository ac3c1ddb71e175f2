package kefu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks before Spark starts find the exports whose rows will take the shop from the file
 * name, so the run can say so and point at --shop; no Spark here.
 */
class ShopFromFileNameTest {
  @TempDir Path dir;

  @Test
  void anOrderExportWithoutAShopColumnIsNamedWithTheShopItWillGet() {
    Path bare = IngestFixtures.write(dir, "tmall_order_report.csv", StandardCharsets.UTF_8,
        "订单编号,总金额,买家实际支付金额,订单创建时间,订单付款时间",
        "1,10,10,2020/2/1 10:00,2020/2/1 10:01");
    Path named = IngestFixtures.write(dir, "with_shop.csv", StandardCharsets.UTF_8,
        "订单编号,店铺名称,买家实际支付金额,订单创建时间,买家付款时间",
        "2,旗舰店,10,2020/2/1 10:00,");
    ListedInputs listed = ListedInputs.check(new InputPaths(
        List.of(bare.toString(), named.toString()), List.of(), List.of(), List.of(), List.of()),
        new Configuration());
    assertEquals(1, listed.shopFromFileName().size(), listed.shopFromFileName()::toString);
    ListedInputs.FileNamedShop f = listed.shopFromFileName().get(0);
    assertEquals("tmall_order_report", f.shop());
    assertEquals(bare.toString(), f.file());
  }

  @Test
  void twitterChatsNameTheirShopInEveryTweet() {
    Path twcs = IngestFixtures.write(dir, "twcs.csv", StandardCharsets.UTF_8,
        ",tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id",
        "0,1,sprintcare,False,Tue Oct 31 22:10:47 +0000 2017,@115712 hi,,2.0");
    ListedInputs listed = ListedInputs.check(new InputPaths(List.of(), List.of(), List.of(),
        List.of(twcs.toString()), List.of()), new Configuration());
    assertEquals(List.of(), listed.shopFromFileName());
  }

  @Test
  void anAgentExportWhoseAgentsNameTheirShopTakesNoShopFromItsFileName() {
    // 店铺名:客服名 on every row (the 汇总 row names no agent): the shop is the sub-account's
    Path named = IngestFixtures.write(dir, "售前明细.csv", StandardCharsets.UTF_8,
        "日期,客服,接待人数,询单人数,询单->最终付款人数,销售额",
        "2025-10-01,暖暖家居旗舰店:小美,40,20,10,1000.00",
        "2025-10-01,暖暖家居旗舰店:阿杰,30,10,5,600.00",
        "汇总,,70,30,15,1600.00");
    // one agent without its shop takes the file name's: the run must warn about this file
    Path bare = IngestFixtures.write(dir, "花颜美妆专营店.csv", StandardCharsets.UTF_8,
        "日期,客服,接待人数,询单人数,询单->最终付款人数,销售额",
        "2025-10-01,花颜美妆专营店:豆豆,40,20,10,1000.00",
        "2025-10-01,小鹿,30,10,5,600.00");
    // 分时接待 names no agent: its shop is the file name's
    Path hourly = IngestFixtures.write(dir, "悦衣坊服饰旗舰店.csv", StandardCharsets.UTF_8,
        "日期,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,全天",
        "2025-10-01,0,0,0,0,0,0,0,0,0,8,12,10,0,0,10,10,0,0,0,0,12,8,0,0,70");
    ListedInputs listed = ListedInputs.check(new InputPaths(List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(named.toString(), bare.toString(), hourly.toString())),
        new Configuration());
    assertEquals(java.util.Set.of(
        new ListedInputs.FileNamedShop(bare.toString(), "花颜美妆专营店"),
        new ListedInputs.FileNamedShop(hourly.toString(), "悦衣坊服饰旗舰店")),
        java.util.Set.copyOf(listed.shopFromFileName()));
  }

  @Test
  void anEmptyExportIsTheTablesExportWithItsArticle() {
    assertEquals("an orders export", RecordStream.anExport("orders"));
    assertEquals("an agents export", RecordStream.anExport("agents"));
    assertEquals("a refunds export", RecordStream.anExport("refunds"));
    assertEquals("a chats export", RecordStream.anExport("chats"));
  }
}
