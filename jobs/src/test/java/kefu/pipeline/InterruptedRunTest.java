package kefu.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kefu.ingest.InputPaths;
import kefu.testing.ParquetTables;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults as they happen: a run killed with SIGKILL in the middle leaves the previous report as it
 * was and nothing half-written in sight; a live run's lock makes a second run refuse. The rerun
 * goes to a Spark standalone cluster (scripts/cluster-local.sh, 2 executors in their own JVMs):
 * it takes over the dead run's lock and gives the same marts and workbook as the embedded run, so
 * the jar runs unchanged on a cluster. One rerun checks both, because each review costs minutes.
 */
class InterruptedRunTest {
  @TempDir Path tmp;

  @Test
  void aKilledRunLeavesThePreviousReportAndTheRerunOnAClusterIsIdentical() throws Exception {
    SampleRun first = SampleRun.get();
    InputPaths inputs = first.inputs;
    Path reports = Files.createDirectories(tmp.resolve("reports"));
    Path out = reports.resolve("review");
    copy(first.out, out); // the previous report
    byte[] workbook = Files.readAllBytes(out.resolve("review.xlsx"));
    List<String> contents = contents(out.resolve("review.xlsx"));
    List<String> marts = martNames(out);

    Process child = startReviewJvm(inputs, first.config, out);
    try {
      waitForStaging(reports, child);
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertArrayEquals(workbook, Files.readAllBytes(out.resolve("review.xlsx")),
        "the previous report is intact");
    assertEquals(List.of("review"), visible(reports), "nothing half-written in sight");

    String printed = LocalCluster.run(tmp, reviewArgs(inputs, first.config, out));
    assertTrue(printed.contains("1 worker, 2 executors of 1 core"), printed);
    // it took over the dead run's lock
    assertEquals(List.of("review"), visible(reports));
    try (Stream<Path> all = Files.list(reports)) {
      assertEquals(0, all.filter(p -> p.getFileName().toString().contains(".staging-")).count(),
          "the killed run's staging folder was removed");
    }
    assertEquals(marts, martNames(out));
    try (ParquetTables tables = new ParquetTables()) {
      for (String mart : marts) {
        assertSameRows(tables, mart, first.out, out);
      }
    }
    assertEquals(contents, contents(out.resolve("review.xlsx")),
        "same inputs and config, same workbook contents");
  }

  /**
   * Every cell of every sheet but 运行 (Run), which records the run's own id and time by design
   * (SOURCE_DATE_EPOCH pins both).
   */
  static List<String> contents(Path xlsx) throws Exception {
    List<String> cells = new ArrayList<>();
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
      org.apache.poi.ss.usermodel.DataFormatter f = new org.apache.poi.ss.usermodel.DataFormatter();
      for (org.apache.poi.ss.usermodel.Sheet sheet : wb) {
        if (sheet.getSheetName().equals("运行")) {
          continue;
        }
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
          for (org.apache.poi.ss.usermodel.Cell c : row) {
            cells.add(sheet.getSheetName() + "!" + c.getAddress() + "=" + f.formatCellValue(c));
          }
        }
      }
    }
    return cells;
  }

  @Test
  void aSecondRunOnALockedFolderRefusesWithAClearMessage() throws Exception {
    Path out = tmp.resolve("locked/review");
    Files.createDirectories(out.getParent());
    // The lock of a live process (this JVM) on this host.
    Files.writeString(out.resolveSibling(".review.lock"),
        ManagementFactory.getRuntimeMXBean().getName(), StandardCharsets.UTF_8);
    var e = assertThrows(OutputFolder.OutputLockedException.class,
        () -> OutputFolder.open(out.toString(), "r2", new Configuration()));
    assertTrue(e.getMessage().contains("another kefu run is writing"), e.getMessage());
  }

  private Process startReviewJvm(InputPaths inputs, Path config, Path out) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.addAll(List.of(LocalCluster.SMALL_RUN_JVM_FLAGS.split(" ")));
    cmd.add("-Djava.awt.headless=true");
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("-Djdk.reflect")
          || arg.startsWith("-Dio.netty")) {
        cmd.add(arg);
      }
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "kefu.cli.Kefu"));
    cmd.addAll(reviewArgs(inputs, config, out));
    cmd.add("--quiet");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }

  /** {@code review} of the sample's 2025Q4 into {@code out} in Chinese, without the notebook. */
  private static List<String> reviewArgs(InputPaths inputs, Path config, Path out) {
    List<String> args = new ArrayList<>(List.of("review", "--period", "2025Q4",
        "--out", out.toString(), "--config", config.toString(), "--lang", "zh", "--no-notebook"));
    args.add("--orders");
    args.addAll(inputs.orders());
    args.add("--refunds");
    args.addAll(inputs.refunds());
    args.add("--ratings");
    args.addAll(inputs.ratings());
    args.add("--chats");
    args.addAll(inputs.chats());
    args.add("--agents");
    args.add(inputs.agents().get(0));
    if (!inputs.agentExports().isEmpty()) {
      args.add("--agent-exports");
      args.addAll(inputs.agentExports());
    }
    return args;
  }

  /** Until the child has written part of its staging folder (the canonical tables). */
  private void waitForStaging(Path reports, Process child) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        throw new AssertionError("the child run ended before it could be killed: "
            + Files.readString(tmp.resolve("child.log")));
      }
      try (Stream<Path> entries = Files.list(reports)) {
        boolean writing = entries.anyMatch(p -> p.getFileName().toString().contains(".staging-")
            && Files.exists(p.resolve("canonical")));
        if (writing) {
          return;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the child run never started writing");
  }

  /**
   * The same rows (as multisets), doubles compared to 6 decimals: executors may add doubles up in
   * another order than the embedded run, which changes the last bits only. On a difference, up to
   * 3 rows found only in each run are shown.
   */
  private static void assertSameRows(ParquetTables tables, String mart, Path first, Path out)
      throws Exception {
    Path embedded = first.resolve("marts").resolve(mart);
    Path cluster = out.resolve("marts").resolve(mart);
    assertEquals(tables.schema(embedded), tables.schema(cluster), mart);
    List<String> before = comparable(tables.rows(embedded));
    List<String> after = comparable(tables.rows(cluster));
    assertEquals(before.size(), after.size(), mart);
    List<String> onlyBefore = onlyIn(before, after);
    List<String> onlyAfter = onlyIn(after, before);
    assertTrue(onlyBefore.isEmpty() && onlyAfter.isEmpty(),
        mart + " differs:\n embedded only " + onlyBefore + "\n cluster only " + onlyAfter);
  }

  /** Each row as its cells' text, doubles rounded half up to 6 decimals as Spark rounds, sorted. */
  private static List<String> comparable(List<List<Object>> rows) {
    List<String> lines = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      List<String> cells = new ArrayList<>(row.size());
      for (Object v : row) {
        cells.add(String.valueOf(v instanceof Double || v instanceof Float
            ? round6(((Number) v).doubleValue()) : v));
      }
      lines.add(cells.toString());
    }
    lines.sort(null);
    return lines;
  }

  private static double round6(double d) {
    return Double.isNaN(d) || Double.isInfinite(d) ? d
        : BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_UP).doubleValue();
  }

  /** Up to 3 rows of sorted {@code a} not matched one for one in sorted {@code b}. */
  private static List<String> onlyIn(List<String> a, List<String> b) {
    List<String> only = new ArrayList<>();
    int j = 0;
    for (int i = 0; i < a.size() && only.size() < 3; i++) {
      while (j < b.size() && b.get(j).compareTo(a.get(i)) < 0) {
        j++;
      }
      if (j < b.size() && b.get(j).equals(a.get(i))) {
        j++;
      } else {
        only.add(a.get(i));
      }
    }
    return only;
  }

  private static List<String> martNames(Path out) throws Exception {
    try (Stream<Path> s = Files.list(out.resolve("marts"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> visible(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted()
          .toList();
    }
  }

  private static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
  }
}
