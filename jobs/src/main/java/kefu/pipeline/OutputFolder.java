package kefu.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The run's output folder on any Hadoop file system. Everything is written into a hidden staging
 * sibling and moved into place at the end, so a failed or killed run never leaves a half-written
 * report and the previous report stays intact. A lock file keeps two runs from interleaving.
 */
public final class OutputFolder implements AutoCloseable {
  private final FileSystem fs;
  private final Path target;
  private final Path staging;
  private final Path lock;
  private boolean published;

  private OutputFolder(FileSystem fs, Path target, String runId) {
    this.fs = fs;
    this.target = target;
    this.staging = new Path(target.getParent(), stagingName(target.getName(), runId));
    this.lock = new Path(target.getParent(), "." + target.getName() + ".lock");
  }

  /** The name of the staging folder run {@code runId} writes beside the folder {@code name}. */
  public static String stagingName(String name, String runId) {
    return "." + name + ".staging-" + runId;
  }

  /** Takes the lock on {@code out} and creates an empty staging folder beside it. */
  public static OutputFolder open(String out, String runId, Configuration conf) {
    try {
      Path p = new Path(out);
      FileSystem fs = p.getFileSystem(conf);
      OutputFolder folder = new OutputFolder(fs, fs.makeQualified(p), runId);
      folder.acquireLock();
      folder.removeAbandonedStaging();
      fs.mkdirs(folder.staging);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare output folder " + out + ": " + e.getMessage(), e);
    }
  }

  private void acquireLock() throws IOException {
    fs.mkdirs(target.getParent());
    String owner = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
    if (fs.exists(lock) && isStale()) {
      fs.delete(lock, false);
    }
    try (FSDataOutputStream o = fs.create(lock, false)) {
      o.write(owner.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new OutputLockedException("another kefu run is writing " + target
          + " (lock " + lock + " held by " + readOwner() + "); wait for it or remove the lock");
    }
  }

  /**
   * Staging folders of killed runs (only possible once their lock went stale, since we hold it
   * now) are half-written by definition: remove them so they never pile up or get mistaken for
   * output.
   */
  private void removeAbandonedStaging() throws IOException {
    String prefix = stagingName(target.getName(), "");
    for (org.apache.hadoop.fs.FileStatus s : fs.listStatus(target.getParent())) {
      if (s.isDirectory() && s.getPath().getName().startsWith(prefix)) {
        fs.delete(s.getPath(), true);
      }
    }
  }

  /** A lock left by a killed run on this host (its process is gone) may be taken over. */
  private boolean isStale() throws IOException {
    String owner = readOwner();
    String[] parts = owner.split("@", 2);
    String host = ManagementFactory.getRuntimeMXBean().getName().split("@", 2)[1];
    if (parts.length != 2 || !parts[1].equals(host)) {
      return false;
    }
    try {
      return ProcessHandle.of(Long.parseLong(parts[0])).map(ph -> !ph.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private String readOwner() {
    try (var in = fs.open(lock)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Where this run writes: a path string usable by Spark and by Hadoop FS. */
  public String staging(String child) {
    return new Path(staging, child).toString();
  }

  /** Writes a driver-held table (a mart) as Parquet at {@code child} of the staging folder. */
  public void writeTable(String child, kefu.table.LocalTable table) {
    kefu.table.ParquetTableWriter.write(table, staging(child), fs.getConf());
  }

  public Path stagingPath() {
    return staging;
  }

  public Path target() {
    return target;
  }

  /** The target as a user reads it: a plain path when local, the full URI otherwise. */
  public String displayTarget() {
    return isLocal() ? target.toUri().getPath() : target.toString();
  }

  public FileSystem fileSystem() {
    return fs;
  }

  public boolean isLocal() {
    return "file".equals(fs.getUri().getScheme());
  }

  /**
   * Lets a local-only writer (POI, JSON) add files to the staging folder: it writes into a fresh
   * local folder whose entries are then copied in, so the same code serves local and remote output.
   */
  public void writeLocally(java.util.function.Consumer<java.nio.file.Path> writer) {
    try (ScratchDir tmp = ScratchDir.create("kefu-out-")) {
      java.nio.file.Path dir = tmp.path().resolve("out");
      writer.accept(dir);
      try (var entries = java.nio.file.Files.list(dir)) {
        for (java.nio.file.Path entry : (Iterable<java.nio.file.Path>) entries::iterator) {
          fs.copyFromLocalFile(false, true, new Path(entry.toUri()),
              new Path(staging, entry.getFileName().toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report: " + e.getMessage(), e);
    }
  }

  /** Replaces the target with the staging folder: the only moment the visible output changes. */
  public void publish() {
    try {
      Path old = new Path(target.getParent(), "." + target.getName() + ".previous");
      fs.delete(old, true);
      if (fs.exists(target) && !fs.rename(target, old)) {
        throw new IOException("could not move the previous report aside");
      }
      if (!fs.rename(staging, target)) {
        fs.rename(old, target);
        throw new IOException("could not move " + staging + " to " + target);
      }
      fs.delete(old, true);
      published = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + target + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      if (!published) {
        fs.delete(staging, true);
      }
      fs.delete(lock, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Raised when another run holds the output folder. */
  public static final class OutputLockedException extends RuntimeException {
    public OutputLockedException(String message) {
      super(message);
    }
  }
}
