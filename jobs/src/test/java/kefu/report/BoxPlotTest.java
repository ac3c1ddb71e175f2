package kefu.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.BoxAndWhiskerCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoxPlotTest {

  @TempDir
  Path tmp;

  static BoxPlotSpec payBoxes(String anchor) {
    return new BoxPlotSpec("pay_by_scheme", "各方案人月净薪酬分布", "方案", "元", CellKind.MONEY,
        List.of("S1", "S2"),
        List.of(new BoxStats(2260, 2500, new BigDecimal("3100.50"), 3600, 4200, 3180.25),
            new BoxStats(800, 1500, 2600, 4100, 6900, null)),
        anchor);
  }

  @Test
  void datasetCarriesTheQuantilesWithWhiskersAtP10AndP90() {
    BoxAndWhiskerCategoryDataset ds = Charts.dataset(payBoxes(null));
    assertEquals(List.of("S1", "S2"), ds.getColumnKeys());
    assertEquals(2260.0, ds.getMinRegularValue(0, 0).doubleValue());
    assertEquals(2500.0, ds.getQ1Value(0, 0).doubleValue());
    assertEquals(3100.5, ds.getMedianValue(0, 0).doubleValue());
    assertEquals(3600.0, ds.getQ3Value(0, 0).doubleValue());
    assertEquals(4200.0, ds.getMaxRegularValue(0, 0).doubleValue());
    assertEquals(3180.25, ds.getMeanValue(0, 0).doubleValue());
    assertEquals(null, ds.getMeanValue(0, 1));
  }

  @Test
  void rendersAsPngAndSvgWithTheCjkTheme() throws Exception {
    JFreeChart chart = Charts.boxPlot(payBoxes(null));
    assertTrue(chart.getCategoryPlot().getRenderer() instanceof BoxAndWhiskerRenderer);
    byte[] png = Charts.png(chart, 320, 200);
    var image = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(320, image.getWidth());
    assertEquals(200, image.getHeight());
    String svg = Charts.svg(Charts.boxPlot(payBoxes(null)), 400, 300);
    assertTrue(svg.startsWith("<?xml"));
    assertTrue(svg.contains("各方案人月净薪酬分布"));
    assertEquals(svg, Charts.svg(Charts.boxPlot(payBoxes(null)), 400, 300));
    assertEquals(-1, chart.getTitle().getFont().canDisplayUpTo("各方案人月净薪酬分布"));
  }

  @Test
  void theWriterPlacesBoxPlotsNextToTheirTableAndWritesTheFiles() throws Exception {
    ReviewReport base = SampleReports.report();
    ReviewReport report = new ReviewReport(base.title(), base.period(), base.previousPeriod(),
        base.lastYearPeriod(), base.timeZone(), base.keyFigures(), base.findings(), base.tables(),
        base.charts(), base.dataQuality(), new LinkedHashMap<>(base.run()),
        List.of(payBoxes("客服")));
    Path out = tmp.resolve("out");
    ReviewWorkbookWriter.write(report, out);
    for (String ext : List.of(".png", ".svg")) {
      Path file = out.resolve("charts/pay_by_scheme" + ext);
      assertTrue(Files.size(file) > 1000, file.toString());
    }
    assertTrue(Files.readString(out.resolve("charts/pay_by_scheme.svg"), StandardCharsets.UTF_8)
        .contains("S2"));
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("review.xlsx")))) {
      assertEquals(3, wb.getAllPictures().size());
      assertNotNull(wb.getSheet("客服").getDrawingPatriarch());
      assertEquals(2, wb.getSheet("客服").getDrawingPatriarch().getShapes().size());
    }
  }

  @Test
  void specRejectsMismatchedBoxesAndMissingQuantiles() {
    assertThrows(IllegalArgumentException.class, () -> new BoxPlotSpec("x", "t", "c", "v",
        CellKind.MONEY, List.of("a", "b"), List.of(new BoxStats(1, 2, 3, 4, 5, null)), null));
    assertThrows(IllegalArgumentException.class, () -> new BoxStats(1, null, 3, 4, 5, null));
  }
}
