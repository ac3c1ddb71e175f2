package kefu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kefu.pipeline.JvmWork;
import kefu.pipeline.SparkWork;
import kefu.pipeline.StageLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench keeps what a CSV review has finished, stage by stage, for the next run. */
class CanonicalCacheTest {
  @TempDir Path tmp;

  @Test
  void ingestCachesTheStagedTablesAndEveryStageItsSeconds() throws Exception {
    Path history = Files.createDirectories(tmp.resolve("5000-7"));
    Files.writeString(history.resolve(".kefu-sample"), "format=1\norders=5000\n");
    Path staged = tmp.resolve("out/.review.staging-r1/canonical");
    Files.createDirectories(staged.resolve("orders"));
    Files.createDirectories(staged.resolve("chats/shop=a"));
    Files.writeString(staged.resolve("orders/part-00000.parquet"), "orders bytes");
    Files.writeString(staged.resolve("orders/_SUCCESS"), "");
    Files.writeString(staged.resolve("chats/shop=a/part-00001.parquet"), "chat bytes");
    CanonicalCache cache = new CanonicalCache(history);
    assertEquals(tmp.resolve("5000-7-canonical"), cache.dir());
    assertFalse(cache.isCurrent());

    cache.afterStage(stage("ingest", 12.5), staged);
    assertTrue(cache.isCurrent(), "stamped with its history");
    assertEquals(List.of("chats/shop=a/part-00001.parquet", "orders/part-00000.parquet"),
        partFiles(cache.dir()), "the part files only");
    assertEquals("chat bytes",
        Files.readString(cache.dir().resolve("chats/shop=a/part-00001.parquet")));
    assertEquals(Map.of("ingest", 12.5), cache.sparkSeconds());

    cache.afterStage(stage("derive", 3.25), staged);
    assertEquals(List.of("ingest", "derive"), List.copyOf(cache.sparkSeconds().keySet()));
    assertEquals(3.3, cache.sparkSeconds().get("derive"), 1e-9, "kept to a tenth");

    // A later CSV run over the same history keeps the tables and replaces its stages' seconds.
    Files.delete(staged.resolve("orders/part-00000.parquet"));
    cache.afterStage(stage("ingest", 11.0), staged);
    assertEquals(2, partFiles(cache.dir()).size());
    assertEquals(Map.of("ingest", 11.0, "derive", 3.3), cache.sparkSeconds());
    assertEquals(cache.dir().resolve("orders").toString(), cache.inputs().orders().get(0));
    assertEquals(cache.dir().resolve("agents").toString(), cache.inputs().agents().get(0));

    Files.writeString(history.resolve(".kefu-sample"), "format=1\norders=5000\nshops=8\n");
    cache.dropIfStale();
    assertFalse(Files.exists(cache.dir()), "the tables of an earlier history are dropped");
  }

  @Test
  void stagesBeforeTheTablesAreCachedRecordNothing() throws Exception {
    Path history = Files.createDirectories(tmp.resolve("h"));
    Files.writeString(history.resolve(".kefu-sample"), "format=1\n");
    CanonicalCache cache = new CanonicalCache(history);
    cache.afterStage(stage("generate", 1.0), tmp.resolve("nothing-staged"));
    assertFalse(Files.exists(cache.dir()));
  }

  private static StageLog.Stage stage(String name, double seconds) {
    return new StageLog.Stage(name, 10, 10, seconds, 0, SparkWork.NONE, JvmWork.NONE);
  }

  private static List<String> partFiles(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
          .filter(n -> !n.startsWith(".") && !n.equals(CanonicalCache.SPARK_SECONDS)).sorted()
          .toList();
    }
  }
}
