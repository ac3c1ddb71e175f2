package kefu.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class StageLogTest {
  @Test
  void aLongStageReportsProgressAndItsCounts() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StageLog log = new StageLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
        Duration.ofMillis(50));
    log.reportProgress(() -> "7 tasks done");
    String result = log.run("ingest", () -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "x";
    }, r -> new StageLog.Counts(10, 9));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertEquals("x", result);
    assertTrue(text.contains("ingest running") && text.contains("7 tasks done"), text);
    assertTrue(text.contains("ingest done: 10 rows in, 9 rows out"), text);
    assertEquals(1, log.stages().size());
  }

  @Test
  void eachStageKeepsTheWorkOfTheSparkTasksThatRanInIt() {
    SparkSession spark = SparkTestSession.get();
    SparkProgress progress = SparkProgress.attach(spark);
    try {
      StageLog log = new StageLog(new PrintStream(new ByteArrayOutputStream(), true,
          StandardCharsets.UTF_8), true);
      log.reportProgress(progress);
      log.run("shuffle", () -> {
        long groups = spark.range(0, 10_000, 1, 3).groupBy(col("id").mod(7)).count().count();
        awaitQuiet(progress);
        return groups;
      }, g -> new StageLog.Counts(10_000, g));
      log.run("driver only", () -> 1, r -> new StageLog.Counts(1, 1));

      StageLog.Stage shuffle = log.stages().get(0);
      assertEquals(7, shuffle.rowsOut());
      assertEquals(1, shuffle.work().plans(), shuffle.toString());
      assertTrue(shuffle.work().jobs() >= 1, shuffle.toString());
      assertTrue(shuffle.work().tasks() >= 3, shuffle.toString());
      assertTrue(shuffle.work().shuffleWrittenBytes() > 0, shuffle.toString());
      assertTrue(shuffle.work().taskSeconds() >= 0 && shuffle.work().cpuSeconds() > 0,
          shuffle.toString());
      assertEquals(SparkWork.NONE, log.stages().get(1).work());
      // the JVM's side: its CPU covers the tasks' and the planning; its compilers' time is timed
      assertTrue(shuffle.jvm().cpuSeconds() > 0, shuffle.toString());
      assertTrue(shuffle.jvm().jitSeconds() >= 0, shuffle.toString());
    } finally {
      progress.detach(spark);
    }
  }

  /** Task ends reach listeners asynchronously: waits until no more arrive for 300 ms. */
  private static void awaitQuiet(SparkProgress progress) {
    try {
      long seen = -1;
      for (int i = 0; i < 100 && progress.work().tasks() != seen; i++) {
        seen = progress.work().tasks();
        Thread.sleep(300);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void theListenerHearsOfEachFinishedStageButNotOfAFailedOne() {
    StageLog log = new StageLog(new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), true);
    java.util.List<String> heard = new java.util.ArrayList<>();
    log.afterEachStage(stage -> heard.add(stage.name() + " " + stage.rowsOut()));
    log.run("ingest", () -> 1, r -> new StageLog.Counts(3, 2));
    assertEquals(java.util.List.of("ingest 2"), heard);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> log.run("derive", () -> {
          throw new IllegalStateException("stopped");
        }, r -> new StageLog.Counts(1, 1)));
    assertEquals(java.util.List.of("ingest 2"), heard);
  }

  @Test
  void quietPrintsNothing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StageLog log = new StageLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), true,
        Duration.ofMillis(10));
    log.reportProgress(() -> "busy");
    log.run("derive", () -> 1, r -> new StageLog.Counts(1, 1));
    assertEquals("", bytes.toString(StandardCharsets.UTF_8));
  }
}
