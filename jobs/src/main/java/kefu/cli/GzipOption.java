package kefu.cli;

import picocli.CommandLine.Option;

/** {@code --gzip}: write a generated history's exports gzip-compressed. */
public final class GzipOption {
  @Option(names = "--gzip",
      description = "Write every export as gzip-compressed CSV (.csv.gz, about a fifth of the "
          + "disk); kefu reads them like the plain exports.")
  boolean gzip;
}
