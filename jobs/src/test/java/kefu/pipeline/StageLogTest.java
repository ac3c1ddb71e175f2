package kefu.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
  void quietPrintsNothing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StageLog log = new StageLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), true,
        Duration.ofMillis(10));
    log.reportProgress(() -> "busy");
    log.run("derive", () -> 1, r -> new StageLog.Counts(1, 1));
    assertEquals("", bytes.toString(StandardCharsets.UTF_8));
  }
}
