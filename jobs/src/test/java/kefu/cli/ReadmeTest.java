package kefu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README's option lists are picocli's own help text, kept between markers, so they cannot
 * drift from the CLI. After changing an option, refresh them with
 * {@code ./mvnw -B -q test -Dtest=ReadmeTest -Dkefu.readme.update=true} and commit the README.
 */
class ReadmeTest {
  static final Path README = Paths.get(System.getProperty("kefu.repo.dir", ".."), "README.md");

  /** The commands whose full help the README holds: "" is {@code kefu --help} itself. */
  static final List<String> HELP_IN_README = List.of("", "review");

  static String help(String command) {
    CommandLine kefu = Kefu.commandLine();
    CommandLine cmd = command.isEmpty() ? kefu : kefu.getSubcommands().get(command);
    return cmd.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
  }

  static String begin(String command) {
    return "<!-- generated: kefu " + (command.isEmpty() ? "" : command + " ") + "--help -->";
  }

  static final String END = "<!-- end of generated help -->";

  /** The README with each generated block replaced by the CLI's current help. */
  static String withCurrentHelp(String readme) {
    for (String command : HELP_IN_README) {
      int from = readme.indexOf(begin(command));
      int to = readme.indexOf(END, from);
      assertTrue(from >= 0 && to > from, "README.md has no block " + begin(command) + " … " + END);
      readme = readme.substring(0, from) + begin(command) + "\n```text\n" + help(command)
          + "\n```\n" + readme.substring(to);
    }
    return readme;
  }

  @Test
  void theReadmeHoldsTheCurrentHelpOfKefuAndReview() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    String expected = withCurrentHelp(readme);
    if (Boolean.getBoolean("kefu.readme.update")) {
      Files.writeString(README, expected, StandardCharsets.UTF_8);
      readme = expected;
    }
    assertEquals(expected, readme, "README.md's generated help is stale: run ./mvnw -B -q test "
        + "-Dtest=ReadmeTest -Dkefu.readme.update=true");
  }

  /** Hand-written command lines elsewhere in the README use only options that exist. */
  @Test
  void everyOptionOfAKefuCommandLineInTheReadmeExists() throws IOException {
    Set<String> options = new TreeSet<>();
    CommandLine kefu = Kefu.commandLine();
    options.addAll(kefu.getCommandSpec().optionsMap().keySet());
    kefu.getSubcommands().values()
        .forEach(c -> options.addAll(c.getCommandSpec().optionsMap().keySet()));
    List<String> unknown = new ArrayList<>();
    boolean continued = false;
    for (String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
      String text = line.strip();
      boolean kefuLine = continued || text.startsWith("./kefu ") || text.contains(" ./kefu ")
          || text.startsWith("scripts/cluster-local.sh ");
      if (kefuLine) {
        Matcher m = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*").matcher(text.split("#")[0]);
        while (m.find()) {
          if (!options.contains(m.group())) {
            unknown.add(m.group() + " in: " + text);
          }
        }
      }
      continued = kefuLine && text.split("#")[0].stripTrailing().endsWith("\\");
    }
    assertEquals(List.of(), unknown);
  }

  /** A fresh clone has nothing outside the repository: every path an example uses is in it. */
  @Test
  void theReadmeUsesOnlyFilesInsideTheRepository() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    assertFalse(readme.contains("../shared"), "README.md points outside the repository");
    Matcher m = Pattern.compile("(data/samples/[\\w.]+|docs/[\\w.]+\\.md)").matcher(readme);
    int paths = 0;
    while (m.find()) {
      paths++;
      assertTrue(Files.exists(README.resolveSibling(m.group())), m.group() + " does not exist");
    }
    assertTrue(paths >= 3, "the README's real-data example and docs links");
  }
}
