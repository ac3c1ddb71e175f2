package kefu.pipeline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kefu.facts.ExportFacts;
import kefu.ingest.IngestedTables;
import kefu.marts.Period;
import kefu.notebook.NotebookExport;
import kefu.notebook.RunLocation;
import kefu.pay.PayFacts;
import kefu.present.ExportCrossCheck;
import kefu.present.PayReport;
import kefu.present.ReportExtras;
import kefu.present.ReviewInputs;
import kefu.present.ReviewReportAssembler;
import kefu.present.SeasonalFindings;
import kefu.present.SeasonalPresentation;
import kefu.present.SourcingFindings;
import kefu.present.SourcingPresentation;
import kefu.report.Labels;
import kefu.report.ReportTable;
import kefu.report.ReviewReport;
import kefu.report.ReviewWorkbookWriter;
import org.apache.spark.sql.Row;

/**
 * The workbook, its charts and the notebook draft, from the other stages' results through their
 * presenters (kefu.present): the core sheets, then pay, seasonal and sourcing.
 */
final class ReportStage implements Stage<ReportStage.Input, ReviewReport> {

  /**
   * @param categoryNames category code to its name (the category config), for --lang zh
   * @param marts every mart of the run, for the notebook's code that reloads them
   * @param notebookDraft where the notebook is drafted for a folder of its own, or null (none,
   *     or with the report: then the settings say so and it goes into the staging folder)
   */
  record Input(ReviewSettings settings, Period period, RunConfig config,
      Map<String, String> categoryNames, IngestedTables tables,
      MartsStage.Result core, PayStage.Result pay, SeasonalStage.Result seasonal,
      SourcingStage.Result sourcing, List<Mart> marts,
      OutputFolder folder, Path notebookDraft, ExportFacts exports) {}

  @Override
  public String name() {
    return "report";
  }

  @Override
  public List<Mart> marts() {
    return List.of();
  }

  @Override
  public ReviewReport run(Input in) {
    ReviewSettings s = in.settings();
    Labels labels = s.labels().withCategoryNames(in.categoryNames());
    Map<String, PayFacts.RosterAgent> roster = new HashMap<>();
    in.pay().facts().roster().forEach(a -> roster.put(a.agentId(), a));
    ReviewReport report = ReviewReportAssembler.assemble(
        new ReviewReportAssembler.Inputs(in.period(), labels, s.timeZone(), s.language(),
            in.core().agentMetrics(), in.core().categoryMetrics(), in.core().shopMetrics(),
            roster, in.tables().files(), in.tables().rejectReasons(), runSheet(in),
            given(in), in.core().agentExportMetrics()),
        PayReport.of(in.config().pay(), in.pay().marts(), in.period(), labels),
        seasonal(in, labels).plus(sourcing(in, labels)).plus(crossCheck(in, labels)));
    write(in, report);
    return report;
  }

  @Override
  public StageLog.Counts counts(Input in, ReviewReport report) {
    return new StageLog.Counts(in.core().agentMetrics().size(), report.tables().size());
  }

  /**
   * Which inputs the run had rows of, the first and last day with orders (from the seasonal
   * daily rows, one per day and category) and the calendar's years.
   */
  private static ReviewInputs given(Input in) {
    java.util.function.Predicate<String> has =
        table -> in.tables().rows().getOrDefault(table, 0L) > 0;
    LocalDate first = null;
    LocalDate last = null;
    for (Row r : in.seasonal().daily().rows()) {
      if (r.getAs("orders") instanceof Long n && n > 0) {
        Object date = r.getAs("business_date");
        LocalDate day = date instanceof LocalDate d ? d : ((java.sql.Date) date).toLocalDate();
        first = first == null || day.isBefore(first) ? day : first;
        last = last == null || day.isAfter(last) ? day : last;
      }
    }
    Set<Integer> years = new HashSet<>();
    in.config().calendar().events().forEach(e -> years.add(e.start().getYear()));
    ExportFacts e = in.exports();
    Map<String, ExportFacts.Totals> totals = new HashMap<>();
    for (Period p : List.of(in.period(), in.period().previous(), in.period().sameLastYear())) {
      totals.put(p.label(), e.totals(p));
    }
    ReviewInputs.FromExports exports = e.isEmpty() ? null : new ReviewInputs.FromExports(
        ReviewReportAssembler.exportLayouts(in.settings().labels(), e.layouts()), e.unplacedRows(),
        e.hasReceptionHours(), e.hasHandlingTime(), totals);
    return new ReviewInputs(has.test("chats"),
        !in.settings().inputs().refunds().isEmpty() && has.test("refunds"), has.test("ratings"),
        has.test("agents"), first, last, years, exports);
  }

  /** 季节效应 (Seasonal) and 类目薪酬 (Category pay), with their charts and findings. */
  private static ReportExtras seasonal(Input in, Labels labels) {
    SeasonalStage.Result r = in.seasonal();
    SeasonalPresentation p = SeasonalPresentation.of(labels, r.effects(), r.categoryPay(),
        r.daily(), in.config().calendar());
    if (!in.exports().isEmpty()) {
      // The exports name no category of an agent's sales and no paid orders per category:
      // the category pay benchmark needs chats (its cells would be one unknown category and 0
      // orders), so the sheet says so instead, and its box plot is left out.
      String sheet = labels.get("seasonal.pay.sheet");
      List<ReportTable> tables = new ArrayList<>(p.tables());
      tables.replaceAll(t -> !t.sheetName().equals(sheet) ? t : new ReportTable(
          t.sheetName(), t.title(), t.columns(), List.of(),
          labels.get("seasonal.pay.note.needsChats")));
      return new ReportExtras(tables, p.charts(), List.of(),
          p.timeSeries() == null ? List.of() : List.of(p.timeSeries()),
          SeasonalFindings.of(labels, r.effects()));
    }
    return new ReportExtras(p.tables(), p.charts(), p.boxPlots(),
        p.timeSeries() == null ? List.of() : List.of(p.timeSeries()),
        SeasonalFindings.of(labels, r.effects()));
  }

  /** 自营与外包 (In-house vs outsourced) and its companion sheets, charts and finding. */
  private static ReportExtras sourcing(Input in, Labels labels) {
    SourcingStage.Result r = in.sourcing();
    SourcingPresentation p = SourcingPresentation.of(labels, r.costs(), r.buildUp(),
        r.breakEven(), r.swings(), r.curve());
    // The in-house cost is the current scheme's payroll: without chats, of its computed
    // components only; every sheet comparing it says which it leaves out.
    String current = in.config().pay().currentScheme().schemeId();
    String left = PayReport.notComputed(in.config().pay(), in.pay().marts(), labels).get(current);
    if (left != null) {
      String note = labels.format("pipeline.note.inHousePayWithoutChats", current, left);
      List<ReportTable> tables = new ArrayList<>(p.tables());
      tables.replaceAll(t -> t.withNote(t.note() == null ? note : t.note() + " " + note));
      return new ReportExtras(tables, p.charts(), List.of(), List.of(),
          SourcingFindings.of(labels, r.cost()));
    }
    return new ReportExtras(p.tables(), p.charts(), List.of(), List.of(),
        SourcingFindings.of(labels, r.cost()));
  }

  /**
   * 核对（导出 vs kefu）, when the run had both chats and a per-agent export (canonical
   * agent_days, held on the driver by the ingest): kefu's agent_daily beside the export's
   * figures; nothing otherwise.
   */
  private static ReportExtras crossCheck(Input in, Labels labels) {
    List<Row> agentDays = in.tables().agentDays().rows();
    if (in.tables().rows().getOrDefault("chats", 0L) == 0 || agentDays.isEmpty()) {
      return ReportExtras.NONE;
    }
    ExportCrossCheck.Result result = ExportCrossCheck.of(in.core().agentDaily().rows(),
        agentDays, in.period());
    return new ReportExtras(
        List.of(ExportCrossCheck.table(result, in.period(), in.settings().rules(), labels)),
        List.of(), List.of(), List.of(), List.of(ExportCrossCheck.finding(result, labels)));
  }

  /** The 运行 (Run) sheet: the run's id, period, settings and versions. */
  private static LinkedHashMap<String, String> runSheet(Input in) {
    ReviewSettings s = in.settings();
    Labels labels = s.labels();
    LinkedHashMap<String, String> run = new LinkedHashMap<>();
    run.put(labels.get("pipeline.run.runId"), s.runId());
    run.put(labels.get("pipeline.run.period"), in.period().label());
    run.put(labels.get("pipeline.run.timeZone"), s.timeZone());
    run.put(labels.get("pipeline.run.language"), s.language());
    run.put(labels.get("pipeline.run.config"), s.configDir());
    // as the 归因敏感性 sheet names the rules: 付款判定·+1天
    run.put(labels.get("pipeline.run.attribution"), kefu.present.PayReport.ruleLabel(
        s.rules().judgment().name(), s.rules().attributionWindowDays(), false, labels));
    run.put(labels.get("pipeline.run.sessionGap"),
        String.valueOf(s.rules().sessionGapMinutes()));
    run.put(labels.get("pipeline.run.versions"), ManifestFactory.versions().toString());
    // Stage seconds are in manifest.json, not here: equal runs give byte-identical workbooks.
    run.put("generated_at", RunClock.generatedAt().toString());
    return run;
  }

  /**
   * The workbook and charts go into the staging folder, and so does the notebook when it goes
   * with the report; a notebook for a folder of its own is drafted from the same report and charts
   * into a local folder and only published once the report is.
   */
  private static void write(Input in, ReviewReport report) {
    ReviewSettings s = in.settings();
    in.folder().writeLocally(dir -> {
      ReviewWorkbookWriter.write(report, dir);
      Path notebook = s.notebookWithReport()
          ? dir.resolve(ReviewSettings.NOTEBOOK_DIR) : in.notebookDraft();
      if (notebook != null) {
        List<String> marts = new ArrayList<>();
        in.marts().forEach(m -> marts.add(m.name()));
        NotebookExport.write(report, s.labels(), dir.resolve(ReviewWorkbookWriter.CHARTS_DIR),
            new RunLocation(s.runId(), in.folder().displayTarget() + "/marts", marts,
                in.period().start(), in.period().endExclusive()), notebook);
      }
    });
  }
}
