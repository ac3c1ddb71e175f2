package kefu.ingest;

import static kefu.ingest.IngestFixtures.GBK;
import static kefu.ingest.IngestFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths and headers are checked on the driver alone: no Spark session is needed. */
class ListedInputsTest {
  @TempDir Path dir;

  private static InputPaths chats(Path... files) {
    return new InputPaths(List.of(), List.of(), List.of(), List.of(IngestFixtures.paths(files)),
        List.of());
  }

  @Test
  void exportsWithTheirTablesHeaderAreListedForParsing() throws Exception {
    Path gbk = write(dir, "chats-gbk.csv", GBK, "店铺名称,买家昵称,客服昵称,发送方,发送时间,消息内容",
        "旗舰店,张三,,买家,2016/5/23 21:50:00,在吗");
    // a title line before the header, as some exports have
    Path titled = write(dir, "chats-utf8.csv", StandardCharsets.UTF_8, "聊天记录导出",
        "店铺名称,买家昵称,客服昵称,发送方,发送时间,消息内容");
    Path workbook = Files.write(dir.resolve("book.xlsx"), new byte[] {'P', 'K', 3, 4, 0});
    ListedInputs listed = ListedInputs.check(chats(gbk, titled, workbook), new Configuration());
    assertEquals(3, listed.tasks().get("chats").size());
    assertTrue(listed.tasks().get("orders").isEmpty());
  }

  @Test
  void aMissingPathIsAnsweredBeforeAnythingIsRead() {
    InputError e = assertThrows(InputError.class,
        () -> ListedInputs.check(chats(dir.resolve("nope.csv")), new Configuration()));
    assertTrue(e.getMessage().endsWith("nope.csv: no such file or folder (given for chats)"),
        e.getMessage());
  }

  @Test
  void anExportOfAnotherTableNamesTheFileTheLineAndTheHeaderExpected() {
    Path orders = write(dir, "orders.csv", GBK, "订单编号,买家会员名,买家实际支付金额",
        "1,张三,10.00");
    InputError e = assertThrows(InputError.class,
        () -> ListedInputs.check(chats(orders), new Configuration()));
    assertTrue(e.getMessage().contains("orders.csv line 1: headers match no known chats format"),
        e.getMessage());
  }

  @Test
  void anOrderExportWithoutPaymentTimeIsRefusedBeforeSparkStarts() {
    // the newer generation's names, 买家付款时间 missing: its 10.00 would read as unpaid
    Path orders = write(dir, "orders-new.csv", GBK, "订单编号,买家实付金额,买家下单时间,店铺名称",
        "1,10.00,2020/2/1 10:00,旗舰店");
    InputError e = assertThrows(InputError.class, () -> ListedInputs.check(new InputPaths(
        List.of(orders.toString()), List.of(), List.of(), List.of(), List.of()),
        new Configuration()));
    assertTrue(e.getMessage().contains("orders-new.csv line 1: headers match no known orders "
        + "format; closest is order_report which needs column 订单付款时间 | 买家付款时间"),
        e.getMessage());
  }
}
