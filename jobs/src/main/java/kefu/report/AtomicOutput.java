package kefu.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * Produces an output folder all at once: the content is written into a temporary sibling
 * (outDir.tmp-&lt;random&gt;) and only renamed into place when complete. If anything fails, the
 * temporary folder is removed and a previous outDir stays as it was.
 */
public final class AtomicOutput {
  private AtomicOutput() {}

  public interface Body {
    void writeInto(Path dir) throws IOException;
  }

  public static void write(Path outDir, Body body) {
    Path target = outDir.toAbsolutePath().normalize();
    Path tmp = null;
    try {
      Files.createDirectories(target.getParent());
      tmp = Files.createDirectory(sibling(target, "tmp"));
      body.writeInto(tmp);
      replace(tmp, target);
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + target, e);
    } finally {
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
  }

  /** Renames {@code ready} to {@code target}; an existing target is set aside, then removed. */
  private static void replace(Path ready, Path target) throws IOException {
    if (!Files.exists(target)) {
      move(ready, target);
      return;
    }
    Path old = sibling(target, "old");
    move(target, old);
    try {
      move(ready, target);
    } catch (IOException e) {
      move(old, target); // put the previous report back
      throw e;
    }
    deleteQuietly(old);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static Path sibling(Path target, String kind) {
    return target.resolveSibling(target.getFileName() + "." + kind + "-"
        + UUID.randomUUID().toString().substring(0, 8));
  }

  static void deleteQuietly(Path dir) {
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          Files.deleteIfExists(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException ignored) {
      // best effort: a leftover temporary folder is harmless and clearly named
    }
  }
}
