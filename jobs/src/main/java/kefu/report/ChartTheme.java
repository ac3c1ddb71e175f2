package kefu.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Paint;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;

/**
 * The one look of every kefu chart: flat bars, white background, a fixed palette, and a font
 * chosen at runtime among the installed fonts so that the Chinese labels render.
 */
public final class ChartTheme {
  /** Tried first, in order; then any installed family that can display the labels. */
  public static final List<String> PREFERRED_FAMILIES = List.of(
      "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Noto Sans SC", "Source Han Sans SC",
      "Microsoft YaHei", "PingFang SC", "SimHei", "WenQuanYi Zen Hei", "Droid Sans Fallback");
  /** The logical font used when no installed font can display the labels. */
  public static final String FALLBACK_FAMILY = Font.SANS_SERIF;
  /** Text any CJK-capable font displays; used to tell whether this machine has one. */
  static final String CJK_PROBE = "客服询单转化率退款同比环比";

  private static final System.Logger LOG = System.getLogger(ChartTheme.class.getName());
  private static final Set<String> LOGICAL = Set.of(
      Font.DIALOG, Font.DIALOG_INPUT, Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED);
  private static final Paint[] PALETTE = {
      new Color(0x4E79A7), new Color(0xF28E2B), new Color(0x59A14F), new Color(0xE15759),
      new Color(0x76B7B2), new Color(0xEDC948), new Color(0xB07AA1), new Color(0x9C755F)};

  private static volatile Set<String> installedFamilies;

  private final String family;

  private ChartTheme(String family) {
    this.family = family;
  }

  /** A theme whose font displays every character of {@code labels}. */
  public static ChartTheme forLabels(String labels) {
    return new ChartTheme(fontFamily(labels));
  }

  public String family() {
    return family;
  }

  /**
   * The first preferred installed family that displays {@code text}, else any installed family
   * that does (alphabetically), else {@link #FALLBACK_FAMILY} with a warning.
   */
  public static String fontFamily(String text) {
    Set<String> installed = installedFamilies();
    for (String f : PREFERRED_FAMILIES) {
      if (installed.contains(f) && displays(f, text)) {
        return f;
      }
    }
    for (String f : installed) {
      if (!LOGICAL.contains(f) && displays(f, text)) {
        return f;
      }
    }
    LOG.log(System.Logger.Level.WARNING, "No installed font can display the chart labels {0};"
        + " falling back to {1}, Chinese text may show as boxes. Install fonts-noto-cjk.",
        abbreviate(text), FALLBACK_FAMILY);
    return FALLBACK_FAMILY;
  }

  /** True if some installed (non-logical) font family can display Chinese text. */
  public static boolean hasCjkFont() {
    return installedFamilies().stream()
        .anyMatch(f -> !LOGICAL.contains(f) && displays(f, CJK_PROBE));
  }

  /** Applies fonts, palette and plot look to {@code chart}. */
  public void apply(JFreeChart chart) {
    StandardChartTheme theme = new StandardChartTheme("kefu");
    theme.setExtraLargeFont(new Font(family, Font.BOLD, 18));
    theme.setLargeFont(new Font(family, Font.BOLD, 14));
    theme.setRegularFont(new Font(family, Font.PLAIN, 12));
    theme.setSmallFont(new Font(family, Font.PLAIN, 11));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setDomainGridlinePaint(new Color(0xDDDDDD));
    theme.setRangeGridlinePaint(new Color(0xDDDDDD));
    theme.setBarPainter(new StandardBarPainter());
    theme.setShadowVisible(false);
    theme.setDrawingSupplier(new DefaultDrawingSupplier(PALETTE,
        DefaultDrawingSupplier.DEFAULT_FILL_PAINT_SEQUENCE,
        DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE,
        DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE,
        DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
        DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
    theme.apply(chart);
    if (chart.getPlot() instanceof CategoryPlot plot) {
      plot.setRangeGridlineStroke(new BasicStroke(0.8f));
      plot.setOutlineVisible(false);
      if (plot.getRenderer() instanceof BarRenderer bars) {
        bars.setItemMargin(0.05);
        bars.setMaximumBarWidth(0.12); // a single series otherwise draws very wide bars
        bars.setDrawBarOutline(false);
      }
    }
  }

  private static boolean displays(String family, String text) {
    return new Font(family, Font.PLAIN, 12).canDisplayUpTo(text) == -1;
  }

  private static Set<String> installedFamilies() {
    Set<String> families = installedFamilies;
    if (families == null) {
      if (System.getProperty("java.awt.headless") == null) {
        System.setProperty("java.awt.headless", "true"); // a batch job never opens a window
      }
      families = new TreeSet<>(Arrays.asList(GraphicsEnvironment
          .getLocalGraphicsEnvironment().getAvailableFontFamilyNames(java.util.Locale.ROOT)));
      installedFamilies = families;
    }
    return families;
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
