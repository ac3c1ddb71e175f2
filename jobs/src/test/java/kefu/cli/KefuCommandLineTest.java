package kefu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import kefu.derive.Judgment;
import kefu.pipeline.ReviewSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Command lines only, nothing real runs: defaults, help, usage errors and how failures are told. */
class KefuCommandLineTest {

  @Test
  void theRunIdComesFromSourceDateEpochSoThatEqualRunsHaveEqualIds() {
    assertEquals("2025Q4-20260105-160000", ReviewCommand.runId(kefu.marts.Period.parse("2025Q4"),
        java.time.Instant.ofEpochSecond(1_767_600_000L), java.time.ZoneId.of("Asia/Shanghai")));
  }


  @Test
  void reviewDefaultsFollowTheDomainBrief() {
    CommandLine cmd = Kefu.commandLine();
    CommandLine.ParseResult parsed = cmd.parseArgs("review", "--orders", "a.csv", "b/",
        "--period", "2025Q4");
    ReviewCommand review = (ReviewCommand) parsed.subcommand().commandSpec().userObject();
    ReviewSettings s = review.settings();
    assertEquals("2025Q4", s.period());
    assertEquals(java.util.List.of("a.csv", "b/"), s.inputs().orders());
    assertEquals(30, s.rules().sessionGapMinutes());
    assertEquals(1, s.rules().attributionWindowDays());
    assertEquals(Judgment.PAYMENT, s.rules().judgment());
    assertEquals("Asia/Shanghai", s.timeZone());
    assertTrue(s.out().contains("reports"), s.out());
    assertTrue(s.notebookElsewhere() && s.notebooksDir().endsWith("notebooks-export"),
        "without --out the notebook export goes into the checkout's notebooks-export/");
  }

  @Test
  void theNotebookGoesWithTheReportUnlessMovedOrSkipped() {
    String[] base = {"review", "--orders", "a.csv", "--period", "2025Q4", "--out", "/tmp/r"};
    ReviewSettings s = reviewSettings(base);
    assertTrue(s.notebookWithReport() && !s.notebookElsewhere());
    s = reviewSettings(append(base, "--notebooks", "/tmp/nb"));
    assertEquals("/tmp/nb", s.notebooksDir());
    assertTrue(s.notebookElsewhere() && !s.notebookWithReport());
    s = reviewSettings(append(base, "--no-notebook"));
    assertEquals(null, s.notebooksDir());
    assertTrue(!s.notebookElsewhere() && !s.notebookWithReport());
  }

  private static ReviewSettings reviewSettings(String... args) {
    CommandLine.ParseResult parsed = Kefu.commandLine().parseArgs(args);
    return ((ReviewCommand) parsed.subcommand().commandSpec().userObject()).settings();
  }

  private static String[] append(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  /** Spark's shutdown hook stops the context under a running stage on Ctrl-C or kill. */
  @Test
  void aFailureWhileTheJvmStopsSaysTheRunWasStoppedNotThatItIsABug() {
    StringWriter err = new StringWriter();
    CommandLine stopping = Kefu.commandLine(() -> true).addSubcommand(new StoppedStage());
    stopping.setErr(new PrintWriter(err));
    assertEquals(ExitCodes.STOPPED, stopping.execute("stage"));
    assertTrue(err.toString().startsWith("kefu: stopped (Ctrl-C or kill)"), err.toString());

    err.getBuffer().setLength(0);
    CommandLine running = Kefu.commandLine(() -> false).addSubcommand(new StoppedStage());
    running.setErr(new PrintWriter(err));
    assertEquals(ExitCodes.INTERNAL, running.execute("stage"));
    assertTrue(err.toString().startsWith("kefu: internal error: IllegalStateException"),
        err.toString());
  }

  @CommandLine.Command(name = "stage")
  static final class StoppedStage implements Runnable {
    @Override
    public void run() {
      throw new IllegalStateException("Cannot call methods on a stopped SparkContext.");
    }
  }

  @Test
  void aBadPeriodIsAUsageErrorNamingTheExpectedForms() {
    StringWriter err = new StringWriter();
    CommandLine cmd = Kefu.commandLine();
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute("review", "--orders", "x.csv", "--period", "2025Q5");
    assertEquals(ExitCodes.USAGE, code);
    assertTrue(err.toString().contains("'2025Q5' is not a period; expected 2025Q4 (quarter, "
        + "capital Q), 2025-10 (month, two digits) or 2025 (year)"), err.toString());
  }

  /** The exact forms only: a near miss is refused with the form it was probably meant as. */
  @Test
  void periodsAreAcceptedOnlyInTheirExactForm() {
    for (String good : new String[] {"2020Q1", "2025-10", "2025-01", "2025"}) {
      CommandLine.ParseResult parsed = Kefu.commandLine().parseArgs("review", "--orders", "x.csv",
          "--period", good);
      assertEquals(good, ((ReviewCommand) parsed.subcommand().commandSpec().userObject())
          .settings().period());
    }
    String[][] nearMisses = {{"2020q1", "2020Q1"}, {"2025-1", "2025-01"}, {" 2025Q4", "2025Q4"},
        {"2025 Q4", "2025Q4"}};
    for (String[] miss : nearMisses) {
      StringWriter err = new StringWriter();
      CommandLine cmd = Kefu.commandLine();
      cmd.setErr(new PrintWriter(err));
      assertEquals(ExitCodes.USAGE, cmd.execute("review", "--orders", "x.csv", "--period",
          miss[0]), miss[0]);
      assertTrue(err.toString().contains("'" + miss[0] + "' is not a period;"), err.toString());
      assertTrue(err.toString().contains("did you mean " + miss[1] + "?"), err.toString());
    }
  }

  /** A usage error is one line saying what is wrong and one pointing at --help, not the usage. */
  @Test
  void aUsageErrorIsOneLinePlusAPointerToHelp() {
    String[][] mistakes = {
        {"review", "--orders", "x.csv", "--period", "2020q1"},
        {"review", "--orders", "x.csv"},
        {"review", "--orders", "x.csv", "--period", "2025Q4", "--perod", "2025Q4"},
        {"validate-config"},
        {"nonsense"}};
    for (String[] args : mistakes) {
      StringWriter err = new StringWriter();
      StringWriter out = new StringWriter();
      CommandLine cmd = Kefu.commandLine();
      cmd.setErr(new PrintWriter(err));
      cmd.setOut(new PrintWriter(out));
      assertEquals(ExitCodes.USAGE, cmd.execute(args), String.join(" ", args));
      List<String> lines = err.toString().lines().toList();
      assertEquals(2, lines.size(), err.toString());
      String command = args[0].equals("nonsense") ? "kefu" : "kefu " + args[0];
      assertTrue(lines.get(0).startsWith(command + ": "), lines.get(0));
      assertEquals("Try '" + command + " --help' for the options.", lines.get(1));
      assertEquals("", out.toString());
    }
    StringWriter err = new StringWriter();
    CommandLine cmd = Kefu.commandLine();
    cmd.setErr(new PrintWriter(err));
    cmd.execute("review", "--orders", "x.csv", "--period", "2025Q4", "--shpo", "a");
    assertTrue(err.toString().contains("did you mean --shop?"), err.toString());
  }

  @Test
  void langChoosesTheWorkbookLanguage() {
    CommandLine.ParseResult parsed = Kefu.commandLine().parseArgs("review", "--orders", "a.csv",
        "--period", "2025Q4", "--lang", "en");
    ReviewCommand review = (ReviewCommand) parsed.subcommand().commandSpec().userObject();
    assertEquals("en", review.settings().language());
    parsed = Kefu.commandLine().parseArgs("review", "--orders", "a.csv", "--period", "2025Q4");
    assertEquals("zh", ((ReviewCommand) parsed.subcommand().commandSpec().userObject())
        .settings().language());
    parsed = Kefu.commandLine().parseArgs("demo", "--lang", "EN");
    assertEquals("en", ((DemoCommand) parsed.subcommand().commandSpec().userObject()).lang
        .language());
    parsed = Kefu.commandLine().parseArgs("bench", "--lang", "zh");
    assertEquals("zh", ((BenchCommand) parsed.subcommand().commandSpec().userObject()).lang
        .language());
  }

  @Test
  void aBadLanguageIsAUsageErrorNamingTheAllowedOnes() {
    for (String command : new String[] {"review", "demo", "bench"}) {
      StringWriter err = new StringWriter();
      CommandLine cmd = Kefu.commandLine();
      cmd.setErr(new PrintWriter(err));
      int code = command.equals("review")
          ? cmd.execute(command, "--orders", "x.csv", "--period", "2025Q4", "--lang", "fr")
          : cmd.execute(command, "--lang", "fr");
      assertEquals(ExitCodes.USAGE, code, command);
      assertTrue(err.toString().contains("'fr' is not a report language; expected zh or en"),
          err.toString());
    }
  }

  @Test
  void messagesPerOrderIsANumberFrom0To1000() {
    CommandLine.ParseResult parsed = Kefu.commandLine().parseArgs("bench", "--orders", "10",
        "--messages-per-order", "12.5");
    BenchCommand bench = (BenchCommand) parsed.subcommand().commandSpec().userObject();
    assertEquals(12.5, bench.messages.value());
    parsed = Kefu.commandLine().parseArgs("generate", "--out", "x");
    GenerateCommand generate = (GenerateCommand) parsed.subcommand().commandSpec().userObject();
    assertEquals(0.0, generate.messages.value(), "natural chats unless given");
    for (String bad : new String[] {"-1", "1001", "ten", "NaN"}) {
      StringWriter err = new StringWriter();
      CommandLine cmd = Kefu.commandLine();
      cmd.setErr(new PrintWriter(err));
      assertEquals(ExitCodes.USAGE, cmd.execute("generate", "--out", "x",
          "--messages-per-order", bad), bad);
      assertTrue(err.toString().contains("'" + bad + "' is not a number of messages per order; "
          + "expected 0 to 1000"), err.toString());
    }
  }

  @Test
  void theBaselineAloneNeedsTheBaselineAndACachedCsvRunAndNeverGenerates(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
    StringWriter err = new StringWriter();
    CommandLine cmd = Kefu.commandLine();
    cmd.setErr(new PrintWriter(err));
    assertEquals(ExitCodes.USAGE, cmd.execute("bench", "--baseline-alone"));
    assertTrue(err.toString().contains("--baseline-alone needs --baseline duckdb"),
        err.toString());

    java.nio.file.Path history = tmp.resolve("never-generated");
    assertEquals(ExitCodes.USAGE, cmd.execute("bench", "--orders", "10", "--data",
        history.toString(), "--baseline", "duckdb", "--baseline-alone"));
    assertTrue(err.toString().contains("--baseline-alone: no canonical Parquet cached for "
        + history + "; run the CSV review first"), err.toString());
    assertTrue(!java.nio.file.Files.exists(history), "nothing generated");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"review", "generate", "demo", "bench", "init-config",
        "validate-config"}) {
      StringWriter out = new StringWriter();
      CommandLine cmd = Kefu.commandLine();
      cmd.setOut(new PrintWriter(out));
      assertEquals(0, cmd.execute(command, "--help"), command);
      assertTrue(out.toString().contains("Usage: kefu " + command), out.toString());
    }
  }

  @Test
  void theLastCompleteQuarterOfTheSampleIsItsLastQuarter() {
    assertEquals("2025Q4", DemoCommand.lastCompleteQuarter(java.time.LocalDate.of(2025, 12, 31))
        .label());
    assertEquals("2025Q3", DemoCommand.lastCompleteQuarter(java.time.LocalDate.of(2025, 12, 30))
        .label());
  }
}
