package kefu.cli;

/** The process exit codes kefu promises (README). */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;
  /** Bad input or config: the message names file, row, column, expected vs found. */
  public static final int BAD_INPUT = 1;
  /** The command line itself is wrong. */
  public static final int USAGE = 2;
  /** A bug or an environment failure (disk, memory); rerun with --debug for the stack trace. */
  public static final int INTERNAL = 3;
  /**
   * Stopped by Ctrl-C (128 + SIGINT). The process itself ends with the signal's status, 130 or
   * 143 for kill, since the JVM is already shutting down; this is what {@code execute} returns.
   */
  public static final int STOPPED = 130;
}
