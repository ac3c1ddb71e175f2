package kefu.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.Paint;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;

/**
 * The one look of every kefu chart: flat bars, white background, a fixed palette, and the CJK
 * font bundled in the jar (Noto Sans SC, fetched by the build; see jobs/pom.xml), so that Chinese
 * labels render the same on every machine, fonts installed or not, and never as boxes.
 */
public final class ChartTheme {
  /** Where the build puts the bundled font on the classpath. */
  static final String BUNDLED_FONT = "/kefu/fonts/NotoSansSC_400Regular.ttf";
  /** Text the bundled font must display; a font that cannot is not a CJK font. */
  static final String CJK_PROBE = "客服询单转化率退款同比环比";

  private static final System.Logger LOG = System.getLogger(ChartTheme.class.getName());
  private static final Paint[] PALETTE = {
      new Color(0x4E79A7), new Color(0xF28E2B), new Color(0x59A14F), new Color(0xE15759),
      new Color(0x76B7B2), new Color(0xEDC948), new Color(0xB07AA1), new Color(0x9C755F)};

  private final String family;

  private ChartTheme(String family) {
    this.family = family;
  }

  /**
   * The theme, with a warning when some character of {@code labels} (say, an emoji in an agent's
   * nickname) is outside the bundled font and will show as a box.
   */
  public static ChartTheme forLabels(String labels) {
    String family = fontFamily();
    int missing = new Font(family, Font.PLAIN, 12).canDisplayUpTo(labels);
    if (missing >= 0) {
      LOG.log(System.Logger.Level.WARNING, "The chart font {0} cannot display \"{1}\" in {2}",
          family, labels.codePointAt(missing), abbreviate(labels));
    }
    return new ChartTheme(family);
  }

  public String family() {
    return family;
  }

  /**
   * The family of the bundled font, registered with the graphics environment on first use.
   *
   * @throws IllegalStateException if the jar lacks the font or it cannot display Chinese: charts
   *     with boxes instead of labels are worse than no charts
   */
  public static String fontFamily() {
    return BundledFont.FAMILY;
  }

  /** Loaded once per JVM (the font file is 10 MB). */
  private static final class BundledFont {
    static final String FAMILY = register();

    private static String register() {
      if (System.getProperty("java.awt.headless") == null) {
        System.setProperty("java.awt.headless", "true"); // a batch job never opens a window
      }
      try (InputStream in = ChartTheme.class.getResourceAsStream(BUNDLED_FONT)) {
        if (in == null) {
          throw new IllegalStateException("The chart font " + BUNDLED_FONT + " is not in the"
              + " jar; build it with ./mvnw -B package (the build downloads the font once)");
        }
        Font font = Font.createFont(Font.TRUETYPE_FONT, in);
        GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
        String family = font.getFamily(Locale.ROOT);
        if (new Font(family, Font.PLAIN, 12).canDisplayUpTo(CJK_PROBE) != -1) {
          throw new IllegalStateException("The chart font " + family + " cannot display"
              + " Chinese text");
        }
        return family;
      } catch (IOException | FontFormatException e) {
        throw new IllegalStateException("The chart font " + BUNDLED_FONT + " cannot be read: "
            + e.getMessage(), e);
      }
    }
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

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
