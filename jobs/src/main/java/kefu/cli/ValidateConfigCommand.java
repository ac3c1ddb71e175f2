package kefu.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kefu.calendar.CalendarConfigError;
import kefu.calendar.PromotionCalendar;
import kefu.pay.PayConfig;
import kefu.pay.PayConfigError;
import kefu.sourcing.SourcingConfig;
import kefu.sourcing.SourcingConfigError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kefu validate-config DIR}: every problem of the config, one line each naming workbook,
 * sheet and cell, so the analyst can fix them all in one pass before a long run.
 */
@Command(name = "validate-config", mixinStandardHelpOptions = true,
    description = "Check the config in DIR (pay_schemes.xlsx, calendar.xlsx, sourcing.xlsx) "
        + "without running anything. Prints each file's state and each problem as "
        + "workbook!sheet!cell: what was expected; exit code 1 if any, or if DIR holds none of "
        + "the three (unless --allow-defaults).")
public final class ValidateConfigCommand implements Callable<Integer> {
  /** The files checked, in the order they are reported. */
  static final List<String> CHECKED = List.of(PayConfig.FILE_NAME, PromotionCalendar.FILE_NAME,
      SourcingConfig.FILE_NAME);

  @Parameters(index = "0", paramLabel = "DIR", description = "Config folder to check.")
  Path dir;

  @Option(names = "--allow-defaults", description = "Accept a folder without any config file "
      + "(a review then uses the built-in defaults for all of them).")
  boolean allowDefaults;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(dir)) {
      err.println("kefu: " + dir + ": not a folder");
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    out.println("checking " + dir.toAbsolutePath().normalize() + ": "
        + String.join(", ", CHECKED));
    // A mistyped --config folder looks like this too: say so instead of passing on defaults.
    if (!allowDefaults && CHECKED.stream().noneMatch(f -> Files.exists(dir.resolve(f)))) {
      out.flush();
      err.println("kefu: " + dir + " holds no config file (none of " + String.join(", ", CHECKED)
          + "); write the defaults to edit with 'kefu init-config " + dir + "', or give "
          + "--allow-defaults to accept the built-in defaults");
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    int payProblems = validatePay(out);
    int calendarProblems = validateCalendar(out);
    int sourcingProblems = validateSourcing(out);
    out.flush();
    reportCount(payProblems, PayConfig.FILE_NAME, err);
    reportCount(calendarProblems, PromotionCalendar.FILE_NAME, err);
    reportCount(sourcingProblems, SourcingConfig.FILE_NAME, err);
    return payProblems + calendarProblems + sourcingProblems == 0
        ? ExitCodes.OK : ExitCodes.BAD_INPUT;
  }

  /** Checks pay_schemes.xlsx (if present); prints each problem and returns how many. */
  private int validatePay(PrintWriter out) {
    if (!Files.exists(dir.resolve(PayConfig.FILE_NAME))) {
      out.println(PayConfig.FILE_NAME + ": not present; review uses the built-in defaults "
          + "(kefu init-config " + dir + " writes them to edit)");
      return 0;
    }
    try {
      PayConfig config = PayConfig.read(dir);
      out.println(PayConfig.FILE_NAME + ": OK, " + config.schemes().size() + " schemes, "
          + config.components().size() + " components, current scheme "
          + config.currentScheme().schemeId());
      return 0;
    } catch (PayConfigError e) {
      e.problems().forEach(out::println);
      return e.problems().size();
    }
  }

  /** Checks calendar.xlsx (if present); prints each problem and returns how many. */
  private int validateCalendar(PrintWriter out) {
    if (!Files.exists(dir.resolve(PromotionCalendar.FILE_NAME))) {
      out.println(PromotionCalendar.FILE_NAME + ": not present; the built-in promotion dates "
          + "are used");
      out.flush();
      return 0;
    }
    try {
      PromotionCalendar calendar = PromotionCalendar.readOrDefaults(dir);
      out.println(PromotionCalendar.FILE_NAME + ": OK, " + calendar.events().size() + " phases");
      out.flush();
      return 0;
    } catch (CalendarConfigError e) {
      e.problems().forEach(out::println);
      out.flush();
      return e.problems().size();
    }
  }

  /** Checks sourcing.xlsx (if present); prints each problem and returns how many. */
  private int validateSourcing(PrintWriter out) {
    if (!Files.exists(dir.resolve(SourcingConfig.FILE_NAME))) {
      out.println(SourcingConfig.FILE_NAME + ": not present; the built-in in-house and "
          + "outsourcing defaults are used");
      out.flush();
      return 0;
    }
    try {
      SourcingConfig config = SourcingConfig.read(dir);
      out.println(SourcingConfig.FILE_NAME + ": OK, " + config.quotes().size()
          + " outsourcing quotes, " + config.inHouse().size() + " city tiers");
      out.flush();
      return 0;
    } catch (SourcingConfigError e) {
      e.problems().forEach(out::println);
      out.flush();
      return e.problems().size();
    }
  }

  private void reportCount(int problems, String file, PrintWriter err) {
    if (problems > 0) {
      err.println("kefu: " + problems + " problem" + (problems == 1 ? "" : "s") + " in "
          + dir.resolve(file));
      err.flush();
    }
  }
}
