package kefu.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kefu.facts.ExportFacts;
import kefu.ingest.CategoryMaster;
import kefu.ingest.IngestOptions;
import kefu.ingest.IngestedTables;
import kefu.ingest.ListedInputs;
import kefu.ingest.PseudonymKey;
import kefu.marts.Period;
import kefu.notebook.NotebookExport;
import kefu.pay.PayslipWords;
import kefu.present.ReviewReportAssembler;
import kefu.report.ReviewReport;
import kefu.spark.Sessions;
import org.apache.spark.sql.SparkSession;

/**
 * One quarterly review, stage by stage: ingest → derive → facts → marts → pay → seasonal →
 * sourcing → report, into a staging folder published whole at the end. The conductor only: each
 * stage is a {@link Stage} with its own inputs and result. Spark does the row-level work of
 * ingest and derive and one query of the aggregates every later stage declares (facts);
 * everything computed on aggregates is plain Java, and only aggregates reach the driver.
 */
public final class ReviewRun {
  private final ReviewSettings settings;
  private final StageLog log;

  public ReviewRun(ReviewSettings settings, StageLog log) {
    this.settings = settings;
    this.log = log;
  }

  /**
   * Runs in its own embedded (or spark-submit provided) session, stopped at the end. The period,
   * the config, the input paths and the exports' headers are checked before Spark starts: a
   * mistake is answered in a second.
   */
  public ReviewResult execute() {
    Period period = Period.parse(settings.period());
    // The inputs first: a mistyped path, the commonest mistake, is answered before the config
    // workbooks are opened.
    ListedInputs inputs = ListedInputs.check(settings.inputs(), Sessions.hadoopConfiguration());
    RunConfig config = RunConfig.load(settings.configDir());
    byte[] key = PseudonymKey.loadOrCreate(Paths.get(settings.configDir()));
    try (ScratchDir sparkLocal = localScratch()) {
      SparkSession spark = Sessions.create("kefu review " + period.label(), settings.timeZone(),
          sparkLocal.path());
      try {
        return execute(spark, period, key, config, inputs);
      } finally {
        spark.stop();
      }
    }
  }

  /** Runs in the given session (tests share one). */
  public ReviewResult execute(SparkSession spark) {
    Period period = Period.parse(settings.period());
    RunConfig config = RunConfig.load(settings.configDir());
    return execute(spark, period, PseudonymKey.loadOrCreate(Paths.get(settings.configDir())),
        config, ListedInputs.check(settings.inputs(), spark.sparkContext().hadoopConfiguration()));
  }

  private ReviewResult execute(SparkSession spark, Period period, byte[] key, RunConfig config,
      ListedInputs inputs) {
    if (settings.defaultShop() == null) {
      for (ListedInputs.FileNamedShop f : inputs.shopFromFileName()) {
        log.warn("%s has no shop column (店铺名称): shop name taken from the file name (%s); "
            + "give --shop NAME", f.file(), f.shop());
      }
    }
    SparkProgress progress = SparkProgress.attach(spark);
    log.reportProgress(progress);
    // A null draft (no notebook asked for) is skipped by try-with-resources.
    try (ScratchDir notebookDraft = settings.notebookElsewhere() ? localScratch() : null;
        OutputFolder folder = OutputFolder.open(settings.out(), settings.runId(),
            spark.sparkContext().hadoopConfiguration())) {
      CategoryMaster categories = CategoryMaster.read(spark,
          settings.configDir() + "/categories.csv");
      IngestOptions options = new IngestOptions(settings.timeZone(), key, categories,
          settings.defaultShop(), settings.strict(), settings.keepChatText());
      IngestedTables tables = run(new IngestStage(),
          new IngestStage.Input(spark, inputs, options, folder));
      DeriveStage.Result derived = run(new DeriveStage(),
          new DeriveStage.Input(spark, tables, settings.rules(), folder));
      ExportFacts exports = fromExports(tables);
      List<Period> periods = ReviewPeriods.of(period);
      int dsrRollingDays = kefu.facts.RatingFacts.DEFAULT_ROLLING_DAYS;
      FactsStage.Facts facts = run(new FactsStage(), new FactsStage.Input(tables, derived,
          settings.rules(), period, periods, dsrRollingDays));
      MartsStage.Result marts = run(new MartsStage(), new MartsStage.Input(facts.of("marts"),
          periods, dsrRollingDays, folder, exports));
      PayStage.Result pay = run(new PayStage(), new PayStage.Input(config.pay(),
          PayslipWords.of(settings.language()), settings.rules(), period, facts.of("pay"),
          marts, folder, exports));
      SeasonalStage.Result seasonal = run(new SeasonalStage(), new SeasonalStage.Input(
          config.calendar(), facts.of("seasonal"), marts, pay, folder, exports));
      SourcingStage.Result sourcing = run(new SourcingStage(), new SourcingStage.Input(
          config.sourcing(), config.calendar(), facts.of("sourcing"), pay, folder, exports));
      ReviewReport report = run(new ReportStage(), new ReportStage.Input(settings, period,
          config, categories.names(), tables, marts, pay, seasonal, sourcing, MARTS, folder,
          notebookDraft == null ? null : notebookDraft.path().resolve("draft"), exports));

      ManifestFactory.write(folder, settings, period, tables.files(), log.stages());
      folder.publish();
      publishNotebook(notebookDraft);
      String workbook = folder.displayTarget() + "/review.xlsx";
      String notebook = settings.notebookWithReport()
          ? folder.displayTarget() + "/" + ReviewSettings.NOTEBOOK_DIR + "/"
              + NotebookExport.NOTEBOOK_FILE
          : notebookDraft == null ? null : Paths.get(settings.notebooksDir(),
              settings.runId(), NotebookExport.NOTEBOOK_FILE).toAbsolutePath().toString();
      return new ReviewResult(folder.displayTarget(), workbook, notebook, log.stages(),
          ReviewReportAssembler.headlines(report));
    } finally {
      progress.detach(spark);
    }
  }

  /**
   * The per-agent exports as the agents' facts when the review has no chats; with chats, kefu's
   * own figures stand and the exports are only read (ExportFacts.none()).
   */
  static ExportFacts fromExports(IngestedTables tables) {
    boolean chats = tables.rows().getOrDefault("chats", 0L) > 0;
    return chats ? ExportFacts.none()
        : ExportFacts.of(tables.agentDays(), tables.receptionHours());
  }

  /** Every mart a review writes, stage by stage. */
  static final List<Mart> MARTS = java.util.stream.Stream.of(new MartsStage(), new PayStage(),
      new SeasonalStage(), new SourcingStage()).flatMap(s -> s.marts().stream()).toList();

  /** Runs one stage under the stage log: its progress line, seconds and Spark work. */
  private <I, R> R run(Stage<I, R> stage, I input) {
    return log.run(stage.name(), () -> stage.run(input), r -> stage.counts(input, r));
  }

  /** Moves the drafted notebook to {@code <notebooksDir>/<runId>/} in one step. */
  private void publishNotebook(ScratchDir notebookDraft) {
    if (notebookDraft == null) {
      return;
    }
    Path draft = notebookDraft.path().resolve("draft");
    kefu.report.AtomicOutput.write(Paths.get(settings.notebooksDir(), settings.runId()),
        dir -> {
          try (var files = Files.list(draft)) {
            for (Path f : (Iterable<Path>) files::iterator) {
              Files.copy(f, dir.resolve(f.getFileName().toString()));
            }
          }
        });
  }

  private ScratchDir localScratch() {
    return ScratchDir.create("kefu-spark-" + settings.runId() + "-");
  }

  static Map<String, Object> rulesAsMap(kefu.derive.DeriveRules r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("session_gap_minutes", r.sessionGapMinutes());
    m.put("bot_replies_count", r.botRepliesCount());
    m.put("inquiry_lookback_days", r.inquiryLookbackDays());
    m.put("attribution_window_days", r.attributionWindowDays());
    m.put("judgment", r.judgment().name());
    return m;
  }
}
