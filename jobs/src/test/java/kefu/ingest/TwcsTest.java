package kefu.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real twcs slice: every tweet is a chat message or a reject, senders counted independently. */
class TwcsTest {
  @TempDir Path out;

  @Test
  void twcsTweetsBecomeBuyerAndAgentMessages() throws Exception {
    Path file = IngestFixtures.sharedDir().resolve("data/twcs/twcs_head.csv");
    // Independent count: every record starts a line with index,tweet_id,author_id,inbound,
    Pattern start = Pattern.compile("^\\d+,\\d+,[^,]+,(True|False),");
    long inbound = 0;
    long outbound = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      Matcher m = start.matcher(line);
      if (m.find()) {
        if (m.group(1).equals("True")) {
          inbound++;
        } else {
          outbound++;
        }
      }
    }

    IngestedTables t = Ingest.run(SparkTestSession.get(),
        new InputPaths(null, null, null, List.of(file.toString()), null),
        IngestFixtures.options(false), out.resolve("canonical").toString(),
        out.resolve("rejects").toString());

    long buyers = t.chats().filter(col("sender").equalTo("buyer")).count();
    long agents = t.chats().filter(col("sender").equalTo("agent")).count();
    long buyerRejects = t.rejects().filter(col("reason").contains("buyer tweet")).count();
    long agentRejects = t.rejects().filter(col("reason").contains("brand tweet")).count();
    assertEquals(inbound, buyers + buyerRejects);
    assertEquals(outbound, agents + agentRejects);
    assertEquals(t.rejects().count(), buyerRejects + agentRejects);
    assertTrue(buyers > inbound * 9 / 10, "most buyer tweets find their brand: " + buyers);
    assertTrue(agents > outbound * 9 / 10, "most brand tweets find their customer: " + agents);

    FileReconciliation f = t.files().get(0);
    assertEquals(inbound + outbound, f.rowsRead());
    assertEquals(f.rowsRead(), f.rowsAccepted() + f.rowsRejected());
    assertEquals("twcs/csv", f.format());

    // Sign-offs become agent ids; the first tweet of the file is unsigned.
    List<Row> ids = t.chats().filter(col("source_line").leq(20)).orderBy("source_line")
        .select("source_line", "agent_id", "shop_id", "text").collectAsList();
    assertEquals("sprintcare:unknown", ids.get(0).getString(1));
    assertEquals(1, t.chats().filter(col("agent_id").equalTo("AskPayPal:GA")).limit(1).count());
    assertTrue(t.chats().filter(col("agent_id").endsWith(":Becky")).count() > 0);
    assertEquals(0, t.chats().filter(col("text").isNotNull()).count(), "text is not kept");
    assertEquals(0, t.chats().filter(col("buyer_key").equalTo("115712")).count());
    // Agent and buyer sides of a conversation share the buyer key and the shop.
    Row first = t.chats().filter(col("source_line").equalTo(2)).first();
    Row reply = t.chats().filter(col("source_line").equalTo(3)).first();
    assertEquals(first.<String>getAs("buyer_key"), reply.<String>getAs("buyer_key"));
    assertEquals("sprintcare", reply.<String>getAs("shop_id"));
  }
}
