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
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/** Grouped bar charts from {@link ChartSpec}s, rendered headless to PNG bytes or SVG text. */
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
