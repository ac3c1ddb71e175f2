package kefu.pipeline;

import java.util.Objects;
import kefu.derive.DeriveRules;
import kefu.ingest.InputPaths;

/** Everything one review run needs to know, as parsed from the command line. */
public record ReviewSettings(
    InputPaths inputs,
    String configDir,
    String period,
    String out,
    String defaultShop,
    String timeZone,
    DeriveRules rules,
    boolean strict,
    boolean keepChatText,
    boolean quiet,
    String runId) {

  public ReviewSettings {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(runId, "runId");
  }
}
