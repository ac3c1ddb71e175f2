package kefu.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import kefu.ingest.InputError;
import kefu.pay.PayConfig;
import kefu.sourcing.SourcingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kefu init-config DIR}: the default config files, ready to edit in Excel/WPS. */
@Command(name = "init-config", mixinStandardHelpOptions = true,
    description = "Write the default config into DIR: pay_schemes.xlsx (pay schemes, components, "
        + "tiers, KPI, minimum wages, category margins), sourcing.xlsx (in-house vs outsourced "
        + "costs) and categories.csv and calendar.xlsx. "
        + "Existing files are kept unless --force.")
public final class InitConfigCommand implements Callable<Integer> {
  /** The plain-text defaults shipped in data/config of the checkout. */
  static final List<String> COPIED = List.of("categories.csv", "calendar.xlsx");

  @Parameters(index = "0", paramLabel = "DIR", description = "Config folder to write.")
  Path dir;

  @Option(names = "--force", description = "Overwrite files that already exist.")
  boolean force;

  @Option(names = "--defaults", paramLabel = "DIR",
      description = "Where categories.csv and calendar.xlsx are copied from "
          + "(default: data/config of the kefu checkout).")
  Path defaults;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Path from = defaults != null ? defaults : CommonOptions.home().resolve("data/config");
    try {
      Files.createDirectories(dir);
      Path pay = dir.resolve(PayConfig.FILE_NAME);
      if (keep(pay)) {
        report("kept", pay);
      } else {
        report("wrote", shareable(PayConfig.writeDefaults(dir)));
      }
      Path sourcing = dir.resolve(SourcingConfig.FILE_NAME);
      if (keep(sourcing)) {
        report("kept", sourcing);
      } else {
        report("wrote", shareable(SourcingConfig.writeDefaults(dir)));
      }
      for (String name : COPIED) {
        copy(from.resolve(name), dir.resolve(name));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the config into " + dir + ": "
          + e.getMessage(), e);
    }
    return ExitCodes.OK;
  }

  private void copy(Path source, Path target) throws IOException {
    if (keep(target)) {
      report("kept", target);
      return;
    }
    if (!Files.isRegularFile(source)) {
      throw new InputError(source + ": default config file not found (give --defaults DIR)");
    }
    // init-config into the defaults folder itself must not truncate the file it copies from
    if (!Files.exists(target) || !Files.isSameFile(source, target)) {
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
    report("wrote", shareable(target));
  }

  /**
   * The workbooks are written through a temporary file (mode 0600) and the copies get the
   * umask's mode, so a fresh folder had two of each. Config is meant to be shared and edited by
   * the team (the secret, .kefu-pseudonym-key, is created 0600 by review, not here): every file
   * written gets rw-r--r--.
   */
  static Path shareable(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(file, SHAREABLE);
    }
    return file;
  }

  static final Set<PosixFilePermission> SHAREABLE = PosixFilePermissions.fromString("rw-r--r--");

  private boolean keep(Path target) {
    return Files.exists(target) && !force;
  }

  private void report(String what, Path file) {
    spec.commandLine().getOut().println(what + " " + file);
    spec.commandLine().getOut().flush();
  }
}
