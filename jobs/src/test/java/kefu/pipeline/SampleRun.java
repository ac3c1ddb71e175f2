package kefu.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import kefu.derive.DeriveRules;
import kefu.ingest.InputPaths;
import kefu.testing.SparkTestSession;

/**
 * One generated history (3,000 orders, 2 shops, 2025H2, with its 赤兔 per-agent exports) and one
 * Chinese review of its 2025Q4 (orders, refunds, ratings, chats, roster and the exports, which it
 * cross-checks against the chats),
 * shared by the end-to-end tests of a test JVM: a review costs minutes of fixed Spark overhead
 * on two cores, and the tests only read its outputs (canonical tables under {@code out}). The folder is removed when the JVM exits.
 */
public final class SampleRun {
  final Path root;
  final Path sample;
  final Path config;
  public final Path out;
  final Path notebooks;
  final InputPaths inputs;
  final ReviewResult result;
  /** Everything the run printed (progress, stage lines). */
  final String log;

  private static SampleRun instance;

  public static synchronized SampleRun get() throws IOException {
    if (instance == null) {
      // never closed: shared by the test classes, deleted when the test JVM exits
      instance = new SampleRun(ScratchDir.create("kefu-sample-run-").path());
    }
    return instance;
  }

  private SampleRun(Path root) throws IOException {
    this.root = root;
    sample = root.resolve("sample");
    kefu.generate.ShopHistoryGenerator.generate(SparkTestSession.get(),
        new kefu.generate.GeneratorOptions(sample.toString(), 3000, 2, 11,
            LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31), "Asia/Shanghai")
            // read beside the chats and cross-checked: AgentExportsReviewTest
            .withAgentExports(),
        kefu.calendar.PromotionCalendar.defaults());
    config = copyCommittedConfig(root.resolve("config"));
    // A fixed pseudonym key: the same buyer keys in every test JVM, so the outputs can be pinned.
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, (byte) 7);
    Path keyFile = config.resolve(kefu.ingest.PseudonymKey.FILE_NAME);
    Files.write(keyFile, key);
    Files.setPosixFilePermissions(keyFile,
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    out = root.resolve("reports/review");
    notebooks = root.resolve("notebooks");
    inputs = kefu.cli.DemoCommand.sampleInputs(sample);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    result = new ReviewRun(settings(out, "first"),
        new StageLog(new PrintStream(printed, true, StandardCharsets.UTF_8), false))
        .execute(SparkTestSession.get());
    log = printed.toString(StandardCharsets.UTF_8);
  }

  /** A Chinese review of the sample's 2025Q4 into {@code target}, notebook included. */
  ReviewSettings settings(Path target, String runId) {
    return new ReviewSettings(inputs, config.toString(), "2025Q4", target.toString(), null,
        "Asia/Shanghai", DeriveRules.defaults(), false, false, false, runId, "zh",
        notebooks.toString());
  }

  /** The project's committed config files (not its pseudonymisation key). */
  static Path copyCommittedConfig(Path config) throws IOException {
    Files.createDirectories(config);
    try (Stream<Path> files = Files.list(ReviewRunTest.REPO.resolve("data/config"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (!f.getFileName().toString().startsWith(".")) {
          Files.copy(f, config.resolve(f.getFileName()));
        }
      }
    }
    return config;
  }
}
