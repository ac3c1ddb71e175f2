package kefu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Out of memory or disk, however deep Spark wrapped it, is one clear line (exit code 3). */
class ResourceExhaustionMessagesTest {
  @Test
  void aFullDiskInsideATaskFailureIsSaidPlainly() {
    Throwable spark = new RuntimeException("Job aborted due to stage failure: Task 3 failed",
        new IllegalStateException("writer", new IOException("No space left on device")));
    String line = Kefu.describe(spark);
    assertTrue(line.startsWith("out of disk space"), line);
    assertTrue(line.contains("previous one is intact"), line);
    assertEquals(ExitCodes.INTERNAL, Kefu.exitCode(spark));
  }

  @Test
  void outOfMemoryInsideATaskFailureIsSaidPlainly() {
    Throwable spark = new RuntimeException("Job aborted", new OutOfMemoryError("Java heap space"));
    assertTrue(Kefu.describe(spark).startsWith("out of memory; give the JVM more heap"));
  }

  @Test
  void otherFailuresKeepTheirFirstLine() {
    assertEquals("IllegalStateException: boom",
        Kefu.describe(new IllegalStateException("boom\nsecond line")));
  }
}
