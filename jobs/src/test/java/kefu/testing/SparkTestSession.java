package kefu.testing;

import kefu.spark.Sessions;
import org.apache.spark.sql.SparkSession;

/** One local SparkSession per test JVM, configured like a run but small and in UTC+8 business time. */
public final class SparkTestSession {
  private SparkTestSession() {}

  private static SparkSession session;

  public static synchronized SparkSession get() {
    if (session == null) {
      SparkSession.Builder builder = SparkSession.builder();
      Sessions.EMBEDDED_HADOOP_SETTINGS.forEach(builder::config);
      session = builder
          .master("local[2]")
          .appName("kefu-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.sql.adaptive.enabled", "false")
          .config("spark.sql.session.timeZone", "Asia/Shanghai")
          .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
          .getOrCreate();
    }
    return session;
  }
}
