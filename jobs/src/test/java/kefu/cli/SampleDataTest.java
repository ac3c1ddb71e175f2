package kefu.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's derived caches (damaged copies, canonical tables) follow their history. */
class SampleDataTest {
  @TempDir Path tmp;

  @Test
  void aDerivedCacheIsCurrentOnlyWhileItsHistoryHasTheSameStamp() throws Exception {
    Path history = Files.createDirectories(tmp.resolve("5000-7"));
    Path canonical = Files.createDirectories(tmp.resolve("5000-7-canonical"));
    assertFalse(SampleData.madeFrom(canonical, history), "no stamps: not current");

    Files.writeString(history.resolve(".kefu-sample"), "format=1\norders=5000\n");
    assertFalse(SampleData.madeFrom(canonical, history), "an unstamped cache is not current");
    SampleData.copyStamp(history, canonical);
    assertTrue(SampleData.madeFrom(canonical, history));

    Files.writeString(history.resolve(".kefu-sample"), "format=1\norders=5000\nshops=8\n");
    assertFalse(SampleData.madeFrom(canonical, history), "the history was regenerated");
  }
}
