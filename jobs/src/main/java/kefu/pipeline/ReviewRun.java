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
import kefu.spark.FactQuery;
import kefu.facts.PeriodFacts;
import kefu.ingest.CategoryMaster;
import kefu.ingest.Ingest;
import kefu.ingest.IngestOptions;
import kefu.ingest.IngestedTables;
import kefu.ingest.ListedInputs;
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
import kefu.table.LocalTable;
import kefu.table.ParquetFooters;
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

  /**
   * Runs in its own embedded (or spark-submit provided) session, stopped at the end. The period,
   * the config, the input paths and the exports' headers are checked before Spark starts: a
   * mistake is answered in a second.
   */
  public ReviewResult execute() {
    Period period = Period.parse(settings.period());
    RunConfig config = RunConfig.load(settings.configDir());
    byte[] key = PseudonymKey.loadOrCreate(Paths.get(settings.configDir()));
    ListedInputs inputs = ListedInputs.check(settings.inputs(),
        org.apache.spark.deploy.SparkHadoopUtil.get().newConfiguration(
            new org.apache.spark.SparkConf()));
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
          () -> Ingest.run(spark, inputs, options, folder.staging("canonical"),
              folder.staging("rejects")),
          t -> new StageLog.Counts(ReviewFigures.rowsRead(t.files()),
              ReviewFigures.rowsAccepted(t.files())));

      Derived derived = log.run("derive", () -> derive(spark, tables, folder),
          d -> new StageLog.Counts(ReviewFigures.rowsAccepted(tables.files()),
              d.rows().receptions() + d.rows().orders()));

      Marts marts = log.run("marts", () -> marts(tables, derived, periods, folder),
          m -> new StageLog.Counts(derived.rows().total(), m.agentMetrics().size()
              + m.categoryMetrics().size() + m.shopMetrics().size()));

      PayStage.Result pay = log.run("pay",
          () -> PayStage.run(payConfig, settings.rules(), derived, marts, tables.agents(),
              period, folder),
          p -> new StageLog.Counts(p.facts().agentDays().size(), p.marts().payroll().size()));

      SeasonalStage.Result seasonal = log.run("seasonal",
          () -> SeasonalStage.run(config.calendar(), derived, marts.agentDaily(), pay, folder),
          r -> new StageLog.Counts(marts.agentDaily().size(), r.effects().size()));

      SourcingStage.Result sourcing = log.run("sourcing",
          () -> SourcingStage.run(config.sourcing(), config.calendar(), derived,
              pay.payrollHistory(), settings.labels(), folder),
          r -> new StageLog.Counts(r.demand().size(), r.cost().size()));

      ReviewReport report = log.run("report", () -> {
        ReviewReport r = ReviewReportAssembler.assemble(period, settings, marts, tables,
            pay.facts().roster(), log.stages(),
            PayReport.of(payConfig, pay.marts(), period, settings.labels()),
            extras(config, seasonal, sourcing));
        writeReport(r, folder, period, notebookDraft);
        return r;
      }, r -> new StageLog.Counts(marts.agentMetrics().size(), r.tables().size()));

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

  /** The derived facts of domain brief Part 1, each materialised once, and their rows. */
  record Derived(Dataset<Row> receptions, Dataset<Row> inquiries, Dataset<Row> orders,
      Dataset<Row> refunds, Rows rows) {

    /** Rows of each derived table, from the written files' footers. */
    record Rows(long receptions, long inquiries, long orders, long refunds) {
      long total() {
        return receptions + inquiries + orders + refunds;
      }
    }
  }

  private Derived derive(SparkSession spark, IngestedTables t, OutputFolder folder) {
    String receptions = folder.staging("derived/receptions");
    String inquiries = folder.staging("derived/inquiries");
    String orders = folder.staging("derived/attributed_orders");
    String refunds = folder.staging("derived/attributed_refunds");
    Dataset<Row> r = materialise(spark, Receptions.build(t.chats(), settings.rules()),
        receptions);
    Dataset<Row> i = materialise(spark, Inquiries.build(r, t.orders(), settings.rules()),
        inquiries);
    Dataset<Row> o = materialise(spark,
        OrderAttribution.attribute(t.orders(), r, settings.rules()), orders);
    // No refunds table (or an empty one): the orders' refund_amount column, with no query to ask.
    Dataset<Row> f = materialise(spark, RefundAttribution.attribute(
        t.rows().getOrDefault("refunds", 0L) > 0 ? t.refunds() : null, o), refunds);
    var conf = spark.sparkContext().hadoopConfiguration();
    return new Derived(r, i, o, f, new Derived.Rows(ParquetFooters.rows(receptions, conf),
        ParquetFooters.rows(inquiries, conf), ParquetFooters.rows(orders, conf),
        ParquetFooters.rows(refunds, conf)));
  }

  static final List<String> CORE_MARTS = List.of("agent_daily", "agent_metrics",
      "category_metrics", "shop_metrics");

  /** The marts the workbook and the researchers read. */
  record Marts(LocalTable agentDaily, LocalTable agentMetrics, LocalTable categoryMetrics,
      LocalTable shopMetrics) {}

  /**
   * agent_daily and the category and shop measures per period mask from one Spark query; the
   * period marts from them in plain Java.
   */
  private Marts marts(IngestedTables t, Derived d, List<Period> periods, OutputFolder folder) {
    Map<String, Dataset<Row>> queries = new LinkedHashMap<>();
    queries.put("agent_daily", AgentDaily.build(d.receptions(), d.inquiries(), d.orders(),
        d.refunds(), t.ratings(), t.orders()));
    queries.putAll(PeriodFacts.facts(d.orders(), d.refunds(), d.receptions(), d.inquiries(),
        periods));
    Map<String, LocalTable> f = FactQuery.collect(queries);
    LocalTable agentDaily = f.get("agent_daily");
    Marts marts = new Marts(agentDaily, AgentMetrics.build(agentDaily, periods),
        CategoryMetrics.build(f, periods), ShopMetrics.build(f, periods));
    folder.writeTable("marts/agent_daily", marts.agentDaily());
    folder.writeTable("marts/agent_metrics", marts.agentMetrics());
    folder.writeTable("marts/category_metrics", marts.categoryMetrics());
    folder.writeTable("marts/shop_metrics", marts.shopMetrics());
    return marts;
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
