package kefu.pipeline;

import java.util.Objects;
import kefu.derive.DeriveRules;
import kefu.ingest.InputPaths;
import kefu.report.Labels;
import kefu.report.ReviewReport;

/**
 * Everything one review run needs to know, as parsed from the command line. {@code language}
 * is the workbook's: "zh" (default) or "en". {@code notebooksDir}, if not null, receives the
 * run's notebook export in {@code <notebooksDir>/<runId>/} (a local folder on the driver).
 */
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
    String runId,
    String language,
    String notebooksDir) {

  /** A run writing the workbook in Chinese. */
  public ReviewSettings(InputPaths inputs, String configDir, String period, String out,
      String defaultShop, String timeZone, DeriveRules rules, boolean strict,
      boolean keepChatText, boolean quiet, String runId) {
    this(inputs, configDir, period, out, defaultShop, timeZone, rules, strict, keepChatText,
        quiet, runId, ReviewReport.DEFAULT_LANGUAGE, null);
  }

  /** A run in {@code language} without a notebook export. */
  public ReviewSettings(InputPaths inputs, String configDir, String period, String out,
      String defaultShop, String timeZone, DeriveRules rules, boolean strict,
      boolean keepChatText, boolean quiet, String runId, String language) {
    this(inputs, configDir, period, out, defaultShop, timeZone, rules, strict, keepChatText,
        quiet, runId, language, null);
  }

  public ReviewSettings {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(runId, "runId");
    // normalised ("zh-CN" -> "zh"); an unknown language is refused before any work
    language = Labels.of(language == null ? ReviewReport.DEFAULT_LANGUAGE : language).language();
  }

  /** The labels of the workbook's language. */
  public Labels labels() {
    return Labels.of(language);
  }
}
