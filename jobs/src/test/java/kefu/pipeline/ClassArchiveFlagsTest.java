package kefu.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./kefu starts from the class-data archive its first review recorded. Java 17 maps such an archive
 * at a random address and then rewrites its pointers, about half a second of every start; the
 * launcher's flags map it where it was written.
 */
class ClassArchiveFlagsTest {
  @TempDir Path tmp;

  @Test
  void theLauncherMapsTheArchiveWhereItWasWrittenInsteadOfRelocatingIt() throws Exception {
    String launcher = Files.readString(ReviewRunTest.REPO.resolve("kefu"),
        StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("java\\+=\\((-XX:SharedArchiveFile=[^)]*)\\)").matcher(launcher);
    assertTrue(m.find(), "the launcher's flags for its class-data archive");
    Path archive = tmp.resolve("kefu-classes.jsa");
    List<String> flags = new ArrayList<>();
    for (String flag : m.group(1).trim().split("\\s+")) {
      flags.add(flag.startsWith("-XX:SharedArchiveFile=")
          ? "-XX:SharedArchiveFile=" + archive : flag);
    }

    java(List.of("-XX:ArchiveClassesAtExit=" + archive));
    assertTrue(Files.size(archive) > 0, "an archive was recorded");
    List<String> withLog = new ArrayList<>(flags);
    withLog.add("-Xlog:cds=info");
    String log = java(withLog);
    assertTrue(log.contains("Mapped dynamic region"), log);
    assertFalse(log.contains("at an alternative address"), log);
  }

  /**
   * What the JDK's {@code jar --version} prints in a JVM started with {@code flags} (a class path
   * with folders on it, as the tests have, cannot be archived).
   */
  private static String java(List<String> flags) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(flags);
    cmd.addAll(List.of("-m", "jdk.jartool/sun.tools.jar.Main", "--version"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    return out;
  }
}
