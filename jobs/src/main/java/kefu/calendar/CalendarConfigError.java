package kefu.calendar;

import java.util.List;

/** The promotion calendar is invalid; the message lists every problem, one per line. */
public final class CalendarConfigError extends RuntimeException {
  private final List<String> problems;

  public CalendarConfigError(List<String> problems) {
    super("invalid promotion calendar (" + problems.size() + " problem"
        + (problems.size() == 1 ? "" : "s") + "):\n" + String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
