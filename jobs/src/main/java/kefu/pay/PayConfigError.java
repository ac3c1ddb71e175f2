package kefu.pay;

import java.util.List;

/** The pay configuration is invalid; the message lists every problem, one per line. */
public final class PayConfigError extends RuntimeException {
  private final List<String> problems;

  public PayConfigError(List<String> problems) {
    super("invalid pay configuration (" + problems.size() + " problem"
        + (problems.size() == 1 ? "" : "s") + "):\n" + String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
