package kefu.pipeline;

import java.util.Objects;
import kefu.derive.DeriveRules;
import kefu.ingest.InputPaths;
import kefu.report.Labels;
import kefu.report.ReviewReport;

/**
 * Everything one review run needs to know, as parsed from the command line. {@code language}
 * is the workbook's: "zh" (default) or "en". {@code notebooksDir} is where the run's notebook
 * export goes: null for none, {@link #NOTEBOOK_WITH_REPORT} for {@code <out>/notebook/} (published
 * with the report), else {@code <notebooksDir>/<runId>/} (a local folder on the driver).
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

  /** The notebooksDir that puts the notebook export beside the workbook, in {@code <out>/notebook/}. */
  public static final String NOTEBOOK_WITH_REPORT = "";

  /** The folder of the report that holds the notebook export when it goes with the report. */
  public static final String NOTEBOOK_DIR = "notebook";

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

  /** The notebook export goes into {@code <out>/notebook/}, published with the report. */
  public boolean notebookWithReport() {
    return NOTEBOOK_WITH_REPORT.equals(notebooksDir);
  }

  /** The notebook export goes into a folder of its own, {@code <notebooksDir>/<runId>/}. */
  public boolean notebookElsewhere() {
    return notebooksDir != null && !notebookWithReport();
  }

  /** The labels of the workbook's language. */
  public Labels labels() {
    return Labels.of(language);
  }
}
