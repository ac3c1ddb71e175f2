package kefu.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The shared folder of real public data sets, kept outside the repository (the full 5,001-tweet
 * twcs head among them; data/samples holds a copy of the Tmall export and a 1,000-tweet slice,
 * with their licences, for the README's examples). Maven passes {@code kefu.shared.dir} (the checkout's ../shared);
 * KEFU_SHARED_DIR overrides it; /work/shared is the fallback of this project's machines.
 */
public final class SharedData {
  private SharedData() {}

  public static Path dir() {
    for (String candidate : new String[] {System.getenv("KEFU_SHARED_DIR"),
        System.getProperty("kefu.shared.dir"), "/work/shared"}) {
      if (candidate != null && Files.isDirectory(Paths.get(candidate, "data"))) {
        return Paths.get(candidate);
      }
    }
    throw new IllegalStateException("shared data folder not found: set KEFU_SHARED_DIR to the "
        + "folder holding data/tmall_order_report and data/twcs");
  }
}
