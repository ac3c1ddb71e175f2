package kefu.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import kefu.testing.OutputSnapshot;

/**
 * The tables a review writes (canonical, rejects, derived, marts), pinned row for row (canonical
 * and derived by digest): a restructuring of any stage must leave every one of them equal. The pinned snapshots are in
 * {@code src/test/resources/pinned/}; after a deliberate change of results, refresh them with
 * {@code ./mvnw -B verify -Dkefu.pin.update=true} and explain the diff in the commit.
 */
final class PinnedOutputsTest {
  static final Path PINNED = ReviewRunTest.REPO.resolve("jobs/src/test/resources/pinned");

  private PinnedOutputsTest() {}

  /**
   * Fails with every differing table when {@code out} does not hold the pinned tables; the
   * {@code inputs} folder is written as $INPUTS in source_file.
   */
  static void assertPinned(String name, Path out, Path inputs) throws IOException {
    TreeMap<String, List<String>> actual = OutputSnapshot.pinned(OutputSnapshot.of(out,
        java.util.Map.of("INPUTS", inputs)));
    Path dir = PINNED.resolve(name);
    if (Boolean.getBoolean("kefu.pin.update")) {
      OutputSnapshot.write(actual, dir);
    }
    List<String> differences = OutputSnapshot.differences(OutputSnapshot.read(dir), actual);
    assertEquals("", String.join("\n", differences), "tables differ from " + dir);
  }
}
