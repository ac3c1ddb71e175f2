package kefu.cli;

import kefu.pipeline.ReviewSettings;
import picocli.CommandLine.Option;

/**
 * Where the notebook export of a run goes: with the report in {@code <out>/notebook/} (so
 * everything a run writes is under --out), or {@code <DIR>/<run-id>/} for --notebooks DIR.
 */
final class NotebookOption {
  @Option(names = "--notebooks", paramLabel = "DIR",
      description = "Folder for the run's notebook export, which then lands in DIR/<run-id>/ "
          + "(default: the notebook/ folder of the report, beside review.xlsx).")
  String notebooks;

  @Option(names = "--no-notebook", description = "Do not export the run as a notebook.")
  boolean none;

  /** The review's notebooksDir: null for none (see {@link ReviewSettings}). */
  String dir() {
    if (none) {
      return null;
    }
    return notebooks != null ? notebooks : ReviewSettings.NOTEBOOK_WITH_REPORT;
  }
}
