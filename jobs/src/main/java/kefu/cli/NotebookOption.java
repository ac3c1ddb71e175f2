package kefu.cli;

import picocli.CommandLine.Option;

/** Where the notebook export of a run goes: {@code <DIR>/<run-id>/review.ipynb} and .html. */
final class NotebookOption {
  @Option(names = "--notebooks", paramLabel = "DIR",
      description = "Folder for the run's notebook export (default: notebooks-export in the kefu "
          + "checkout); the export lands in DIR/<run-id>/.")
  String notebooks;

  @Option(names = "--no-notebook", description = "Do not export the run as a notebook.")
  boolean none;

  String dir() {
    if (none) {
      return null;
    }
    return notebooks != null ? notebooks
        : CommonOptions.home().resolve("notebooks-export").toString();
  }
}
