package kefu.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kefu.ingest.InputPaths;
import kefu.pipeline.StageLog;

/**
 * The benchmark's cache of a CSV review's canonical Parquet, beside the history it was read from
 * and stamped with it, together with the seconds Spark spent per stage (what the DuckDB baseline
 * is compared with). It is kept as each stage ends, not after the whole review: a 50M-order
 * review outlasts a working session, and a stopped run then leaves its 73 minutes of ingest and
 * the seconds of every finished stage for the next one.
 */
final class CanonicalCache {
  static final String SPARK_SECONDS = "spark-seconds.tsv";

  private final Path history;
  private final Path dir;

  CanonicalCache(Path history) {
    this.history = history;
    this.dir = history.resolveSibling(history.getFileName() + "-canonical");
  }

  Path dir() {
    return dir;
  }

  /** True when the cache holds the canonical tables of the history now in place. */
  boolean isCurrent() {
    return SampleData.madeFrom(dir, history);
  }

  /** Removes the canonical tables of an earlier history, so nothing compares against them. */
  void dropIfStale() throws IOException {
    if (Files.isDirectory(dir) && !isCurrent()) {
      SampleData.deleteTree(dir);
    }
  }

  /** The cached tables as the inputs of a review. */
  InputPaths inputs() {
    return new InputPaths(table("orders"), table("refunds"), table("ratings"), table("chats"),
        table("agents"));
  }

  private List<String> table(String name) {
    return List.of(dir.resolve(name).toString());
  }

  /**
   * After each stage of a CSV review whose canonical tables are in {@code staged}: once ingest
   * has written them they are cached (if not already), then every stage's seconds are recorded.
   */
  void afterStage(StageLog.Stage stage, Path staged) throws IOException {
    if (stage.name().equals("ingest") && !Files.isDirectory(dir)) {
      keep(staged);
    }
    if (Files.isDirectory(dir)) {
      Map<String, Double> seconds = sparkSeconds();
      seconds.put(stage.name(), stage.seconds());
      StringBuilder tsv = new StringBuilder();
      seconds.forEach((name, s) -> tsv.append(name).append('\t')
          .append(String.format(Locale.ROOT, "%.1f", s)).append('\n'));
      Files.writeString(dir.resolve(SPARK_SECONDS), tsv);
    }
  }

  /** The seconds per stage recorded so far, in stage order; none for a cache without them. */
  Map<String, Double> sparkSeconds() throws IOException {
    Map<String, Double> seconds = new LinkedHashMap<>();
    Path file = dir.resolve(SPARK_SECONDS);
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        String[] cells = line.split("\t");
        seconds.put(cells[0], Double.parseDouble(cells[1]));
      }
    }
    return seconds;
  }

  /**
   * The Parquet part files of {@code staged}, hard-linked where the file system allows (instant,
   * and Spark never rewrites a file it wrote) or copied, into a temporary sibling moved into place.
   */
  private void keep(Path staged) throws IOException {
    Path tmp = dir.resolveSibling("." + dir.getFileName() + ".copying");
    SampleData.deleteTree(tmp);
    List<Path> files = new ArrayList<>();
    try (var walk = Files.walk(staged)) {
      walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).forEach(files::add);
    }
    for (Path f : files) {
      Path target = tmp.resolve(staged.relativize(f).toString());
      Files.createDirectories(target.getParent());
      try {
        Files.createLink(target, f);
      } catch (IOException | UnsupportedOperationException crossDevice) {
        Files.copy(f, target);
      }
    }
    SampleData.copyStamp(history, tmp);
    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
  }
}
