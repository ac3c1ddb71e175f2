package kefu.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar runs the same review on a Spark standalone cluster (scripts/cluster-local.sh:
 * a master, a worker, 2 executors in their own JVMs) and embedded in {@code local[*]}; every
 * mart must come out equal. Runs after {@code package} (failsafe), on the real jar.
 */
class StandaloneClusterIT {
  static final Path REPO = Paths.get(System.getProperty("kefu.repo.dir", "..")).toAbsolutePath();
  static final Path JAR = REPO.resolve("jobs/target/kefu-jobs.jar");

  @TempDir static Path dir;
  static SparkSession spark;

  @BeforeAll
  static void runBothWays() throws Exception {
    Path sample = dir.resolve("sample");
    kefu(dir.resolve("generate.log"), "generate", "--out", sample.toString(), "--orders", "1500",
        "--shops", "2", "--seed", "5", "--from", "2025-07-01", "--to", "2025-12-31");
    Path config = dir.resolve("config");
    Files.createDirectories(config);
    try (Stream<Path> files = Files.list(REPO.resolve("data/config"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (!f.getFileName().toString().startsWith(".")) {
          Files.copy(f, config.resolve(f.getFileName()));
        }
      }
    }
    kefu(dir.resolve("local.log"), review(sample, config, dir.resolve("local")));

    List<String> cluster = new ArrayList<>(List.of("bash",
        REPO.resolve("scripts/cluster-local.sh").toString()));
    cluster.addAll(review(sample, config, dir.resolve("cluster")));
    run(dir.resolve("cluster.log"), cluster);

    spark = SparkSession.builder().master("local[1]").appName("cluster-it")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.session.timeZone", "Asia/Shanghai")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void theClusterRanOnTwoExecutors() throws IOException {
    String log = Files.readString(dir.resolve("cluster.log"), StandardCharsets.UTF_8);
    assertTrue(log.contains("2 executors of 1 core"), log);
    assertTrue(Files.exists(dir.resolve("cluster/review.xlsx")), "the cluster run's workbook");
  }

  @Test
  void everyMartEqualsTheLocalRuns() throws IOException {
    List<String> marts = martNames(dir.resolve("local/marts"));
    assertTrue(marts.size() >= 15, "marts found: " + marts);
    assertEquals(marts, martNames(dir.resolve("cluster/marts")));
    for (String mart : marts) {
      Dataset<Row> local = comparable(dir.resolve("local/marts").resolve(mart));
      Dataset<Row> cluster = comparable(dir.resolve("cluster/marts").resolve(mart));
      assertEquals(local.count(), cluster.count(), mart + ": rows");
      List<Row> onlyLocal = local.exceptAll(cluster).limit(5).collectAsList();
      List<Row> onlyCluster = cluster.exceptAll(local).limit(5).collectAsList();
      assertTrue(onlyLocal.isEmpty() && onlyCluster.isEmpty(),
          mart + " differs; local only " + onlyLocal + "; cluster only " + onlyCluster);
    }
    assertFalse(marts.isEmpty());
  }

  /**
   * A mart with its doubles rounded to 6 decimals: sums of doubles may add up in another order
   * across executors, and differ in the last bits only.
   */
  private static Dataset<Row> comparable(Path mart) {
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

  private static List<String> review(Path sample, Path config, Path out) {
    return List.of("review",
        "--orders", sample.resolve("orders").toString(), sample.resolve("order_lines").toString(),
        "--refunds", sample.resolve("refunds").toString(),
        "--ratings", sample.resolve("ratings").toString(),
        "--chats", sample.resolve("chats").toString(),
        "--agents", sample.resolve("agents.csv").toString(),
        "--config", config.toString(), "--period", "2025Q4", "--out", out.toString(),
        "--no-notebook");
  }

  private static void kefu(Path log, String... args) throws Exception {
    kefu(log, List.of(args));
  }

  private static void kefu(Path log, List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
        "-Djava.awt.headless=true", "-Dkefu.home=" + REPO, "-jar", JAR.toString()));
    command.addAll(args);
    run(log, command);
  }

  private static void run(Path log, List<String> command) throws Exception {
    assertTrue(Files.exists(JAR), "run after package: " + JAR);
    ProcessBuilder pb = new ProcessBuilder(command).directory(REPO.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    if (!p.waitFor(15, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    String printed = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), String.join(" ", command) + File.separator + "\n" + printed);
  }
}
