package kefu.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The shared folder of real public data sets (kept outside the repository: their licences do
 * not allow redistribution). Maven passes {@code kefu.shared.dir} (the checkout's ../shared);
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
