package kefu.report;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
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

/** Grouped bar charts from {@link ChartSpec}s and box plots from {@link BoxPlotSpec}s, rendered headless to PNG bytes or SVG text. */
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
    DefaultBoxAndWhiskerCategoryDataset ds = new DefaultBoxAndWhiskerCategoryDataset();
    for (int i = 0; i < spec.categories().size(); i++) {
      BoxStats b = spec.boxes().get(i);
      ds.add(new BoxAndWhiskerItem(b.mean(), b.median(), b.p25(), b.p75(), b.p10(), b.p90(),
          null, null, List.of()), BOX_SERIES, spec.categories().get(i));
    }
    return ds;
  }

  static final String BOX_SERIES = "分布";
  static final String MEAN_SERIES = "均值";

  /** Box-and-whisker chart: box P25–P75, median line, mean marker, whiskers P10–P90. */
  public static JFreeChart boxPlot(BoxPlotSpec spec) {
    ChartTheme theme = ChartTheme.forLabels(labels(spec)); // first: it also sets headless mode
    JFreeChart chart = ChartFactory.createBoxAndWhiskerChart(spec.title(),
        spec.categoryAxisLabel(), spec.valueAxisLabel(), dataset(spec), false);
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
      means.addValue(spec.boxes().get(i).mean(), MEAN_SERIES, spec.categories().get(i));
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
    StringBuilder sb = new StringBuilder(BOX_SERIES + MEAN_SERIES + "◆");
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
