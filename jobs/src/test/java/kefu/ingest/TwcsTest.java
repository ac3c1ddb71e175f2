package kefu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    // One small collect each, then plain Java: keeps the test to a few Spark jobs.
    List<Row> chats = t.chats().select("sender", "agent_id", "shop_id", "buyer_key", "text",
        "source_line").collectAsList();
    List<Row> rejects = t.rejects().select("reason").collectAsList();
    long buyers = chats.stream().filter(r -> r.getString(0).equals("buyer")).count();
    long agents = chats.stream().filter(r -> r.getString(0).equals("agent")).count();
    long buyerRejects = rejects.stream().filter(r -> r.getString(0).contains("buyer tweet"))
        .count();
    long agentRejects = rejects.stream().filter(r -> r.getString(0).contains("brand tweet"))
        .count();
    assertEquals(inbound, buyers + buyerRejects);
    assertEquals(outbound, agents + agentRejects);
    assertEquals(rejects.size(), buyerRejects + agentRejects);
    assertTrue(buyers > inbound * 9 / 10, "most buyer tweets find their brand: " + buyers);
    assertTrue(agents > outbound * 9 / 10, "most brand tweets find their customer: " + agents);

    FileReconciliation f = t.files().get(0);
    assertEquals(inbound + outbound, f.rowsRead());
    assertEquals(f.rowsRead(), f.rowsAccepted() + f.rowsRejected());
    assertEquals("twcs/csv", f.format());

    Map<Long, Row> byLine = new HashMap<>();
    chats.forEach(r -> byLine.put(r.getLong(5), r));
    // Sign-offs become agent ids; the first tweet of the file is unsigned.
    assertEquals("sprintcare:unknown", byLine.get(2L).getString(1));
    assertTrue(chats.stream().anyMatch(r -> "AskPayPal:GA".equals(r.getString(1))));
    assertTrue(chats.stream().anyMatch(r -> r.getString(1) != null
        && r.getString(1).endsWith(":Becky")));
    assertTrue(chats.stream().allMatch(r -> r.isNullAt(4)), "text is not kept");
    assertTrue(chats.stream().noneMatch(r -> "115712".equals(r.getString(3))));
    // Agent and buyer sides of a conversation share the buyer key and the shop.
    assertEquals(byLine.get(2L).getString(3), byLine.get(3L).getString(3));
    assertEquals("sprintcare", byLine.get(3L).getString(2));
  }
}
