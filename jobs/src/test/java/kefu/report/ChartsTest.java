package kefu.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

class ChartsTest {

  @Test
  void datasetHasOneRowPerSeriesAndOneColumnPerCategory() {
    CategoryDataset ds = Charts.dataset(SampleReports.conversionChart("客服"));
    assertEquals(List.of("本期", "上期"), ds.getRowKeys());
    assertEquals(List.of("小美", "阿强", "王芳"), ds.getColumnKeys());
    assertEquals(0.41, ds.getValue("上期", "小美").doubleValue(), 1e-12);
    assertEquals(null, ds.getValue("上期", "阿强"));
  }

  @Test
  void everyChartLabelIsDisplayableByTheBundledFont() {
    ChartSpec spec = SampleReports.conversionChart("客服");
    JFreeChart chart = Charts.barChart(spec);
    CategoryPlot plot = chart.getCategoryPlot();
    CategoryAxis categories = plot.getDomainAxis();
    ValueAxis values = plot.getRangeAxis();

    assertDisplays(chart.getTitle().getFont(), spec.title());
    assertDisplays(categories.getLabelFont(), spec.categoryAxisLabel());
    assertDisplays(values.getLabelFont(), spec.valueAxisLabel());
    for (String category : spec.categories()) {
      assertDisplays(categories.getTickLabelFont(category), category);
    }
    for (String series : spec.series().keySet()) {
      assertDisplays(chart.getLegend().getItemFont(), series);
    }
    assertEquals(ChartTheme.fontFamily(), chart.getTitle().getFont().getFamily());
  }

  @Test
  void theBundledFontIsUsedWhateverTheMachineHasInstalled() {
    assertEquals("Noto Sans SC", ChartTheme.fontFamily());
    assertEquals(-1, new Font(ChartTheme.fontFamily(), Font.PLAIN, 12)
        .canDisplayUpTo("客服销售额 询单→付款 ¥1,234.50 (2025Q4)"));
  }

  @Test
  void svgIsReproducibleAndKeepsTextAsText() {
    JFreeChart chart = Charts.barChart(SampleReports.salesChart());
    String first = Charts.svg(chart, 400, 300);
    String second = Charts.svg(Charts.barChart(SampleReports.salesChart()), 400, 300);
    assertEquals(first, second);
    assertTrue(first.contains("类目销售额"));
    assertTrue(first.startsWith("<?xml"));
  }

  @Test
  void pngHasTheRequestedSize() throws Exception {
    byte[] png = Charts.png(Charts.barChart(SampleReports.salesChart()), 320, 200);
    var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
    assertEquals(320, image.getWidth());
    assertEquals(200, image.getHeight());
  }

  @Test
  void specRejectsSeriesOfTheWrongLengthAndUnsafeIds() {
    LinkedHashMap<String, List<Number>> series = new LinkedHashMap<>();
    series.put("a", new ArrayList<>(List.of(1)));
    assertThrows(IllegalArgumentException.class, () -> new ChartSpec("x", "t", "c", "v",
        CellKind.INTEGER, List.of("p", "q"), series, null));
    assertThrows(IllegalArgumentException.class, () -> new ChartSpec("../evil", "t", "c", "v",
        CellKind.INTEGER, List.of("p"), series, null));
  }

  private static void assertDisplays(Font font, String text) {
    assertEquals(-1, font.canDisplayUpTo(text), font.getFamily() + " cannot display " + text);
  }
}
