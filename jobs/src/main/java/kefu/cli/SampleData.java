package kefu.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import kefu.calendar.PromotionCalendar;
import kefu.generate.GeneratorOptions;
import kefu.generate.GeneratorSummary;
import kefu.generate.ShopHistoryGenerator;
import kefu.pipeline.StageLog;
import kefu.spark.Sessions;
import org.apache.spark.sql.SparkSession;

/**
 * Generated sample histories for the demo and the benchmark: generated into a temporary sibling
 * and moved into place, with a stamp of the options, so a folder that is present is complete and
 * is regenerated only when the options change.
 */
final class SampleData {
  private SampleData() {}

  private static final String STAMP = ".kefu-sample";

  /** Generates unless {@code options.outDir()} already holds a complete sample of these options. */
  static boolean ensure(GeneratorOptions options, CommonOptions common) {
    Path dir = Paths.get(options.outDir());
    if (stamp(options).equals(readStamp(dir))) {
      return false;
    }
    generate(options, common);
    return true;
  }

  static GeneratorSummary generate(GeneratorOptions options, CommonOptions common) {
    Path dir = Paths.get(options.outDir()).toAbsolutePath();
    Path tmp = dir.resolveSibling("." + dir.getFileName() + ".generating");
    StageLog log = new StageLog(System.err, common.quiet);
    SparkSession spark = Sessions.create("kefu generate", common.timeZone, null);
    log.reportProgress(kefu.pipeline.SparkProgress.attach(spark));
    try {
      deleteTree(tmp);
      GeneratorOptions into = options.withOutDir(tmp.toString());
      PromotionCalendar calendar = PromotionCalendar.readOrDefaults(
          Paths.get(common.configDir()));
      GeneratorSummary summary = log.run("generate",
          () -> ShopHistoryGenerator.generate(spark, into, calendar),
          s -> new StageLog.Counts(options.orders(), s.orders() + s.chatMessages()));
      Files.writeString(tmp.resolve(STAMP), stamp(options), StandardCharsets.UTF_8);
      deleteTree(dir);
      Files.createDirectories(dir.getParent());
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      return summary.in(dir.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sample into " + dir + ": " + e.getMessage(),
          e);
    } finally {
      spark.stop();
    }
  }

  private static String stamp(GeneratorOptions o) {
    String stamp = String.join("\n", "format=1", "orders=" + o.orders(), "shops=" + o.shops(),
        "seed=" + o.seed(), "from=" + o.from(), "to=" + o.to(), "time_zone=" + o.timeZone(), "");
    // Only when set, so the stamps of samples with natural chats and plain CSV stay valid.
    if (o.messagesPerOrder() > 0) {
      stamp += "messages_per_order=" + o.messagesPerOrder() + "\n";
    }
    if (o.agentExports()) {
      stamp += "agent_exports=true\n";
    }
    return o.gzip() ? stamp + "gzip=true\n" : stamp;
  }

  /**
   * True when {@code derived} (a copy or the canonical tables of a sample) was made from the
   * sample now in {@code sample}: both carry the same stamp.
   */
  static boolean madeFrom(Path derived, Path sample) {
    String stamp = readStamp(sample);
    return !stamp.isEmpty() && stamp.equals(readStamp(derived));
  }

  /** Marks {@code derived} as made from {@code sample} (see {@link #madeFrom}). */
  static void copyStamp(Path sample, Path derived) throws IOException {
    Files.copy(sample.resolve(STAMP), derived.resolve(STAMP), StandardCopyOption.REPLACE_EXISTING);
  }

  private static String readStamp(Path dir) {
    try {
      return Files.readString(dir.resolve(STAMP), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
