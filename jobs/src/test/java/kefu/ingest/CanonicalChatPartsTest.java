package kefu.ingest;

import static kefu.ingest.IngestFixtures.GBK;
import static kefu.ingest.IngestFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kefu.testing.ParquetTables;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chat messages go from the parse straight into the canonical table; the rest goes on. */
class CanonicalChatPartsTest {
  @TempDir Path dir;

  private Path chatsCsv() throws Exception {
    return write(dir, "chats.csv", GBK,
        "店铺名称,买家昵称,客服昵称,发送方,发送时间,消息内容",
        "旗舰店,张三,,买家,2016/5/23 21:50:00,在吗",
        "旗舰店,张三,旗舰店:小美,客服,2016/5/23 21:50:30,亲，在的",
        "旗舰店,张三,,买家,not a time,坏行");
  }

  @Test
  void aFilesMessagesAreItsPartAndARetriedTaskReplacesIt() throws Exception {
    Path chats = chatsCsv();
    Path table = Files.createDirectories(dir.resolve("canonical-chats"));
    ParseContext ctx = new ParseContext("Asia/Shanghai", new Pseudonymizer(IngestFixtures.KEY),
        null, null, false);
    CanonicalChatParts parts = new CanonicalChatParts(
        new FileParser(Map.of(), ctx, new CollectionAccumulator<>()), table.toString());
    FileParser.Task task = new FileParser.Task("chats", chats.toString());
    for (int attempt = 1; attempt <= 2; attempt++) {
      List<Row> rest = new ArrayList<>();
      parts.call(task).forEachRemaining(rest::add);
      assertEquals(1, rest.size(), "only the bad row goes on");
      assertEquals(Parsed.REJECT,
          rest.get(0).getString(Parsed.schemaOf("chats").fieldIndex("kind")));

      try (ParquetTables tables = new ParquetTables(); Stream<Path> files = Files.list(table)) {
        assertEquals(1, files.filter(f -> f.toString().endsWith(".parquet")).count(),
            "one part for the file, replaced by the retry");
        assertEquals(List.of("shop_id", "buyer_key", "agent_id", "sender", "sent_at", "text",
            "source_file", "source_line"), List.copyOf(tables.schema(table).keySet()));
        List<List<Object>> rows = tables.rows(table);
        assertEquals(2, rows.size(), "each message once");
        assertEquals(List.of("buyer", "agent"), rows.stream().map(r -> r.get(3)).toList());
        assertEquals(List.of(2L, 3L), rows.stream().map(r -> r.get(7)).toList());
      }
    }
  }

  @Test
  void twcsTweetsArePlacedBesideTheMessagesOfOtherFormats() throws Exception {
    Path chats = chatsCsv();
    // A brand's reply to a customer, and a tweet that addresses no brand (rejected).
    Path twcs = write(dir, "twcs.csv", StandardCharsets.UTF_8,
        ",tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id",
        "0,1,sprintcare,False,Tue Oct 31 22:10:47 +0000 2017,@115712 we can help,,2.0",
        "1,2,115712,True,Tue Oct 31 22:08:27 +0000 2017,@sprintcare no signal,1,",
        "2,3,115713,True,Tue Oct 31 22:09:27 +0000 2017,hello world,,");
    IngestedTables t = Ingest.run(SparkTestSession.get(),
        new InputPaths(null, null, null, List.of(chats.toString(), twcs.toString()), null),
        IngestFixtures.options(false), dir.resolve("canonical").toString(),
        dir.resolve("rejects").toString());

    List<String> messages = new ArrayList<>();
    for (Row r : t.chats().orderBy("source_file", "source_line")
        .select("source_file", "source_line", "sender").collectAsList()) {
      messages.add(Path.of(r.getString(0)).getFileName() + ":" + r.getLong(1) + " "
          + r.getString(2));
    }
    assertEquals(List.of("chats.csv:2 buyer", "chats.csv:3 agent", "twcs.csv:2 agent",
        "twcs.csv:3 buyer"), messages);
    List<String> rejected = new ArrayList<>();
    for (Row r : t.rejects().orderBy("source_file", "source_line")
        .select("source_file", "source_line").collectAsList()) {
      rejected.add(Path.of(r.getString(0)).getFileName() + ":" + r.getLong(1));
    }
    assertEquals(List.of("chats.csv:4", "twcs.csv:4"), rejected);
  }
}
