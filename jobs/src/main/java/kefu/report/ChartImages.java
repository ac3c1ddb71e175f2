package kefu.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kefu.report.WorkbookStyles.Style;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.jfree.chart.JFreeChart;

/** Renders a chart once and puts it where it belongs: charts/&lt;id&gt;.png/.svg and a sheet. */
final class ChartImages {
  static final int WIDTH_PX = 960;
  static final int HEIGHT_PX = 540;
  /** Excel's default column is about 64 px wide and its default row 20 px high. */
  private static final int COLUMN_PX = 64;
  private static final int ROW_PX = 20;
  static final int ROWS_PER_CHART = HEIGHT_PX / ROW_PX + 2;

  private ChartImages() {}

  /** Writes charts/&lt;id&gt;.png and .svg under {@code dir}; returns the PNG bytes. */
  static byte[] render(ChartSpec spec, Path chartsDir) throws IOException {
    return render(spec.id(), Charts.barChart(spec), chartsDir);
  }

  /** Writes charts/&lt;id&gt;.png and .svg of a box plot; returns the PNG bytes. */
  static byte[] render(BoxPlotSpec spec, Labels labels, Path chartsDir) throws IOException {
    return render(spec.id(), Charts.boxPlot(spec, labels), chartsDir);
  }

  /** Writes charts/&lt;id&gt;.png and .svg of a daily time series; returns the PNG bytes. */
  static byte[] render(TimeSeriesSpec spec, Path chartsDir) throws IOException {
    return render(spec.id(), Charts.timeSeries(spec), chartsDir);
  }

  private static byte[] render(String id, JFreeChart chart, Path chartsDir) throws IOException {
    byte[] png = Charts.png(chart, WIDTH_PX, HEIGHT_PX);
    Files.createDirectories(chartsDir);
    Files.write(chartsDir.resolve(id + ".png"), png);
    Files.writeString(chartsDir.resolve(id + ".svg"),
        Charts.svg(chart, WIDTH_PX, HEIGHT_PX), StandardCharsets.UTF_8);
    return png;
  }

  /** Embeds {@code png} on {@code sheet} with its top-left corner at (col, row). */
  static void embed(Sheet sheet, byte[] png, int col, int row) {
    Workbook wb = sheet.getWorkbook();
    int picture = wb.addPicture(png, Workbook.PICTURE_TYPE_PNG);
    ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
    anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
    anchor.setCol1(col);
    anchor.setRow1(row);
    anchor.setCol2(col + (WIDTH_PX + COLUMN_PX - 1) / COLUMN_PX);
    anchor.setRow2(row + (HEIGHT_PX + ROW_PX - 1) / ROW_PX);
    sheet.createDrawingPatriarch().createPicture(anchor, picture);
  }

  /** The title row of the 图表 (Charts) sheet. */
  static void titleCharts(Sheet sheet, Cells cells, Labels labels) {
    cells.text(sheet.createRow(0), 0, labels.get("report.title.charts"), Style.TITLE);
  }
}
