package kefu.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSeriesChartTest {
  @TempDir Path dir;

  @Test
  void rendersBothAxesAndShadesEachWindow() {
    TimeSeriesSpec spec = SampleReports.timeSeries(null);
    JFreeChart chart = Charts.timeSeries(spec);
    XYPlot plot = chart.getXYPlot();
    assertEquals(2, plot.getRangeAxisCount());
    assertEquals("Conversion", plot.getRangeAxis(1).getLabel());
    assertEquals(61, plot.getDataset(0).getItemCount(0));
    assertNull(plot.getDataset(1).getY(0, 19), "a missing day is a gap");
    Collection<?> markers = plot.getDomainMarkers(Layer.BACKGROUND);
    assertEquals(2, markers.size());
    IntervalMarker nationalDay = (IntervalMarker) markers.iterator().next();
    assertEquals("National Day", nationalDay.getLabel());
    assertTrue(Charts.WINDOW_FILL.getAlpha() < 255, "translucent");
    // both ends inclusive: 1 Oct 00:00 to 7 Oct 23:59:59.999 UTC
    assertEquals(java.time.Instant.parse("2025-10-01T00:00:00Z").toEpochMilli(),
        (long) nationalDay.getStartValue());
    assertEquals(java.time.Instant.parse("2025-10-08T00:00:00Z").toEpochMilli() - 1,
        (long) nationalDay.getEndValue());
  }

  @Test
  void writesPngAndSvgFiles() throws IOException {
    byte[] png = ChartImages.render(SampleReports.timeSeries(null), dir);
    assertTrue(png.length > 1000, "png bytes");
    assertTrue(Files.size(dir.resolve("daily_orders.png")) > 0);
    String svg = Files.readString(dir.resolve("daily_orders.svg"), StandardCharsets.UTF_8);
    assertTrue(svg.contains("Daily orders and conversion"), "title in svg");
    assertTrue(svg.contains("11.11"), "window label in svg");
    assertEquals(svg, Charts.svg(Charts.timeSeries(SampleReports.timeSeries(null)),
        ChartImages.WIDTH_PX, ChartImages.HEIGHT_PX), "reproducible");
  }

  @Test
  void aChineseWindowLabelGetsAFontThatShowsIt() {
    TimeSeriesSpec spec = new TimeSeriesSpec("cn", "每日订单", java.util.List.of(
        java.time.LocalDate.of(2025, 11, 11)), "订单", CellKind.INTEGER, null, null, null, null,
        java.util.List.of(new TimeSeriesSpec.Window("双11", java.time.LocalDate.of(2025, 11, 11),
            java.time.LocalDate.of(2025, 11, 11))), null);
    assertTrue(Charts.labels(spec).contains("双11"));
    Charts.png(Charts.timeSeries(spec), 200, 100); // renders with no right axis, no series
  }
}
