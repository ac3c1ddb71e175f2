package kefu.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared sample review, submitted again to a Spark standalone cluster
 * (scripts/cluster-local.sh: a master, a worker and 2 executors, each in its own JVM): every mart
 * must equal the embedded {@code local[*]} run's. The application jar is built from this build's
 * classes, so the test runs before {@code package}.
 */
class StandaloneClusterTest {
  @TempDir static Path tmp;
  static SampleRun local;
  static Path clusterOut;
  static String printed;

  @BeforeAll
  static void reviewOnTheCluster() throws Exception {
    local = SampleRun.get();
    clusterOut = tmp.resolve("cluster/review");
    List<String> cmd = new ArrayList<>(List.of("bash",
        ReviewRunTest.REPO.resolve("scripts/cluster-local.sh").toString(), "review",
        "--period", "2025Q4", "--out", clusterOut.toString(), "--config", local.config.toString(),
        "--lang", "zh", "--no-notebook"));
    cmd.add("--orders");
    cmd.addAll(local.inputs.orders());
    cmd.add("--refunds");
    cmd.addAll(local.inputs.refunds());
    cmd.add("--ratings");
    cmd.addAll(local.inputs.ratings());
    cmd.add("--chats");
    cmd.addAll(local.inputs.chats());
    cmd.add("--agents");
    cmd.add(local.inputs.agents().get(0));
    Path log = tmp.resolve("cluster.log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("KEFU_JAR", applicationJar(tmp.resolve("kefu-test-app.jar")).toString());
    Process p = pb.start();
    boolean ended = p.waitFor(20, TimeUnit.MINUTES);
    if (!ended) {
      p.destroyForcibly();
    }
    printed = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(ended && p.exitValue() == 0, "cluster run failed:\n" + printed);
  }

  @Test
  void ranOnTwoExecutorsAndWroteTheWorkbook() {
    assertTrue(printed.contains("1 worker, 2 executors of 1 core"), printed);
    assertTrue(Files.exists(clusterOut.resolve("review.xlsx")), printed);
  }

  @Test
  void everyMartEqualsTheLocalRuns() throws IOException {
    Path localMarts = local.out.resolve("marts");
    List<String> marts = martNames(localMarts);
    assertTrue(marts.size() >= 15, "marts: " + marts);
    assertEquals(marts, martNames(clusterOut.resolve("marts")));
    SparkSession spark = SparkTestSession.get();
    for (String mart : marts) {
      Dataset<Row> a = comparable(spark, localMarts.resolve(mart));
      Dataset<Row> b = comparable(spark, clusterOut.resolve("marts").resolve(mart));
      assertEquals(a.count(), b.count(), mart + ": rows");
      List<Row> onlyLocal = a.exceptAll(b).limit(3).collectAsList();
      List<Row> onlyCluster = b.exceptAll(a).limit(3).collectAsList();
      assertTrue(onlyLocal.isEmpty() && onlyCluster.isEmpty(),
          mart + " differs:\n local only " + onlyLocal + "\n cluster only " + onlyCluster);
    }
  }

  /**
   * A mart with doubles rounded to 6 decimals: executors may add doubles up in another order,
   * which changes the last bits only.
   */
  private static Dataset<Row> comparable(SparkSession spark, Path mart) {
    Dataset<Row> rows = spark.read().parquet(mart.toString());
    List<Column> columns = new ArrayList<>();
    for (StructField f : rows.schema().fields()) {
      boolean floating = f.dataType().equals(DataTypes.DoubleType)
          || f.dataType().equals(DataTypes.FloatType);
      columns.add(floating ? round(col(f.name()), 6).as(f.name()) : col(f.name()));
    }
    return rows.select(columns.toArray(new Column[0]));
  }

  private static List<String> martNames(Path marts) throws IOException {
    try (Stream<Path> dirs = Files.list(marts)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
          .toList();
    }
  }

  /**
   * kefu's compiled classes as an application jar, with the Add-Opens of this JVM (the same list
   * the real jar's manifest carries), for spark-submit to ship to the executors.
   */
  private static Path applicationJar(Path jar) throws IOException {
    Path classes = Paths.get(kefu.cli.Kefu.class.getProtectionDomain().getCodeSource()
        .getLocation().getPath());
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
