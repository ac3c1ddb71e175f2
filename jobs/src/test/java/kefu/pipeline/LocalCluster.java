package kefu.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A kefu command submitted to the Spark standalone cluster of scripts/cluster-local.sh (a master,
 * a worker and 2 executors, each in its own JVM). The application jar is built from this build's
 * classes, so tests can use it before {@code package}.
 */
final class LocalCluster {
  private LocalCluster() {}

  /**
   * JIT, GC and code generation flags for the small reviews tests run in JVMs of their own, as
   * ./kefu runs a small review (C1 only, with the tiered code cache of 240 MB instead of C1's
   * 48 MB; no whole-stage code generation).
   */
  static final String SMALL_RUN_JVM_FLAGS = "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m"
      + " -XX:+UseSerialGC -Dspark.sql.codegen.wholeStage=false";

  /** Runs {@code kefu <args>} on the cluster and returns what it printed; fails unless it exits 0. */
  static String run(Path workDir, List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash",
        ReviewRunTest.REPO.resolve("scripts/cluster-local.sh").toString()));
    cmd.addAll(args);
    Path log = workDir.resolve("cluster.log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("KEFU_JAR", applicationJar(workDir.resolve("kefu-app.jar")).toString());
    // Master, worker, driver and both executors (the worker passes its environment on): a small
    // review, so the JIT stops at C1 as ./kefu does for one (KEFU_C1_ONLY_BELOW), and garbage is
    // collected by the serial collector. Five JVMs on two cores otherwise spend much of the run
    // in C2's and G1's threads (the sample's review: 271 s wall, 283 CPU-s, against 86-114 s,
    // 128-136 CPU-s, measured on a loaded host).
    pb.environment().merge("JAVA_TOOL_OPTIONS", SMALL_RUN_JVM_FLAGS, (a, b) -> a + " " + b);
    Process p = pb.start();
    boolean ended = p.waitFor(20, TimeUnit.MINUTES);
    if (!ended) {
      p.destroyForcibly();
    }
    String printed = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(ended && p.exitValue() == 0, "the cluster run failed:\n" + printed);
    return printed;
  }

  /** kefu's classes as a jar whose manifest carries this JVM's Add-Opens, like the real jar. */
  private static Path applicationJar(Path jar) throws Exception {
    Path classes = Paths.get(kefu.cli.Kefu.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "kefu.cli.Kefu");
    List<String> opens = new ArrayList<>();
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens=")) {
        opens.add(arg.substring("--add-opens=".length()).replace("=ALL-UNNAMED", ""));
      }
    }
    manifest.getMainAttributes().put(new Attributes.Name("Add-Opens"), String.join(" ", opens));
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
