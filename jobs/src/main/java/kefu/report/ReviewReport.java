package kefu.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * Everything the quarterly-review workbook shows, as plain values (no Spark types).
 *
 * <p>{@code run} is shown on the Run (运行) sheet; its key {@code generated_at} (an ISO instant),
 * if present, becomes the workbook's created/modified date so that equal inputs give equal
 * output. {@code boxPlots} and then {@code timeSeries} are placed like {@code charts}, after
 * them. {@code notes} are what the data covers and lacks (inputs not given, partial periods),
 * shown on the Summary above the findings. {@code language} ("zh" or "en") chooses the labels the writer adds itself (sheet names,
 * headers, section titles); the caller's tables, titles and findings are already in it.
 */
public record ReviewReport(
    String title,
    String period,
    String previousPeriod,
    String lastYearPeriod,
    String timeZone,
    List<KeyFigure> keyFigures,
    List<String> findings,
    List<ReportTable> tables,
    List<ChartSpec> charts,
    ReportTable dataQuality,
    LinkedHashMap<String, String> run,
    List<BoxPlotSpec> boxPlots,
    List<TimeSeriesSpec> timeSeries,
    String language,
    List<String> notes) {
  /** The default language: the workbook is written for the shop's Chinese-speaking team. */
  public static final String DEFAULT_LANGUAGE = "zh";

  /** In Chinese, without box plots or time series. */
  public ReviewReport(String title, String period, String previousPeriod, String lastYearPeriod,
      String timeZone, List<KeyFigure> keyFigures, List<String> findings,
      List<ReportTable> tables, List<ChartSpec> charts, ReportTable dataQuality,
      LinkedHashMap<String, String> run) {
    this(title, period, previousPeriod, lastYearPeriod, timeZone, keyFigures, findings, tables,
        charts, dataQuality, run, List.of());
  }

  /** Without notes. */
  public ReviewReport(String title, String period, String previousPeriod, String lastYearPeriod,
      String timeZone, List<KeyFigure> keyFigures, List<String> findings,
      List<ReportTable> tables, List<ChartSpec> charts, ReportTable dataQuality,
      LinkedHashMap<String, String> run, List<BoxPlotSpec> boxPlots,
      List<TimeSeriesSpec> timeSeries, String language) {
    this(title, period, previousPeriod, lastYearPeriod, timeZone, keyFigures, findings, tables,
        charts, dataQuality, run, boxPlots, timeSeries, language, List.of());
  }

  /** In Chinese, without time series. */
  public ReviewReport(String title, String period, String previousPeriod, String lastYearPeriod,
      String timeZone, List<KeyFigure> keyFigures, List<String> findings,
      List<ReportTable> tables, List<ChartSpec> charts, ReportTable dataQuality,
      LinkedHashMap<String, String> run, List<BoxPlotSpec> boxPlots) {
    this(title, period, previousPeriod, lastYearPeriod, timeZone, keyFigures, findings, tables,
        charts, dataQuality, run, boxPlots, List.of(), DEFAULT_LANGUAGE);
  }

  public ReviewReport {
    Objects.requireNonNull(title, "title");
    keyFigures = keyFigures == null ? List.of() : keyFigures;
    findings = findings == null ? List.of() : findings;
    tables = tables == null ? List.of() : tables;
    charts = charts == null ? List.of() : charts;
    run = run == null ? new LinkedHashMap<>() : run;
    boxPlots = boxPlots == null ? List.of() : boxPlots;
    timeSeries = timeSeries == null ? List.of() : timeSeries;
    language = language == null ? DEFAULT_LANGUAGE : language;
    notes = notes == null ? List.of() : notes;
    Labels.of(language); // an unknown language fails here, not halfway through the writing
  }

  /** The same report in another language setting (the caller's texts are not translated). */
  public ReviewReport withLanguage(String lang) {
    return new ReviewReport(title, period, previousPeriod, lastYearPeriod, timeZone, keyFigures,
        findings, tables, charts, dataQuality, run, boxPlots, timeSeries, lang, notes);
  }

  /** The labels of the report's language. */
  public Labels labels() {
    return Labels.of(language);
  }
}
