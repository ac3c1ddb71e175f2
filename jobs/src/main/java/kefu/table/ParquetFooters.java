package kefu.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * What a Parquet table folder's footers record, read without a Spark query (a count() costs a
 * plan and a scan; the footers are a few KB on the driver): its rows, and the top-level columns
 * that hold no value in any row.
 *
 * @param rows the rows of every file
 * @param nullColumns columns whose every chunk's statistics count as many nulls as rows (a file
 *     without statistics for a column leaves it out)
 */
public record ParquetFooters(long rows, Set<String> nullColumns) {

  public static ParquetFooters read(String dir, Configuration conf) {
    Path folder = new Path(dir);
    try {
      FileSystem fs = folder.getFileSystem(conf);
      long rows = 0;
      Map<String, Boolean> allNull = null;  // per column: no value in any chunk so far
      for (FileStatus f : fs.listStatus(folder)) {
        if (f.isFile() && f.getPath().getName().endsWith(".parquet")) {
          try (ParquetFileReader reader = ParquetFileReader.open(
              HadoopInputFile.fromStatus(f, conf))) {
            if (reader.getRecordCount() == 0) {
              continue;  // an empty part says nothing about any column
            }
            rows += reader.getRecordCount();
            Map<String, Boolean> inFile = new HashMap<>();
            for (BlockMetaData block : reader.getFooter().getBlocks()) {
              for (ColumnChunkMetaData column : block.getColumns()) {
                if (column.getPath().size() == 1) {
                  Statistics<?> stats = column.getStatistics();
                  inFile.merge(column.getPath().toDotString(), stats != null
                      && stats.isNumNullsSet() && stats.getNumNulls() == block.getRowCount(),
                      Boolean::logicalAnd);
                }
              }
            }
            if (allNull == null) {
              allNull = inFile;
            } else {
              // a column missing from a file is not known to be null
              allNull.replaceAll((c, isNull) -> isNull && inFile.getOrDefault(c, false));
            }
          }
        }
      }
      Set<String> nullColumns = new TreeSet<>();
      if (rows > 0) {
        allNull.forEach((c, isNull) -> {
          if (isNull) {
            nullColumns.add(c);
          }
        });
      }
      return new ParquetFooters(rows, nullColumns);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the footers of " + dir + ": "
          + e.getMessage(), e);
    }
  }
}
