package kefu.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    Path archive = tmp.resolve("kefu-classes.jsa");
    List<String> flags = new ArrayList<>();
    for (String flag : JvmLaunch.launcherFlags(
        Pattern.compile("java\\+=\\((-XX:SharedArchiveFile=[^)]*)\\)"))) {
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
    List<String> args = new ArrayList<>(flags);
    args.addAll(List.of("-m", "jdk.jartool/sun.tools.jar.Main", "--version"));
    return JvmLaunch.output(args);
  }
}
