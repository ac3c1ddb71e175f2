package kefu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import kefu.calendar.PromotionCalendar;
import kefu.generate.GeneratorOptions;
import kefu.generate.ShopHistoryGenerator;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kefu generate --chat-format qianniu}: the same chat history written as 千牛 text records
 * ingests to the same chats rows as its 聊天记录 CSV, apart from where each row came from.
 */
class QianniuGeneratedTest {
  @TempDir Path tmp;

  @Test
  void theTextRecordsIngestToTheRowsOfTheCsv() throws Exception {
    SparkSession spark = SparkTestSession.get();
    Path sample = tmp.resolve("sample");
    ShopHistoryGenerator.generate(spark, new GeneratorOptions(sample.toString(), 400, 2, 11,
        LocalDate.of(2024, 9, 1), LocalDate.of(2024, 9, 30), "Asia/Shanghai").withQianniuChats(),
        PromotionCalendar.defaults());
    try (Stream<Path> files = Files.list(sample.resolve("chats-qianniu"))) {
      assertEquals(2, files.count(), "one text record per shop");
    }

    IngestedTables csv = ingest(spark, sample.resolve("chats"), "csv");
    IngestedTables text = ingest(spark, sample.resolve("chats-qianniu"), "text");
    List<Row> fromCsv = rows(csv);
    List<Row> fromText = rows(text);
    assertTrue(fromCsv.size() > 1_000, "a history worth comparing: " + fromCsv.size());
    assertTrue(fromCsv.stream().anyMatch(r -> "bot".equals(r.getString(3))), "bots included");
    assertEquals(fromCsv, fromText);
    assertEquals(0, text.rejects().count());

    for (FileReconciliation f : text.files()) {
      assertTrue(f.format().startsWith("qianniu_text/"), f.format());
      assertEquals(f.rowsRead(), f.rowsAccepted());
      assertTrue(f.linesSkipped().get("qianniu_system_lines") > 0, f.toString());
      assertTrue(f.linesSkipped().get("qianniu_status_lines") > 0, f.toString());
    }
    assertTrue(FileReconciliation.linesSkipped(text.files()).get("qianniu_transfers") > 0,
        "receptions taken over by a second agent");
    assertEquals(List.of("GB18030", "UTF-8"),
        text.files().stream().map(FileReconciliation::encoding).sorted().toList());
  }

  private IngestedTables ingest(SparkSession spark, Path chats, String name) {
    return Ingest.run(spark, new InputPaths(null, null, null, List.of(chats.toString()), null),
        new IngestOptions("Asia/Shanghai", IngestFixtures.KEY, null, null, false, true),
        tmp.resolve(name + "/canonical").toString(), tmp.resolve(name + "/rejects").toString());
  }

  /** The canonical chats without source_file and source_line, in one order. */
  private static List<Row> rows(IngestedTables t) {
    return t.chats().select("shop_id", "buyer_key", "agent_id", "sender", "sent_at", "text")
        .orderBy("shop_id", "buyer_key", "sent_at", "sender", "agent_id", "text")
        .collectAsList();
  }
}
