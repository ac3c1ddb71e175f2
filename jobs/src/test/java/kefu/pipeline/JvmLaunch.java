package kefu.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JVM flags ./kefu passes, and a JVM of this test's Java started with given arguments. */
final class JvmLaunch {
  private JvmLaunch() {}

  /** The flags {@code flags}' first group finds in ./kefu, split as the shell splits them. */
  static List<String> launcherFlags(Pattern flags) throws Exception {
    String launcher = Files.readString(ReviewRunTest.REPO.resolve("kefu"),
        StandardCharsets.UTF_8);
    Matcher m = flags.matcher(launcher);
    assertTrue(m.find(), "the launcher has flags matching " + flags);
    return List.of(m.group(1).trim().split("\\s+"));
  }

  /** What {@code java <args>} prints (both streams); fails unless it exits 0 within a minute. */
  static String output(List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    return out;
  }
}
