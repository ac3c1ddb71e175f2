package kefu.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;
import kefu.derive.DeriveRules;
import kefu.ingest.InputPaths;
import kefu.testing.SparkTestSession;

/**
 * One generated history (3,000 orders, 2 shops, 2025H2, with its 赤兔 per-agent exports) and one
 * Chinese review of its 2025Q4 (orders, refunds, ratings, chats, roster and the exports, which it
 * cross-checks against the chats), shared by the end-to-end tests: a review costs a minute of
 * fixed Spark overhead on two cores, and the tests only read its outputs (canonical tables under
 * {@code out}).
 *
 * <p>Under Maven the test JVMs side by side share one run, in the folder {@code
 * kefu.sampleRun.dir} names (one per build, in {@code target/}): the first JVM to ask builds it
 * under a file lock while the others wait for it, instead of each building its own. Without that
 * property (a test run from an IDE) the run is this JVM's and removed when it exits.
 */
public final class SampleRun {
  static final String SHARED_DIR_PROPERTY = "kefu.sampleRun.dir";
  private static final String LOG = "run.log";
  private static final String NOTEBOOK = "notebook-path.txt";
  private static final String COMPLETE = "complete";
  /** The run's folders inside its root: written by {@link #buildIn}, read by the constructor. */
  private static final String SAMPLE = "sample";
  private static final String CONFIG = "config";
  private static final String OUT = "reports/review";
  private static final String NOTEBOOKS = "notebooks";

  final Path root;
  final Path sample;
  final Path config;
  public final Path out;
  final Path notebooks;
  final InputPaths inputs;
  /** The notebook the review exported. */
  final Path notebook;
  /** Everything the run printed (progress, stage lines). */
  final String log;

  private static SampleRun instance;

  public static synchronized SampleRun get() throws IOException {
    if (instance == null) {
      String shared = System.getProperty(SHARED_DIR_PROPERTY);
      instance = shared == null
          // never closed: shared by the test classes, deleted when the test JVM exits
          ? buildIn(ScratchDir.create("kefu-sample-run-").path())
          : shared(Path.of(shared).toAbsolutePath());
    }
    return instance;
  }

  /** The run in {@code root}, built there by the first JVM to take the lock. */
  private static SampleRun shared(Path root) throws IOException {
    Files.createDirectories(root.getParent());
    Path lockFile = root.resolveSibling(root.getFileName() + ".lock");
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock held = channel.lock()) {
      if (Files.exists(root.resolve(COMPLETE))) {
        return new SampleRun(root);
      }
      removeEarlierRuns(root); // and the part of ours a JVM that died left
      SampleRun run = buildIn(root);
      Files.createFile(root.resolve(COMPLETE));
      return run;
    }
  }

  /** Earlier builds' runs (the pom names them sample-run-BUILDTIME), and ours unfinished. */
  private static void removeEarlierRuns(Path root) throws IOException {
    try (Stream<Path> siblings = Files.list(root.getParent())) {
      for (Path p : (Iterable<Path>) siblings::iterator) {
        String name = p.getFileName().toString();
        if (name.startsWith("sample-run-") && Files.isDirectory(p)) {
          try (Stream<Path> tree = Files.walk(p).sorted(Comparator.reverseOrder())) {
            for (Path f : (Iterable<Path>) tree::iterator) {
              Files.delete(f);
            }
          }
        }
      }
    }
  }

  private static SampleRun buildIn(Path root) throws IOException {
    Path sample = root.resolve(SAMPLE);
    kefu.generate.ShopHistoryGenerator.generate(SparkTestSession.get(),
        new kefu.generate.GeneratorOptions(sample.toString(), 3000, 2, 11,
            LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31), "Asia/Shanghai")
            // read beside the chats and cross-checked: AgentExportsReviewTest
            .withAgentExports(),
        kefu.calendar.PromotionCalendar.defaults());
    Path config = copyCommittedConfig(root.resolve(CONFIG));
    // A fixed pseudonym key: the same buyer keys in every test JVM, so the outputs can be pinned.
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, (byte) 7);
    Path keyFile = config.resolve(kefu.ingest.PseudonymKey.FILE_NAME);
    Files.write(keyFile, key);
    Files.setPosixFilePermissions(keyFile,
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ReviewResult result = new ReviewRun(settings(root),
        new StageLog(new PrintStream(printed, true, StandardCharsets.UTF_8), false))
        .execute(SparkTestSession.get());
    Files.write(root.resolve(LOG), printed.toByteArray());
    Files.writeString(root.resolve(NOTEBOOK), result.notebook());
    return new SampleRun(root);
  }

  /** A run built in {@code root}. */
  private SampleRun(Path root) throws IOException {
    this.root = root;
    sample = root.resolve(SAMPLE);
    config = root.resolve(CONFIG);
    out = root.resolve(OUT);
    notebooks = root.resolve(NOTEBOOKS);
    inputs = kefu.cli.DemoCommand.sampleInputs(sample);
    notebook = Path.of(Files.readString(root.resolve(NOTEBOOK)));
    log = Files.readString(root.resolve(LOG));
  }

  /** A Chinese review of the sample's 2025Q4 in {@code root}, notebook included. */
  private static ReviewSettings settings(Path root) {
    return new ReviewSettings(kefu.cli.DemoCommand.sampleInputs(root.resolve(SAMPLE)),
        root.resolve(CONFIG).toString(), "2025Q4", root.resolve(OUT).toString(), null,
        "Asia/Shanghai", DeriveRules.defaults(), false, false, false, "first", "zh",
        root.resolve(NOTEBOOKS).toString());
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
