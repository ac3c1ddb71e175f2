package kefu.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens a workbook the way another spreadsheet program would: headless LibreOffice converts it
 * to PDF, poppler extracts the text. scripts/install-test-tools.sh (run by Maven) installs both;
 * if they are still missing the test fails and says so rather than skipping.
 */
public final class LibreOffice {
  private LibreOffice() {}

  /** Spreadsheet errors a broken formula or reference would show. */
  public static final List<String> ERROR_VALUES =
      List.of("#REF!", "#VALUE!", "#NAME?", "#DIV/0!", "#N/A", "Err:");

  /** The workbook as PDF next to {@code workDir}; throws if LibreOffice cannot open it. */
  public static Path toPdf(Path workbook, Path workDir) throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    Path profile = workDir.resolve("lo-profile");
    run(workDir, 180, "soffice", "-env:UserInstallation=" + profile.toUri(), "--headless",
        "--norestore", "--convert-to", "pdf", "--outdir", workDir.toString(),
        workbook.toString());
    String name = workbook.getFileName().toString().replaceFirst("\\.xlsx$", ".pdf");
    Path pdf = workDir.resolve(name);
    if (!Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
      throw new AssertionError("LibreOffice did not convert " + workbook + " to PDF");
    }
    return pdf;
  }

  /** The PDF's text, page by page in reading order. */
  public static String text(Path pdf) throws IOException, InterruptedException {
    Path txt = pdf.resolveSibling(pdf.getFileName() + ".txt");
    run(pdf.getParent(), 60, "pdftotext", "-enc", "UTF-8", pdf.toString(), txt.toString());
    return Files.readString(txt, StandardCharsets.UTF_8);
  }

  /** Page 1 as a PNG (for a person to look at). */
  public static Path firstPagePng(Path pdf) throws IOException, InterruptedException {
    Path prefix = pdf.resolveSibling("page");
    run(pdf.getParent(), 60, "pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1",
        "-singlefile", pdf.toString(), prefix.toString());
    return pdf.resolveSibling("page.png");
  }

  private static void run(Path dir, int seconds, String... command)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(command));
    Process p;
    try {
      p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(dir.resolve(command[0] + ".log").toFile()).start();
    } catch (IOException notInstalled) {
      throw new AssertionError(command[0] + " is not installed: run scripts/install-test-tools.sh "
          + "(Maven runs it before the tests when it may install Debian packages)", notInstalled);
    }
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command[0] + " did not finish in " + seconds + " s");
    }
    if (p.exitValue() != 0) {
      throw new AssertionError(command[0] + " failed (" + p.exitValue() + "): "
          + Files.readString(dir.resolve(command[0] + ".log")));
    }
  }
}
