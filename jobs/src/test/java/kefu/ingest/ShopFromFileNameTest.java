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
  void anEmptyExportIsTheTablesExportWithItsArticle() {
    assertEquals("an orders export", RecordStream.anExport("orders"));
    assertEquals("an agents export", RecordStream.anExport("agents"));
    assertEquals("a refunds export", RecordStream.anExport("refunds"));
    assertEquals("a chats export", RecordStream.anExport("chats"));
  }
}
