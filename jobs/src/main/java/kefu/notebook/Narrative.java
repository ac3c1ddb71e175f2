package kefu.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kefu.report.KeyFigure;
import kefu.report.Labels;
import kefu.report.ReportColumn;
import kefu.report.ReportTable;
import kefu.report.ReviewReport;

/**
 * The story of one run, from the report model: key figures, findings, every chart, the head of
 * every table, and the Python cells that load the run's Parquet marts. Only report values and
 * chart images go in (never input text such as chat lines), so the export is safe to share.
 */
final class Narrative {
  private Narrative() {}

  /** Rows of each table shown; the Parquet marts and the workbook hold the rest. */
  static final int TABLE_ROWS = 15;

  static List<Block> of(ReviewReport report, Labels l, Path chartsDir, RunLocation run)
      throws IOException {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(1, report.title()));
    blocks.add(new Block.Paragraph(l.format("notebook.intro", report.period(),
        report.previousPeriod(), report.lastYearPeriod(), report.timeZone(), run.runId())));

    blocks.add(new Block.Heading(2, l.get("notebook.key_figures")));
    List<List<String>> figures = new ArrayList<>();
    for (KeyFigure k : report.keyFigures()) {
      figures.add(List.of(k.label(), ValueText.of(k.value(), k.kind()),
          ValueText.of(k.previous(), k.kind()), ValueText.of(k.lastYear(), k.kind())));
    }
    blocks.add(new Block.Table(List.of(l.get("notebook.figure"), report.period(),
        report.previousPeriod(), report.lastYearPeriod()), figures, null));

    if (!report.findings().isEmpty()) {
      blocks.add(new Block.Heading(2, l.get("notebook.findings")));
      blocks.add(new Block.Bullets(report.findings()));
    }

    List<Path> charts = pngs(chartsDir);
    if (!charts.isEmpty()) {
      blocks.add(new Block.Heading(2, l.get("notebook.charts")));
      for (Path png : charts) {
        String name = png.getFileName().toString();
        blocks.add(new Block.Image(name, Files.readAllBytes(png),
            l.format("notebook.chart_caption", name.replace(".png", ".svg"))));
      }
    }

    blocks.add(new Block.Heading(2, l.get("notebook.tables")));
    for (ReportTable t : report.tables()) {
      blocks.add(new Block.Heading(3, t.title() != null ? t.title() : t.sheetName()));
      blocks.add(head(t, l));
    }

    blocks.add(new Block.Heading(2, l.get("notebook.rerun")));
    blocks.add(new Block.Paragraph(l.format("notebook.rerun_text", run.martsLocation())));
    blocks.add(new Block.Code(ResearchCode.load(run)));
    blocks.add(new Block.Code(ResearchCode.conversionByAgent(run)));
    blocks.add(new Block.Code(ResearchCode.payDistribution()));
    return blocks;
  }

  private static Block.Table head(ReportTable t, Labels l) {
    List<String> headers = t.columns().stream().map(ReportColumn::header).toList();
    List<List<String>> rows = new ArrayList<>();
    for (List<Object> row : t.rows().subList(0, Math.min(TABLE_ROWS, t.rows().size()))) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < t.columns().size(); c++) {
        cells.add(ValueText.of(c < row.size() ? row.get(c) : null, t.columns().get(c).kind()));
      }
      rows.add(cells);
    }
    String note = t.rows().size() > TABLE_ROWS
        ? l.format("notebook.more_rows", TABLE_ROWS, t.rows().size(), t.sheetName()) : null;
    return new Block.Table(headers, rows, note);
  }

  private static List<Path> pngs(Path chartsDir) throws IOException {
    if (chartsDir == null || !Files.isDirectory(chartsDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(chartsDir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList();
    }
  }
}
