package kefu.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import kefu.ingest.InputError;
import kefu.pipeline.OutputFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kefu} command: customer-service analytics for Taobao/Tmall shops. */
@Command(name = "kefu", mixinStandardHelpOptions = true, versionProvider = Kefu.Version.class,
    description = "Customer-service (客服) analytics for Taobao/Tmall shops: conversion, refunds, "
        + "pay schemes, seasons and outsourcing cost, from the shop's own exports.",
    subcommands = {ReviewCommand.class, GenerateCommand.class, DemoCommand.class,
        InitConfigCommand.class, ValidateConfigCommand.class,
        BenchCommand.class, CommandLine.HelpCommand.class})
public final class Kefu implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
  }

  /**
   * Set by a shutdown hook. Ctrl-C or {@code kill} runs Spark's own hook, which stops the
   * context under the running stage; the failure that follows is the run being stopped, not a bug.
   */
  private static final AtomicBoolean STOPPING = new AtomicBoolean();

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> STOPPING.set(true), "kefu-stopping"));
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests parse with it without running anything. */
  public static CommandLine commandLine() {
    return commandLine(STOPPING::get);
  }

  /** The command line, told by {@code stopping} whether the JVM is being shut down. */
  static CommandLine commandLine(BooleanSupplier stopping) {
    CommandLine cmd = new CommandLine(new Kefu());
    cmd.setExitCodeExceptionMapper(Kefu::exitCode);
    cmd.setParameterExceptionHandler(Kefu::usageError);
    cmd.setExecutionExceptionHandler((ex, line, parsed) -> {
      boolean debug = parsed.originalArgs().contains("--debug");
      PrintWriter err = line.getErr();
      int code = exitCode(ex);
      Throwable cause = expected(ex);
      if (cause != null) {
        err.println("kefu: " + cause.getMessage());
      } else if (stopping.getAsBoolean()) {
        err.println("kefu: stopped (Ctrl-C or kill) before the command finished; outputs are "
            + "only published complete, so the previous ones are intact");
        code = ExitCodes.STOPPED;
      } else {
        err.println("kefu: internal error: " + describe(ex)
            + (debug ? "" : " (rerun with --debug for the stack trace)"));
      }
      if (debug) {
        ex.printStackTrace(err);
      }
      err.flush();
      return code;
    });
    return cmd;
  }

  /**
   * A wrong command line: the problem in one line and where the options are, not picocli's full
   * usage text, which pushed the one line that matters off the screen.
   */
  static int usageError(CommandLine.ParameterException ex, String[] args) {
    CommandLine line = ex.getCommandLine();
    PrintWriter err = line.getErr();
    String name = line.getCommandSpec().qualifiedName();
    String message = ex.getMessage();
    if (ex instanceof CommandLine.UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      message += "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
    }
    err.println(name + ": " + message);
    err.println("Try '" + name + " --help' for the options.");
    err.flush();
    return ExitCodes.USAGE;
  }

  static int exitCode(Throwable ex) {
    if (ex instanceof CommandLine.ParameterException) {
      return ExitCodes.USAGE;
    }
    return expected(ex) != null ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL;
  }

  /** The input or config problem behind an exception, also when Spark wrapped it in a task failure. */
  static Throwable expected(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof InputError || t instanceof OutputFolder.OutputLockedException) {
        return t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /**
   * One line for an unexpected failure. Running out of memory or disk is the machine's problem,
   * not a bug, and usually arrives wrapped in Spark's task failures: say so plainly.
   */
  static String describe(Throwable ex) {
    for (Throwable t = ex; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return "out of memory; give the JVM more heap (KEFU_HEAP=16g ./kefu ...) — no report was "
            + "written and the previous one is intact";
      }
      if (t instanceof java.io.IOException && t.getMessage() != null
          && t.getMessage().contains("No space left on device")) {
        return "out of disk space (" + t.getMessage().lines().findFirst().orElse("")
            + "); free space where --out and the temporary folder (java.io.tmpdir) live — no "
            + "report was written and the previous one is intact";
      }
    }
    String m = ex.getMessage();
    return ex.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
  }

  /** The version from the jar manifest, or "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Kefu.class.getPackage().getImplementationVersion();
      return new String[] {"kefu " + (v == null ? "dev" : v)};
    }
  }
}
