package kefu.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kefu.derive.DeriveRules;
import kefu.generate.AgentExportFiles;
import kefu.generate.GeneratorOptions;
import kefu.ingest.InputPaths;
import kefu.marts.Period;
import kefu.pipeline.ReviewResult;
import kefu.pipeline.ReviewRun;
import kefu.pipeline.ReviewSettings;
import kefu.pipeline.StageLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kefu demo}: the sample shop history, reviewed end to end. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Generate the sample shop history into data/sample/ (skipped when present and "
        + "current) and review its latest complete quarter against the one before.")
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--orders", defaultValue = "200000", paramLabel = "N",
      description = "Orders in the sample (default: ${DEFAULT-VALUE}).")
  long orders;

  @Option(names = "--seed", defaultValue = "20251111", paramLabel = "S",
      description = "Sample seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder (default: reports/<run-id>/ of the kefu checkout).")
  String out;

  @Mixin CommonOptions common;

  @Mixin LanguageOption lang;

  @Mixin NotebookOption notebook;

  static final LocalDate FROM = LocalDate.of(2024, 1, 1);
  static final LocalDate TO = LocalDate.of(2025, 12, 31);

  @Override
  public Integer call() {
    Path sample = CommonOptions.home().resolve("data/sample");
    GeneratorOptions options = new GeneratorOptions(sample.toString(), orders, 4, seed, FROM, TO,
        common.timeZone);
    if (!SampleData.ensure(options, common) && !common.quiet) {
      System.err.println("[kefu] sample in " + sample + " is current; not regenerating");
    }
    Period period = lastCompleteQuarter(TO);
    String runId = ReviewCommand.runId(period);
    ReviewSettings settings = new ReviewSettings(sampleInputs(sample), common.configDir(),
        period.label(),
        out != null ? out : CommonOptions.home().resolve("reports").resolve(runId).toString(),
        null, common.timeZone, DeriveRules.defaults(), false, false, common.quiet, runId,
        lang.language(), notebook.dir(out != null));
    ReviewResult result = new ReviewRun(settings, new StageLog(System.err, common.quiet))
        .execute();
    Printing.result(result);
    return ExitCodes.OK;
  }

  /**
   * The folders {@code kefu generate} writes, as review inputs; its per-agent exports too when it
   * wrote them ({@code --agent-exports}), so the review cross-checks them against the chats.
   */
  public static InputPaths sampleInputs(Path sample) {
    List<String> exports = Stream.of(AgentExportFiles.PRESALES_FOLDER,
            AgentExportFiles.HOURLY_FOLDER)
        .map(sample::resolve).filter(Files::isDirectory).map(Path::toString).toList();
    return new InputPaths(
        List.of(sample.resolve("orders").toString(), sample.resolve("order_lines").toString()),
        List.of(sample.resolve("refunds").toString()),
        List.of(sample.resolve("ratings").toString()),
        List.of(sample.resolve("chats").toString()),
        List.of(sample.resolve("agents.csv").toString()), exports);
  }

  /** The last quarter that ends on or before {@code lastDay}. */
  static Period lastCompleteQuarter(LocalDate lastDay) {
    Period q = Period.parse(lastDay.getYear() + "Q" + ((lastDay.getMonthValue() - 1) / 3 + 1));
    return q.endExclusive().isAfter(lastDay.plusDays(1)) ? q.previous() : q;
  }
}
