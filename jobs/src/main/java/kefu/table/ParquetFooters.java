package kefu.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Rows of a Parquet table folder as its files' footers record them: a count without a Spark
 * query (a count() costs a plan and a scan; the footers are a few KB on the driver).
 */
public final class ParquetFooters {
  private ParquetFooters() {}

  public static long rows(String dir, Configuration conf) {
    Path folder = new Path(dir);
    try {
      FileSystem fs = folder.getFileSystem(conf);
      long rows = 0;
      for (FileStatus f : fs.listStatus(folder)) {
        if (f.isFile() && f.getPath().getName().endsWith(".parquet")) {
          try (ParquetFileReader reader = ParquetFileReader.open(
              HadoopInputFile.fromStatus(f, conf))) {
            rows += reader.getRecordCount();
          }
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the footers of " + dir + ": "
          + e.getMessage(), e);
    }
  }
}
