package kefu.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
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
    List<String> flags = JvmLaunch.launcherFlags(
        Pattern.compile("small_review \"\\$@\" && java\\+=\\(([^)]*)\\)"));
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
    List<String> args = new ArrayList<>(flags);
    args.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
    String out = JvmLaunch.output(args);
    Matcher m = Pattern.compile("ReservedCodeCacheSize\\s+=\\s+(\\d+)").matcher(out);
    assertTrue(m.find(), out);
    return Long.parseLong(m.group(1));
  }
}
