package kefu.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * A local temporary folder, deleted when closed and also when the JVM is stopped before that
 * (Ctrl-C, {@code kill}): a 50M-order bench stopped mid-run left 54 GB of spill files in the
 * temp folder, and the next run nearly filled the disk. Only a hard kill (SIGKILL) leaves it.
 */
public final class ScratchDir implements AutoCloseable {
  private final Path path;
  private final Thread deleteAtExit;

  private ScratchDir(Path path) {
    this.path = path;
    this.deleteAtExit = new Thread(() -> deleteQuietly(path), "kefu-scratch-delete");
    Runtime.getRuntime().addShutdownHook(deleteAtExit);
  }

  /** A new folder in the JVM's temp folder, its name starting with {@code prefix}. */
  public static ScratchDir create(String prefix) {
    try {
      return new ScratchDir(Files.createTempDirectory(prefix));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder: " + e.getMessage(), e);
    }
  }

  public Path path() {
    return path;
  }

  /** The shutdown hook that deletes the folder if the JVM stops before {@link #close}. */
  Thread deleteAtExit() {
    return deleteAtExit;
  }

  @Override
  public void close() {
    deleteQuietly(path);
    try {
      Runtime.getRuntime().removeShutdownHook(deleteAtExit);
    } catch (IllegalStateException shuttingDown) {
      // closed from another shutdown hook: this one runs too and finds nothing to delete
    }
  }

  /** Deletes {@code dir} and everything in it, as far as it can: scratch space only. */
  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a file vanished while walking (another thread still writing at exit): nothing to keep
    }
  }
}
