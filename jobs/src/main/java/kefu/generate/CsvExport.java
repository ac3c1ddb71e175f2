package kefu.generate;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SaveMode;

/**
 * Writes export DataFrames like the seller centre does: GBK, a header row, no quoting (values
 * never contain ASCII commas; Excel guards like ="123" stay literal), then renames Spark's part
 * files to stable names {@code <prefix>-part-00000.csv} inside the target folder (gzip-compressed
 * as {@code .csv.gz} when asked).
 */
final class CsvExport {
  private static final String JAVA_CHARSETS = "spark.sql.legacy.javaCharsets";

  private final FileSystem fs;
  private final Path root;
  private final String compression;
  private final String extension;

  CsvExport(FileSystem fs, Path root, boolean gzip) {
    // On local disks skip the hidden .crc side files: exports should look like downloads.
    this.fs = fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
    this.root = root;
    this.compression = gzip ? "gzip" : "none";
    this.extension = gzip ? ".csv.gz" : ".csv";
  }

  /** Writes df into root/folder as prefix-part-NNNNN.csv and returns the number of rows. */
  long write(Dataset<Row> df, String folder, String prefix) {
    Observation rows = new Observation(folder + "-" + prefix);
    Path staging = new Path(root, "_staging/" + folder + "-" + prefix);
    RuntimeConfig conf = df.sparkSession().conf();
    String previous = conf.get(JAVA_CHARSETS, "false");
    // Spark 4 only accepts Unicode charsets unless the legacy switch allows any Java charset.
    conf.set(JAVA_CHARSETS, "true");
    try {
      df.observe(rows, count(lit(1)).as("rows"))
          .write()
          .mode(SaveMode.Overwrite)
          .option("header", "true")
          .option("encoding", "GBK")
          .option("quote", "")
          .option("nullValue", "")
          .option("emptyValue", "")
          .option("compression", compression)
          .csv(staging.toString());
    } finally {
      conf.set(JAVA_CHARSETS, previous);
    }
    try {
      Path target = new Path(root, folder);
      fs.mkdirs(target);
      FileStatus[] parts = fs.listStatus(staging,
          p -> p.getName().startsWith("part-") && p.getName().endsWith(extension));
      Arrays.sort(parts, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
      for (int i = 0; i < parts.length; i++) {
        Path to = new Path(target, String.format("%s-part-%05d%s", prefix, i, extension));
        if (!fs.rename(parts[i].getPath(), to)) {
          throw new IOException("cannot move " + parts[i].getPath() + " to " + to);
        }
      }
      fs.delete(staging, true);
      Map<String, Object> metrics = rows.getAsJava();
      return ((Number) metrics.get("rows")).longValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  void writeText(String name, String text) {
    try (OutputStream out = fs.create(new Path(root, name), true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void delete(String name) {
    try {
      fs.delete(new Path(root, name), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
