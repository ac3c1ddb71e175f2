package kefu.spark;

import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the one SparkSession of a run. The master is left to {@code spark-submit} when it set one
 * ({@code spark.master}); an embedded run defaults to {@code local[*]}.
 */
public final class Sessions {
  private Sessions() {}

  public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

  /**
   * Hadoop settings of an embedded run, whose JVM and classpath are kefu's (a cluster keeps its
   * own): local files without a {@code chmod} process each. A system property of the same
   * {@code spark.hadoop.} name wins.
   */
  public static final Map<String, String> EMBEDDED_HADOOP_SETTINGS =
      Map.of("spark.hadoop.fs.file.impl", ForklessLocalFileSystem.class.getName());

  /**
   * The Hadoop configuration a session of this JVM will have, for checks made before Spark starts.
   * Hadoop caches a file system per scheme on first use, so those checks must already see the
   * session's settings.
   */
  public static Configuration hadoopConfiguration() {
    SparkConf conf = new SparkConf();
    if (embedded()) {
      EMBEDDED_HADOOP_SETTINGS.forEach(conf::setIfMissing);
    }
    return SparkHadoopUtil.get().newConfiguration(conf);
  }

  public static SparkSession create(String appName, String timeZone, Path localDir) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (embedded()) {
      EMBEDDED_HADOOP_SETTINGS.forEach((key, value) ->
          builder.config(key, System.getProperty(key, value)));
      builder.master("local[*]")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
      // Few cores: Spark's default 200 shuffle partitions would mostly be task overhead. A value
      // given as a system property (KEFU_JAVA_OPTS=-Dspark.sql.shuffle.partitions=N) wins.
      if (System.getProperty("spark.sql.shuffle.partitions") == null) {
        builder.config("spark.sql.shuffle.partitions",
            String.valueOf(defaultShufflePartitions()));
      }
      if (localDir != null) {
        builder.config("spark.local.dir", localDir.toAbsolutePath().toString());
      }
    }
    return builder
        // Business dates (to_date, month) are in the shop's zone; Parquet stores UTC instants.
        .config("spark.sql.session.timeZone", timeZone)
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        .config("spark.sql.adaptive.enabled",
            System.getProperty("spark.sql.adaptive.enabled", "true"))
        .config("spark.sql.ansi.enabled", "false")
        // Spark 4.1 works out a union's partitioning from its children's on every adaptive
        // re-plan; kefu's unions (the facts query's) are collected, never joined or grouped
        // again, so it only costs planning time (the pre-4.1 behaviour).
        .config("spark.sql.unionOutputPartitioning",
            System.getProperty("spark.sql.unionOutputPartitioning", "false"))
        // Each adaptive re-plan posts the plan's description; the default 'formatted' one walks
        // the whole plan again. Nobody reads it without the UI; an event log still gets a plan.
        .config("spark.sql.ui.explainMode",
            System.getProperty("spark.sql.ui.explainMode", "simple"))
        .getOrCreate();
  }

  /** No master from {@code spark-submit}: kefu's own JVM runs Spark in {@code local[*]}. */
  private static boolean embedded() {
    return System.getProperty("spark.master") == null;
  }

  private static int defaultShufflePartitions() {
    return Math.max(8, Runtime.getRuntime().availableProcessors() * 4);
  }
}
