package kefu.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kefu.derive.DeriveRules;
import kefu.generate.BadRows;
import kefu.generate.GeneratorOptions;
import kefu.marts.Period;
import kefu.pipeline.ReviewRun;
import kefu.pipeline.ReviewSettings;
import kefu.pipeline.StageLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kefu bench}: throughput of the review stages on a generated history of N orders. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Generate N orders once (cached under data/bench/), run the full review on "
        + "them and print per stage: rows in, rows out, seconds, rows/s, heap.")
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--orders", defaultValue = "1000000", paramLabel = "N",
      description = "Orders (default: ${DEFAULT-VALUE}).")
  long orders;

  @Option(names = "--seed", defaultValue = "7", paramLabel = "S",
      description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--shops", defaultValue = "8", paramLabel = "N",
      description = "Shops (default: ${DEFAULT-VALUE}).")
  int shops;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Where the generated history is cached (default: data/bench/<N>-<seed>).")
  String data;

  @Option(names = "--bad-rows", defaultValue = "0", paramLabel = "SHARE",
      description = "Make this share of the order rows unreadable (e.g. 0.01), to measure "
          + "ingest with quarantined rows against clean input (default: ${DEFAULT-VALUE}).")
  double badRows;

  @Mixin CommonOptions common;

  @Mixin LanguageOption lang;

  @Override
  public Integer call() throws IOException {
    Path dir = data != null ? Path.of(data)
        : CommonOptions.home().resolve("data/bench").resolve(orders + "-" + seed);
    GeneratorOptions options = new GeneratorOptions(dir.toString(), orders, shops, seed,
        DemoCommand.FROM, DemoCommand.TO, common.timeZone);
    long t0 = System.nanoTime();
    boolean generated = SampleData.ensure(options, common);
    double generateSeconds = (System.nanoTime() - t0) / 1e9;
    long damaged = 0;
    if (badRows > 0) {
      Path dirty = dir.resolveSibling(dir.getFileName() + "-bad" + badRows);
      if (!Files.exists(dirty)) {
        damaged = BadRows.inject(dir, dirty, badRows, seed);
      }
      dir = dirty;
    }

    Period period = DemoCommand.lastCompleteQuarter(DemoCommand.TO);
    Path out = Files.createTempDirectory("kefu-bench-");
    try {
      ReviewSettings settings = new ReviewSettings(DemoCommand.sampleInputs(dir),
          common.configDir(), period.label(), out.resolve("review").toString(), null,
          common.timeZone, DeriveRules.defaults(), false, false, common.quiet,
          ReviewCommand.runId(period), lang.language());
      StageLog log = new StageLog(System.err, common.quiet);
      new ReviewRun(settings, log).execute();
      System.out.printf("kefu bench: %,d orders, %d shops, seed %d, %d cores, heap %,d MB%n",
          orders, shops, seed, Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20);
      if (badRows > 0) {
        System.out.printf("input: %s (%.2f%% of order rows unreadable%s)%n", dir, badRows * 100,
            damaged > 0 ? String.format(", %,d rows damaged now", damaged) : ", cached");
      }
      if (generated) {
        System.out.printf("generate: %.1f s (cached in %s for the next run)%n", generateSeconds,
            dir);
      }
      Printing.stageTable(log.stages());
      System.out.printf("total review: %.1f s%n",
          log.stages().stream().mapToDouble(StageLog.Stage::seconds).sum());
    } finally {
      try {
        SampleData.deleteTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ExitCodes.OK;
  }
}
