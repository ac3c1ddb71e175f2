package kefu.spark;

import java.util.ArrayList;
import kefu.table.ParquetFooters;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A Parquet table a stage has just written, read back for the next stages' plans, with its rows
 * from the files' footers (no query). An empty table comes back as an empty local relation:
 * Spark's optimiser then folds every join, aggregate and union branch over it away while
 * planning, so a review without chats (or refunds, or a roster) runs no jobs for them.
 */
public record WrittenTable(Dataset<Row> table, long rows) {

  public static WrittenTable read(SparkSession spark, String path) {
    Dataset<Row> written = spark.read().parquet(path);
    long rows = ParquetFooters.rows(path, spark.sparkContext().hadoopConfiguration());
    return new WrittenTable(rows > 0 ? written
        : spark.createDataFrame(new ArrayList<Row>(), written.schema()), rows);
  }
}
