package kefu.bench;

import java.lang.management.ManagementFactory;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Opens in-memory DuckDB connections. The driver is never on the job's classpath: the benchmark
 * loads it from the jar {@code ./mvnw package} copies to {@code jobs/target/bench-lib/}.
 */
public final class DuckDbDriver {
  private DuckDbDriver() {}

  public static final String DRIVER_CLASS = "org.duckdb.DuckDBDriver";
  public static final String URL = "jdbc:duckdb:";

  /** The DuckDB driver class loaded from {@code driverJar} (its loader stays open: native code). */
  public static Driver load(Path driverJar) {
    if (driverJar == null || !Files.isRegularFile(driverJar)) {
      throw new IllegalStateException("DuckDB JDBC driver not found at "
          + (driverJar == null ? "(no path)" : driverJar.toAbsolutePath())
          + ": build with ./mvnw package (it copies the driver to jobs/target/bench-lib/)");
    }
    try {
      URL url = driverJar.toUri().toURL();
      @SuppressWarnings("resource")
      URLClassLoader loader = new URLClassLoader(new URL[] {url},
          DuckDbDriver.class.getClassLoader());
      return (Driver) Class.forName(DRIVER_CLASS, true, loader).getDeclaredConstructor()
          .newInstance();
    } catch (MalformedURLException | ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load " + DRIVER_CLASS + " from " + driverJar, e);
    }
  }

  /** An in-memory database on {@code driver}, with {@code threads} worker threads (0: DuckDB's default). */
  public static Connection connect(Driver driver, int threads) throws SQLException {
    Connection c = driver.connect(URL, new Properties());
    if (c == null) {
      throw new SQLException(driver.getClass().getName() + " does not accept " + URL);
    }
    try (Statement s = c.createStatement()) {
      // offline and reproducible: only the extensions built into the driver (parquet, icu)
      s.execute("SET autoinstall_known_extensions = false");
      s.execute("SET autoload_known_extensions = false");
      if (threads > 0) {
        s.execute("SET threads = " + threads);
      }
      s.execute("SET memory_limit = '" + memoryLimitMebibytes() + "MiB'");
      // No output's row order matters (the tables are compared as sets), and keeping it costs
      // DuckDB memory and spill on the largest histories.
      s.execute("SET preserve_insertion_order = false");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /**
   * What the JVM's heap leaves of the machine's memory, less a fifth for everything else. DuckDB
   * lives in the same process, and its default (80% of the machine) on top of a heap sized to 60%
   * would get the process killed at scale instead of making DuckDB spill to disk.
   */
  static long memoryLimitMebibytes() {
    long machine = ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    long left = machine - Runtime.getRuntime().maxMemory();
    return Math.max(512, left / 5 * 4 / (1024 * 1024));
  }
}
