package kefu.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine.Option;

/** Options every running command shares. */
public final class CommonOptions {
  @Option(names = "--config", paramLabel = "DIR",
      description = "Config folder (pay_schemes.xlsx, calendar.xlsx, sourcing.xlsx, "
          + "categories.csv; holds the pseudonymisation key). Default: data/config of the kefu "
          + "checkout.")
  String configDir;

  @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "Asia/Shanghai",
      description = "The shop's time zone for business dates (default: ${DEFAULT-VALUE}).")
  String timeZone;

  @Option(names = "--quiet", description = "No progress lines on stderr.")
  boolean quiet;

  @Option(names = "--debug", description = "Print stack traces of errors.")
  boolean debug;

  String configDir() {
    return configDir != null ? configDir : home().resolve("data/config").toString();
  }

  /** The kefu checkout the launcher runs from (defaults resolve against it), else the cwd. */
  static Path home() {
    String home = System.getProperty("kefu.home");
    return (home != null ? Paths.get(home) : Paths.get("")).toAbsolutePath();
  }
}
