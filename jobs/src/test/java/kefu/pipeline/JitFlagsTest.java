package kefu.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Stopping the JIT at C1 (./kefu for a small review, the test JVMs, the tests' child JVMs) also
 * shrinks the JVM's code cache from 240 MB to 48 MB, which the demo's review filled in derive: the
 * JIT stopped and a task failed with "Out of space in CodeCache for adapters". Every JVM kefu
 * starts at C1 must keep at least the tiered default.
 */
class JitFlagsTest {
  private static final long TIERED_DEFAULT = 240L * 1024 * 1024;

  @Test
  void theLaunchersSmallReviewFlagsKeepTheTieredCodeCache() throws Exception {
    String launcher = Files.readString(ReviewRunTest.REPO.resolve("kefu"),
        StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("small_review \"\\$@\" && java\\+=\\(([^)]*)\\)")
        .matcher(launcher);
    assertTrue(m.find(), "the launcher's flags for a small review");
    List<String> flags = List.of(m.group(1).trim().split("\\s+"));
    assertTrue(flags.contains("-XX:TieredStopAtLevel=1"), flags.toString());
    assertTrue(reservedCodeCache(flags) >= TIERED_DEFAULT, flags.toString());
  }

  @Test
  void theChildJvmsFlagsKeepTheTieredCodeCache() throws Exception {
    List<String> flags = List.of(LocalCluster.SMALL_RUN_JVM_FLAGS.split(" "));
    assertTrue(reservedCodeCache(flags) >= TIERED_DEFAULT, flags.toString());
  }

  @Test
  void thisTestJvmKeepsTheTieredCodeCacheWhenItStopsAtC1() {
    boolean c1Only = ManagementFactory.getRuntimeMXBean().getInputArguments()
        .contains("-XX:TieredStopAtLevel=1");
    long reserved = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getName().startsWith("CodeCache") || p.getName().startsWith("CodeHeap"))
        .mapToLong(p -> p.getUsage().getMax()).sum();
    assertTrue(!c1Only || reserved >= TIERED_DEFAULT,
        "code cache of " + reserved + " bytes at C1 only");
  }

  /** The ReservedCodeCacheSize a JVM started with {@code flags} settles on. */
  private static long reservedCodeCache(List<String> flags) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(flags);
    cmd.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    Matcher m = Pattern.compile("ReservedCodeCacheSize\\s+=\\s+(\\d+)").matcher(out);
    assertTrue(m.find(), out);
    return Long.parseLong(m.group(1));
  }
}
