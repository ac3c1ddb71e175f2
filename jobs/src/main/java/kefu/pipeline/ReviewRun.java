package kefu.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kefu.derive.Inquiries;
import kefu.derive.OrderAttribution;
import kefu.derive.Receptions;
import kefu.derive.RefundAttribution;
import kefu.ingest.CategoryMaster;
import kefu.ingest.Ingest;
import kefu.ingest.IngestOptions;
import kefu.ingest.IngestedTables;
import kefu.ingest.PseudonymKey;
import kefu.marts.AgentDaily;
import kefu.marts.AgentMetrics;
import kefu.marts.CategoryMetrics;
import kefu.marts.Period;
import kefu.marts.ShopMetrics;
import kefu.notebook.NotebookExport;
import kefu.notebook.RunLocation;
import kefu.pay.PayConfig;
import kefu.report.ReviewReport;
import kefu.report.ReviewWorkbookWriter;
import kefu.spark.Sessions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * One quarterly review, layer by layer: ingest → derive → marts → present. Every layer's output
 * is written as Parquet into the run's staging folder and read back, so later layers scan
 * column-pruned files instead of recomputing, and only small aggregates reach the driver.
 */
public final class ReviewRun {
  private final ReviewSettings settings;
  private final StageLog log;

  public ReviewRun(ReviewSettings settings, StageLog log) {
    this.settings = settings;
    this.log = log;
  }

  /** Runs in its own embedded (or spark-submit provided) session, stopped at the end. */
  public ReviewResult execute() {
    Period period = Period.parse(settings.period()); // usage errors before any Spark work
    RunConfig config = RunConfig.load(settings.configDir()); // config errors too
    byte[] key = PseudonymKey.loadOrCreate(Paths.get(settings.configDir()));
    try (ScratchDir sparkLocal = localScratch()) {
      SparkSession spark = Sessions.create("kefu review " + period.label(), settings.timeZone(),
          sparkLocal.path());
      try {
        return execute(spark, period, key, config);
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
        config);
  }

  private ReviewResult execute(SparkSession spark, Period period, byte[] key, RunConfig config) {
    PayConfig payConfig = config.pay();
    List<Period> periods = ReviewPeriods.of(period);
    SparkProgress progress = SparkProgress.attach(spark);
    log.reportProgress(progress);
    // A null draft (no notebook asked for) is skipped by try-with-resources.
    try (ScratchDir notebookDraft = settings.notebooksDir() == null ? null : localScratch();
        OutputFolder folder = OutputFolder.open(settings.out(), settings.runId(),
            spark.sparkContext().hadoopConfiguration())) {
      CategoryMaster categories = CategoryMaster.read(spark, settings.configDir() + "/categories.csv");
      IngestOptions options = new IngestOptions(settings.timeZone(), key, categories,
          settings.defaultShop(), settings.strict(), settings.keepChatText());

      IngestedTables tables = log.run("ingest",
          () -> Ingest.run(spark, settings.inputs(), options, folder.staging("canonical"),
              folder.staging("rejects")),
          t -> new StageLog.Counts(ReviewFigures.rowsRead(t.files()),
              ReviewFigures.rowsAccepted(t.files())));

      Derived derived = log.run("derive", () -> derive(spark, tables, folder),
          d -> new StageLog.Counts(tables.chats().count() + tables.orders().count(),
              d.receptions().count() + d.orders().count()));

      Marts marts = log.run("marts", () -> marts(spark, tables, derived, periods, folder),
          m -> new StageLog.Counts(
              derived.receptions().count() + derived.orders().count()
                  + derived.refunds().count(),
              m.agentMetrics().count() + m.categoryMetrics().count() + m.shopMetrics().count()));

      PayStage.Result pay = log.run("pay",
          () -> PayStage.run(payConfig, settings.rules(), derived, marts, tables.agents(),
              period, folder),
          p -> new StageLog.Counts(p.facts().agentDays().size(), p.marts().payroll().size()));

      SeasonalStage.Result seasonal = log.run("seasonal",
          () -> SeasonalStage.run(config.calendar(), derived, pay.agentDaily(), pay, folder),
          r -> new StageLog.Counts(pay.agentDaily().size(), r.effects().size()));

      SourcingStage.Result sourcing = log.run("sourcing",
          () -> SourcingStage.run(config.sourcing(), config.calendar(), derived,
              pay.payrollHistory(), settings.labels(), folder),
          r -> new StageLog.Counts(r.demand().size(), r.cost().size()));

      ReviewReport report = log.run("report", () -> {
        ReviewReport r = ReviewReportAssembler.assemble(period, settings, marts, tables,
            log.stages(), PayReport.of(payConfig, pay.marts(), period, settings.labels()),
            extras(config, seasonal, sourcing));
        writeReport(r, folder, period, notebookDraft);
        return r;
      }, r -> new StageLog.Counts(marts.agentMetrics().count(), r.tables().size()));

      ManifestFactory.write(folder, settings, period, tables.files(), log.stages());
      folder.publish();
      publishNotebook(notebookDraft);
      String workbook = folder.displayTarget() + "/review.xlsx";
      String notebook = notebookDraft == null ? null : Paths.get(settings.notebooksDir(),
          settings.runId(), NotebookExport.NOTEBOOK_FILE).toAbsolutePath().toString();
      return new ReviewResult(folder.displayTarget(), workbook, notebook, log.stages(),
          ReviewReportAssembler.headlines(report));
    } finally {
      progress.detach(spark);
    }
  }

  /**
   * The sheets of the stages after pay, in the run's language: 季节效应 (Seasonal), 类目薪酬
   * (Category pay) and 自营与外包 (In-house vs outsourced), between 方案得失 and 当前方案工资条.
   */
  private ReportExtras extras(RunConfig config, SeasonalStage.Result seasonal,
      SourcingStage.Result sourcing) {
    kefu.seasonal.SeasonalPresentation s = kefu.seasonal.SeasonalPresentation.of(
        settings.labels(), seasonal.effects(), seasonal.categoryPay(), seasonal.daily(),
        config.calendar());
    ReportExtras seasonalExtras = new ReportExtras(s.tables(), s.charts(), s.boxPlots(),
        s.timeSeries() == null ? List.of() : List.of(s.timeSeries()),
        SeasonalFindings.of(settings.labels(), seasonal.effects()));
    ReportExtras sourcingExtras = new ReportExtras(sourcing.presentation().tables(),
        sourcing.presentation().charts(), List.of(), List.of(),
        SourcingFindings.of(settings.labels(), sourcing.cost()));
    return seasonalExtras.plus(sourcingExtras);
  }

  /** The derived facts of domain brief Part 1, each materialised once. */
  record Derived(Dataset<Row> receptions, Dataset<Row> inquiries, Dataset<Row> orders,
      Dataset<Row> refunds) {}

  private Derived derive(SparkSession spark, IngestedTables t, OutputFolder folder) {
    Dataset<Row> receptions = materialise(spark,
        Receptions.build(t.chats(), settings.rules()), folder.staging("derived/receptions"));
    Dataset<Row> inquiries = materialise(spark,
        Inquiries.build(receptions, t.orders(), settings.rules()),
        folder.staging("derived/inquiries"));
    Dataset<Row> orders = materialise(spark,
        OrderAttribution.attribute(t.orders(), receptions, settings.rules()),
        folder.staging("derived/attributed_orders"));
    Dataset<Row> refunds = materialise(spark, RefundAttribution.attribute(t.refunds(), orders),
        folder.staging("derived/attributed_refunds"));
    return new Derived(receptions, inquiries, orders, refunds);
  }

  static final List<String> CORE_MARTS = List.of("agent_daily", "agent_metrics",
      "category_metrics", "shop_metrics");

  /** The marts the workbook and the researchers read. */
  record Marts(Dataset<Row> agentDaily, Dataset<Row> agentMetrics, Dataset<Row> categoryMetrics,
      Dataset<Row> shopMetrics) {}

  private Marts marts(SparkSession spark, IngestedTables t, Derived d, List<Period> periods,
      OutputFolder folder) {
    Dataset<Row> agentDaily = materialise(spark,
        AgentDaily.build(d.receptions(), d.inquiries(), d.orders(), d.refunds(),
            t.ratings(), t.orders()),
        folder.staging("marts/agent_daily"));
    Dataset<Row> agentMetrics = materialise(spark, AgentMetrics.build(agentDaily, periods),
        folder.staging("marts/agent_metrics"));
    Dataset<Row> categoryMetrics = materialise(spark,
        CategoryMetrics.build(d.orders(), d.refunds(), d.inquiries(), periods),
        folder.staging("marts/category_metrics"));
    Dataset<Row> shopMetrics = materialise(spark,
        ShopMetrics.build(d.orders(), d.refunds(), d.receptions(), d.inquiries(), periods),
        folder.staging("marts/shop_metrics"));
    return new Marts(agentDaily, agentMetrics, categoryMetrics, shopMetrics);
  }

  static Dataset<Row> materialise(SparkSession spark, Dataset<Row> ds, String path) {
    ds.write().mode(SaveMode.Overwrite).parquet(path);
    return spark.read().parquet(path);
  }

  /**
   * The workbook and charts go into the staging folder; the notebook is drafted from the same
   * report and charts into a local folder and only published once the report is.
   */
  private void writeReport(ReviewReport report, OutputFolder folder, Period period,
      ScratchDir notebookDraft) {
    folder.writeLocally(dir -> {
      ReviewWorkbookWriter.write(report, dir);
      if (notebookDraft != null) {
        List<String> marts = new java.util.ArrayList<>(CORE_MARTS);
        marts.addAll(PayStage.MARTS);
        marts.addAll(SeasonalStage.MARTS);
        marts.addAll(SourcingStage.MARTS);
        NotebookExport.write(report, settings.labels(),
            dir.resolve(ReviewWorkbookWriter.CHARTS_DIR),
            new RunLocation(settings.runId(), folder.displayTarget() + "/marts", marts,
                period.start(), period.endExclusive()),
            notebookDraft.path().resolve("draft"));
      }
    });
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
