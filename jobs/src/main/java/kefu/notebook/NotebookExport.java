package kefu.notebook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kefu.report.AtomicOutput;
import kefu.report.Labels;
import kefu.report.ReviewReport;

/**
 * Exports a run as {@code <outDir>/review.ipynb} (nbformat 4.5) and {@code review.html}: the
 * findings, key figures and tables as text, the charts as images, and Python cells that load
 * the run's Parquet marts. The folder appears complete or not at all.
 */
public final class NotebookExport {
  public static final String NOTEBOOK_FILE = "review.ipynb";
  public static final String HTML_FILE = "review.html";

  private NotebookExport() {}

  /**
   * @param chartsDir the run's charts folder (its PNGs are embedded), may be absent
   * @return the notebook's path
   */
  public static Path write(ReviewReport report, Labels labels, Path chartsDir, RunLocation run,
      Path outDir) {
    AtomicOutput.write(outDir, dir -> {
      List<Block> blocks = Narrative.of(report, labels, chartsDir, run);
      Files.writeString(dir.resolve(NOTEBOOK_FILE),
          IpynbFile.render(blocks, labels.language()), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(HTML_FILE),
          HtmlPage.render(report.title(), labels.language(), blocks), StandardCharsets.UTF_8);
    });
    return outDir.toAbsolutePath().normalize().resolve(NOTEBOOK_FILE);
  }
}
