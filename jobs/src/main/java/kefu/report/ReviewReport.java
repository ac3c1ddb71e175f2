package kefu.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * Everything the quarterly-review workbook shows, as plain values (no Spark types).
 *
 * <p>{@code run} is shown on the 运行 sheet; its key {@code generated_at} (an ISO instant), if
 * present, becomes the workbook's created/modified date so that equal inputs give equal output.
 * {@code boxPlots} are placed like {@code charts}, after them.
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
    List<BoxPlotSpec> boxPlots) {
  /** Without box plots. */
  public ReviewReport(String title, String period, String previousPeriod, String lastYearPeriod,
      String timeZone, List<KeyFigure> keyFigures, List<String> findings,
      List<ReportTable> tables, List<ChartSpec> charts, ReportTable dataQuality,
      LinkedHashMap<String, String> run) {
    this(title, period, previousPeriod, lastYearPeriod, timeZone, keyFigures, findings, tables,
        charts, dataQuality, run, List.of());
  }

  public ReviewReport {
    Objects.requireNonNull(title, "title");
    keyFigures = keyFigures == null ? List.of() : keyFigures;
    findings = findings == null ? List.of() : findings;
    tables = tables == null ? List.of() : tables;
    charts = charts == null ? List.of() : charts;
    run = run == null ? new LinkedHashMap<>() : run;
    boxPlots = boxPlots == null ? List.of() : boxPlots;
  }
}
