package kefu.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.CategoryDataset;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * Grouped bar charts from {@link ChartSpec}s, box plots from {@link BoxPlotSpec}s and daily line
 * charts from {@link TimeSeriesSpec}s, rendered headless to PNG bytes or SVG text.
 */
public final class Charts {
  private Charts() {}

  /** The chart's data: one row per series, one column per category. */
  public static CategoryDataset dataset(ChartSpec spec) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    for (Map.Entry<String, List<Number>> s : spec.series().entrySet()) {
      for (int i = 0; i < spec.categories().size(); i++) {
        ds.addValue(s.getValue().get(i), s.getKey(), spec.categories().get(i));
      }
    }
    return ds;
  }

  public static JFreeChart barChart(ChartSpec spec) {
    ChartTheme theme = ChartTheme.forLabels(labels(spec)); // first: it also sets headless mode
    JFreeChart chart = ChartFactory.createBarChart(spec.title(), spec.categoryAxisLabel(),
        spec.valueAxisLabel(), dataset(spec), PlotOrientation.VERTICAL,
        spec.series().size() > 1, false, false);
    theme.apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    if (plot.getRangeAxis() instanceof NumberAxis axis && spec.valueKind() != null) {
      axis.setNumberFormatOverride(axisFormat(spec.valueKind()));
    }
    if (spec.categories().size() > 8) {
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    return chart;
  }

  /** The box plot's data: one series ("分布"), one item per category. */
  public static BoxAndWhiskerCategoryDataset dataset(BoxPlotSpec spec) {
    return dataset(spec, Labels.chinese());
  }

  /** The box plot's data: one series (分布 / Distribution), one item per category. */
  public static BoxAndWhiskerCategoryDataset dataset(BoxPlotSpec spec, Labels labels) {
    String boxSeries = labels.get(BOX_SERIES);
    DefaultBoxAndWhiskerCategoryDataset ds = new DefaultBoxAndWhiskerCategoryDataset();
    for (int i = 0; i < spec.categories().size(); i++) {
      BoxStats b = spec.boxes().get(i);
      ds.add(new BoxAndWhiskerItem(b.mean(), b.median(), b.p25(), b.p75(), b.p10(), b.p90(),
          null, null, List.of()), boxSeries, spec.categories().get(i));
    }
    return ds;
  }

  /** Label keys of the box plot's two series names (分布 / 均值). */
  static final String BOX_SERIES = "report.chart.box.series";
  static final String MEAN_SERIES = "report.chart.box.mean";

  /** A box plot with Chinese series names. */
  public static JFreeChart boxPlot(BoxPlotSpec spec) {
    return boxPlot(spec, Labels.chinese());
  }

  /** Box-and-whisker chart: box P25–P75, median line, mean marker, whiskers P10–P90. */
  public static JFreeChart boxPlot(BoxPlotSpec spec, Labels labels) {
    // first: it also sets headless mode
    ChartTheme theme = ChartTheme.forLabels(labels(spec, labels));
    JFreeChart chart = ChartFactory.createBoxAndWhiskerChart(spec.title(),
        spec.categoryAxisLabel(), spec.valueAxisLabel(), dataset(spec, labels), false);
    theme.apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    if (plot.getRangeAxis() instanceof NumberAxis axis) {
      axis.setAutoRangeIncludesZero(false);
      if (spec.valueKind() != null) {
        axis.setNumberFormatOverride(axisFormat(spec.valueKind()));
      }
    }
    if (plot.getRenderer() instanceof BoxAndWhiskerRenderer boxes) {
      boxes.setMeanVisible(false); // its circle scales with the box: drawn as a small ◆ below
      boxes.setMedianVisible(true);
      boxes.setFillBox(true);
      boxes.setMaxOutlierVisible(false);
      boxes.setMinOutlierVisible(false);
      boxes.setMaximumBarWidth(0.12);
      boxes.setWhiskerWidth(0.6);
    }
    DefaultCategoryDataset means = new DefaultCategoryDataset();
    for (int i = 0; i < spec.categories().size(); i++) {
      means.addValue(spec.boxes().get(i).mean(), labels.get(MEAN_SERIES),
          spec.categories().get(i));
    }
    LineAndShapeRenderer meanMarks = new LineAndShapeRenderer(false, true);
    meanMarks.setSeriesShape(0, new java.awt.Polygon(new int[] {0, 5, 0, -5},
        new int[] {-5, 0, 5, 0}, 4));
    meanMarks.setSeriesPaint(0, java.awt.Color.DARK_GRAY);
    plot.setDataset(1, means);
    plot.setRenderer(1, meanMarks);
    plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
    if (spec.categories().size() > 8) {
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    return chart;
  }

  public static String labels(BoxPlotSpec spec) {
    return labels(spec, Labels.chinese());
  }

  /** Every piece of text the box plot shows, in the given language. */
  public static String labels(BoxPlotSpec spec, Labels labels) {
    StringBuilder sb = new StringBuilder(labels.get(BOX_SERIES) + labels.get(MEAN_SERIES) + "◆");
    for (String s : new String[] {spec.title(), spec.categoryAxisLabel(), spec.valueAxisLabel()}) {
      if (s != null) {
        sb.append(s);
      }
    }
    spec.categories().forEach(sb::append);
    return sb.toString().replaceAll("\\s", "");
  }

  /** Every piece of text the chart shows, for choosing a font that displays all of it. */
  public static String labels(ChartSpec spec) {
    StringBuilder sb = new StringBuilder();
    for (String s : new String[] {spec.title(), spec.categoryAxisLabel(), spec.valueAxisLabel()}) {
      if (s != null) {
        sb.append(s);
      }
    }
    spec.categories().forEach(sb::append);
    spec.series().keySet().forEach(sb::append);
    return sb.toString().replaceAll("\\s", "");
  }

  /** Days are drawn in UTC so that the output does not depend on the machine's time zone. */
  private static final java.util.TimeZone DAY_ZONE = java.util.TimeZone.getTimeZone("UTC");
  /** The event windows' shade: translucent, so the lines stay visible through it. */
  static final Color WINDOW_FILL = new Color(0xF2, 0x8E, 0x2B, 48);

  /** One day of a time series chart. */
  static Day day(LocalDate d) {
    return new Day(java.util.Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant()), DAY_ZONE,
        Locale.ROOT);
  }

  /** Each series of {@code series} as a daily TimeSeries (nulls are gaps). */
  public static TimeSeriesCollection dataset(List<LocalDate> days,
      Map<String, List<Number>> series) {
    TimeSeriesCollection out = new TimeSeriesCollection(DAY_ZONE);
    for (Map.Entry<String, List<Number>> s : series.entrySet()) {
      TimeSeries ts = new TimeSeries(s.getKey());
      for (int i = 0; i < days.size(); i++) {
        ts.addOrUpdate(day(days.get(i)), s.getValue().get(i));
      }
      out.addSeries(ts);
    }
    return out;
  }

  /**
   * Daily lines: left-axis series, optional right-axis series, and each window shaded from the
   * start of its first day to the end of its last, labelled at the top.
   */
  public static JFreeChart timeSeries(TimeSeriesSpec spec) {
    ChartTheme theme = ChartTheme.forLabels(labels(spec)); // first: it also sets headless mode
    boolean legend = spec.leftSeries().size() + spec.rightSeries().size() > 1;
    JFreeChart chart = ChartFactory.createTimeSeriesChart(spec.title(), null,
        spec.leftAxisLabel(), dataset(spec.days(), spec.leftSeries()), legend, false, false);
    theme.apply(chart);
    XYPlot plot = chart.getXYPlot();
    plot.setOutlineVisible(false);
    if (plot.getDomainAxis() instanceof DateAxis dates) {
      dates.setTimeZone(DAY_ZONE);
      java.text.SimpleDateFormat f = new java.text.SimpleDateFormat("yyyy-MM-dd", Locale.ROOT);
      f.setTimeZone(DAY_ZONE);
      dates.setDateFormatOverride(f);
    }
    NumberAxis leftAxis = (NumberAxis) plot.getRangeAxis();
    if (spec.leftKind() != null) {
      leftAxis.setNumberFormatOverride(axisFormat(spec.leftKind()));
    }
    plot.setRenderer(0, lines());
    if (!spec.rightSeries().isEmpty()) {
      NumberAxis right = new NumberAxis(spec.rightAxisLabel());
      right.setLabelFont(leftAxis.getLabelFont());
      right.setTickLabelFont(leftAxis.getTickLabelFont());
      right.setAutoRangeIncludesZero(false);
      if (spec.rightKind() != null) {
        right.setNumberFormatOverride(axisFormat(spec.rightKind()));
      }
      plot.setRangeAxis(1, right);
      plot.setDataset(1, dataset(spec.days(), spec.rightSeries()));
      plot.mapDatasetToRangeAxis(1, 1);
      XYLineAndShapeRenderer dashed = lines();
      for (int i = 0; i < spec.rightSeries().size(); i++) {
        dashed.setSeriesStroke(i, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      }
      plot.setRenderer(1, dashed);
    }
    Font markerFont = new Font(theme.family(), Font.PLAIN, 11);
    for (TimeSeriesSpec.Window w : spec.windows()) {
      IntervalMarker shade = new IntervalMarker(day(w.start()).getFirstMillisecond(),
          day(w.end()).getLastMillisecond(), WINDOW_FILL);
      shade.setLabel(w.label());
      shade.setLabelFont(markerFont);
      shade.setLabelPaint(Color.DARK_GRAY);
      shade.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      shade.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      plot.addDomainMarker(shade, Layer.BACKGROUND);
    }
    return chart;
  }

  private static XYLineAndShapeRenderer lines() {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setDefaultStroke(new BasicStroke(1.5f));
    r.setAutoPopulateSeriesStroke(false);
    return r;
  }

  /** Every piece of text the time series chart shows. */
  public static String labels(TimeSeriesSpec spec) {
    StringBuilder sb = new StringBuilder();
    for (String s : new String[] {spec.title(), spec.leftAxisLabel(), spec.rightAxisLabel()}) {
      if (s != null) {
        sb.append(s);
      }
    }
    spec.leftSeries().keySet().forEach(sb::append);
    spec.rightSeries().keySet().forEach(sb::append);
    spec.windows().forEach(w -> sb.append(w.label() == null ? "" : w.label()));
    return sb.toString().replaceAll("\\s", "");
  }

  public static byte[] png(JFreeChart c, int w, int h) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ChartUtils.writeChartAsPNG(out, c, w, h);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String svg(JFreeChart c, int w, int h) {
    SVGGraphics2D g2 = new SVGGraphics2D(w, h);
    g2.setDefsKeyPrefix("kefu"); // the default prefix is time-based; keep output reproducible
    c.draw(g2, new Rectangle2D.Double(0, 0, w, h));
    return g2.getSVGDocument();
  }

  private static NumberFormat axisFormat(CellKind kind) {
    return switch (kind) {
      case MONEY -> new DecimalFormat("¥#,##0");
      case PERCENT -> new DecimalFormat("0.#%");
      case INTEGER -> new DecimalFormat("#,##0");
      default -> NumberFormat.getNumberInstance(Locale.ROOT);
    };
  }
}
