package kefu.cli;

import kefu.pipeline.ReviewSettings;
import picocli.CommandLine.Option;

/**
 * Where the notebook export of a run goes: {@code <DIR>/<run-id>/} for --notebooks DIR; else
 * with the report in {@code <out>/notebook/} when --out is given (everything a run writes is then
 * under it), and the checkout's {@code notebooks-export/<run-id>/} beside {@code reports/} when
 * it is not.
 */
final class NotebookOption {
  @Option(names = "--notebooks", paramLabel = "DIR",
      description = "Folder for the run's notebook export, which then lands in DIR/<run-id>/ "
          + "(default: <out>/notebook/ with --out, else notebooks-export/<run-id>/ of the "
          + "kefu checkout).")
  String notebooks;

  @Option(names = "--no-notebook", description = "Do not export the run as a notebook.")
  boolean none;

  /**
   * The review's notebooksDir: null for none (see {@link ReviewSettings}).
   *
   * @param outGiven whether the command was given --out
   */
  String dir(boolean outGiven) {
    if (none) {
      return null;
    }
    if (notebooks != null) {
      return notebooks;
    }
    return outGiven ? ReviewSettings.NOTEBOOK_WITH_REPORT
        : CommonOptions.home().resolve("notebooks-export").toString();
  }
}
