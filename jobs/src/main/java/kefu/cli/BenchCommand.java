package kefu.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import kefu.bench.BaselineStage;
import kefu.bench.DuckDbBaseline;
import kefu.derive.DeriveRules;
import kefu.generate.BadRows;
import kefu.generate.GeneratorOptions;
import kefu.ingest.InputPaths;
import kefu.marts.Period;
import kefu.pipeline.OutputFolder;
import kefu.pipeline.ReviewPeriods;
import kefu.pipeline.ReviewRun;
import kefu.pipeline.ReviewSettings;
import kefu.pipeline.ScratchDir;
import kefu.pipeline.StageLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kefu bench}: throughput of the review stages on a generated history of N orders. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Generate N orders once (cached under data/bench/), run the full review on "
        + "them from the Taobao CSV exports and from Parquet, and print per stage: rows in, "
        + "rows out, seconds, rows/s, peak live heap.")
public final class BenchCommand implements Callable<Integer> {
  /** Where a review reads its input from. */
  enum Input { csv, parquet }

  @Option(names = "--orders", defaultValue = "1000000", paramLabel = "N",
      description = "Orders (default: ${DEFAULT-VALUE}).")
  long orders;

  @Option(names = "--seed", defaultValue = "7", paramLabel = "S",
      description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--shops", defaultValue = "8", paramLabel = "N",
      description = "Shops (default: ${DEFAULT-VALUE}).")
  int shops;

  @Mixin MessagesPerOrderOption messages;

  @Mixin GzipOption compression;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Where the generated history is cached (default: data/bench/<N>-<seed>, "
          + "with -m<M> for --messages-per-order and -gz for --gzip).")
  String data;

  @Option(names = "--input", split = ",", defaultValue = "csv,parquet", paramLabel = "FORMAT",
      description = "Review from the Taobao CSV exports (csv), from canonical Parquet tables "
          + "(parquet: the CSV run's canonical output, cached beside the history), or both "
          + "(default: ${DEFAULT-VALUE}).")
  List<Input> inputs;

  @Option(names = "--baseline", paramLabel = "ENGINE",
      description = "Also run the shared aggregations (receptions, attribution, agent and "
          + "category metrics) in this engine over the same canonical Parquet and print the "
          + "ratio per stage. Only: duckdb (its driver is in jobs/target/bench-lib).")
  String baseline;

  @Option(names = "--baseline-alone",
      description = "With --baseline: run only the baseline, over the canonical Parquet that an "
          + "earlier CSV run of this history cached, against that run's Spark seconds. For "
          + "histories where Spark's caches and DuckDB do not fit in one process together: give "
          + "this run a small heap (KEFU_HEAP=2g) and DuckDB gets the memory.")
  boolean baselineAlone;

  @Option(names = "--bad-rows", defaultValue = "0", paramLabel = "SHARE",
      description = "Make this share of the order rows unreadable (e.g. 0.01), to measure "
          + "ingest with quarantined rows against clean input (default: ${DEFAULT-VALUE}).")
  double badRows;

  @Mixin CommonOptions common;

  @Mixin LanguageOption lang;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (baseline != null && !baseline.equals("duckdb")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--baseline: only duckdb is supported, not " + baseline);
    }
    if (baselineAlone && baseline == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--baseline-alone needs --baseline duckdb");
    }
    double messagesPerOrder = messages.value();
    String name = orders + "-" + seed + (messagesPerOrder > 0 ? "-m"
        + java.math.BigDecimal.valueOf(messagesPerOrder).stripTrailingZeros().toPlainString() : "")
        + (compression.gzip ? "-gz" : "");
    Path dir = data != null ? Path.of(data)
        : CommonOptions.home().resolve("data/bench").resolve(name);
    GeneratorOptions options = new GeneratorOptions(dir.toString(), orders, shops, seed,
        DemoCommand.FROM, DemoCommand.TO, common.timeZone, messagesPerOrder, compression.gzip);
    long t0 = System.nanoTime();
    // The baseline alone reads what earlier runs cached, and never generates.
    boolean generated = !baselineAlone && SampleData.ensure(options, common);
    double generateSeconds = (System.nanoTime() - t0) / 1e9;
    long damaged = 0;
    if (badRows > 0) {
      Path dirty = dir.resolveSibling(dir.getFileName() + "-bad" + badRows);
      if (!baselineAlone && !SampleData.madeFrom(dirty, dir)) {
        damaged = damage(dir, dirty);
      }
      dir = dirty;
    }
    CanonicalCache cache = new CanonicalCache(dir);
    if (baselineAlone && !cache.isCurrent()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--baseline-alone: no canonical Parquet cached for " + dir + "; run the CSV review "
              + "first (kefu bench --orders " + orders + " --input csv)");
    }
    cache.dropIfStale();
    Path parquet = cache.dir();
    // The Parquet input is the CSV run's canonical output: without a cached one, CSV runs first.
    Set<Input> runs = new LinkedHashSet<>();
    if (inputs.contains(Input.csv) || !Files.isDirectory(parquet)) {
      runs.add(Input.csv);
    }
    runs.addAll(inputs);

    Period period = DemoCommand.lastCompleteQuarter(DemoCommand.TO);
    try (ScratchDir scratch = ScratchDir.create("kefu-bench-")) {
      Path out = scratch.path();
      System.out.printf("kefu bench: %,d orders, %d shops, seed %d, %d cores, heap %,d MB%n",
          orders, shops, seed, Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20);
      if (generated) {
        System.out.printf("generate: %.1f s (cached in %s for the next run)%n", generateSeconds,
            dir);
      }
      if (badRows > 0) {
        System.out.printf("input: %s (%.2f%% of order rows unreadable%s)%n", dir, badRows * 100,
            damaged > 0 ? String.format(", %,d rows damaged now", damaged) : ", cached");
      }
      if (baselineAlone) {
        compareWithDuckDb(cache.sparkSeconds(), parquet, out, period);
        return ExitCodes.OK;
      }
      for (Input input : runs) {
        Path review = out.resolve(input.name()).resolve("review");
        InputPaths paths = input == Input.csv ? DemoCommand.sampleInputs(dir) : cache.inputs();
        String runId = ReviewCommand.runId(period);
        StageLog log = new StageLog(System.err, common.quiet);
        if (input == Input.csv) {
          Path staged = review.resolveSibling(OutputFolder.stagingName(review.getFileName()
              .toString(), runId)).resolve("canonical");
          log.afterEachStage(stage -> {
            try {
              cache.afterStage(stage, staged);
            } catch (IOException e) {
              throw new UncheckedIOException("cannot cache the canonical tables in " + parquet, e);
            }
          });
        }
        new ReviewRun(settings(paths, period, review, runId), log).execute();
        System.out.printf("%nreview from %s (%s)%n", input == Input.csv
            ? "the Taobao CSV exports" : "canonical Parquet", input == Input.csv ? dir : parquet);
        Printing.stageTable(log.stages());
        System.out.printf(Locale.ROOT, "total review: %.1f s%n%n",
            log.stages().stream().mapToDouble(StageLog.Stage::seconds).sum());
        Printing.workTable(log.stages());
        if (baseline != null && inputs.contains(input)) {
          compareWithDuckDb(secondsByStage(log.stages()), review.resolve("canonical"),
              review.resolveSibling("duckdb"), period);
        }
      }
    }
    return ExitCodes.OK;
  }

  private ReviewSettings settings(InputPaths paths, Period period, Path review, String runId) {
    return new ReviewSettings(paths, common.configDir(), period.label(), review.toString(), null,
        common.timeZone, DeriveRules.defaults(), false, false, common.quiet, runId,
        lang.language(), null);
  }

  /** Each stage's seconds, by stage name. */
  private static Map<String, Double> secondsByStage(List<StageLog.Stage> stages) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    stages.forEach(s -> seconds.merge(s.name(), s.seconds(), Double::sum));
    return seconds;
  }

  /**
   * The DuckDB baseline over {@code canonical}, with its outputs and spill files in
   * {@code work}, and Spark's seconds against it ({@code -} for a stage Spark did not record).
   */
  private void compareWithDuckDb(Map<String, Double> spark, Path canonical, Path work,
      Period period) {
    Path driver = CommonOptions.home().resolve("jobs/target/bench-lib/duckdb_jdbc.jar");
    List<BaselineStage> duck;
    String version;
    try (var connection = DuckDbBaseline.connect(driver,
        Runtime.getRuntime().availableProcessors())) {
      version = connection.getMetaData().getDatabaseProductVersion();
      duck = DuckDbBaseline.run(connection, canonical.toString(), work.toString(),
          DeriveRules.defaults(), ReviewPeriods.of(period), common.timeZone);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("DuckDB baseline failed: " + e.getMessage(), e);
    }
    System.out.printf("%nthe same derived tables and marts, Spark against DuckDB %s on the same "
        + "canonical Parquet:%n", version);
    System.out.printf(Locale.ROOT, "%-10s %14s %14s %12s %12s %8s%n", "stage", "rows in",
        "rows out", "Spark s", "DuckDB s", "ratio");
    boolean oneFactsQuery = spark.containsKey(FACTS);
    for (BaselineStage d : duck) {
      Double sparkSeconds = sparkSeconds(spark, d.name());
      System.out.printf(Locale.ROOT, "%-10s %,14d %,14d %12s %12.1f %8s%n", d.name(),
          d.rowsIn(), d.rowsOut(),
          sparkSeconds == null ? "-" : String.format(Locale.ROOT, "%.1f", sparkSeconds),
          d.seconds(), sparkSeconds == null ? "-"
              : String.format(Locale.ROOT, "%.2fx", sparkSeconds / d.seconds()));
    }
    if (oneFactsQuery) {
      System.out.println("Spark's marts: its facts query plus the marts stage. That one query also"
          + " computes the pay, seasonal and sourcing aggregates, so Spark does more work than"
          + " DuckDB here and the ratio is an upper bound.");
    }
  }

  private static final String FACTS = "facts";

  /**
   * Spark's seconds for a baseline stage. The marts' aggregates are computed in the facts query
   * together with those of pay, seasonal and sourcing: the marts' seconds are that query's plus
   * the marts stage's own.
   */
  private static Double sparkSeconds(Map<String, Double> spark, String stage) {
    Double seconds = spark.get(stage);
    if (stage.equals("marts") && spark.containsKey(FACTS)) {
      return spark.get(FACTS) + (seconds == null ? 0 : seconds);
    }
    return seconds;
  }

  /** The history with a share of unreadable order rows, made aside and moved into place. */
  private long damage(Path history, Path dirty) throws IOException {
    Path tmp = dirty.resolveSibling("." + dirty.getFileName() + ".damaging");
    SampleData.deleteTree(tmp);
    long damaged = BadRows.inject(history, tmp, badRows, seed);
    SampleData.copyStamp(history, tmp);
    SampleData.deleteTree(dirty);
    Files.move(tmp, dirty, StandardCopyOption.ATOMIC_MOVE);
    return damaged;
  }
}
