package kefu.sourcing;

import java.util.List;

/** sourcing.xlsx is invalid; one line per problem: {@code file!Sheet!B4: what (expected)}. */
public final class SourcingConfigError extends RuntimeException {
  private final List<String> problems;

  public SourcingConfigError(List<String> problems) {
    super("invalid sourcing configuration (" + problems.size() + " problem"
        + (problems.size() == 1 ? "" : "s") + "):\n" + String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
