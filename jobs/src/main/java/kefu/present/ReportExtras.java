package kefu.present;

import java.util.List;
import kefu.report.BoxPlotSpec;
import kefu.report.ChartSpec;
import kefu.report.ReportTable;
import kefu.report.TimeSeriesSpec;

/**
 * What stages beyond the core review add to the workbook (e.g. 淡旺季 Seasonal, 类目薪酬 Category
 * pay, 自营 vs 外包 In-house vs outsourced), already in the run's language. Its tables come right
 * after 方案得失 (Winners &amp; losers) and before 当前方案工资条 (payslips); its charts, box plots
 * and time series are placed on their anchor sheets (give each an {@code anchorSheet} equal to
 * one of the tables' {@code sheetName}, or it lands on a separate 图表 sheet); its findings follow
 * the core findings on the summary.
 */
public record ReportExtras(
    List<ReportTable> tables,
    List<ChartSpec> charts,
    List<BoxPlotSpec> boxPlots,
    List<TimeSeriesSpec> timeSeries,
    List<String> findings) {
  public static final ReportExtras NONE =
      new ReportExtras(List.of(), List.of(), List.of(), List.of(), List.of());

  public ReportExtras {
    tables = tables == null ? List.of() : List.copyOf(tables);
    charts = charts == null ? List.of() : List.copyOf(charts);
    boxPlots = boxPlots == null ? List.of() : List.copyOf(boxPlots);
    timeSeries = timeSeries == null ? List.of() : List.copyOf(timeSeries);
    findings = findings == null ? List.of() : List.copyOf(findings);
  }

  /** These extras followed by {@code more} (each list in order). */
  public ReportExtras plus(ReportExtras more) {
    return new ReportExtras(concat(tables, more.tables), concat(charts, more.charts),
        concat(boxPlots, more.boxPlots), concat(timeSeries, more.timeSeries),
        concat(findings, more.findings));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
