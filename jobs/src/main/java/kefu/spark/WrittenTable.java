package kefu.spark;

import java.util.ArrayList;
import java.util.Arrays;
import kefu.table.ParquetFooters;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Parquet table a stage has just written, read back for the next stages' plans, with its rows
 * from the files' footers (no query). It is read with the schema it was written with: inferring
 * it from the files costs a Spark job per table. An empty table comes back as an empty local
 * relation: Spark's optimiser then folds every join, aggregate and union branch over it away
 * while planning, so a review without chats (or refunds, or a roster) runs no jobs for them.
 */
public record WrittenTable(Dataset<Row> table, long rows) {

  /** @param schema the schema of the Dataset that wrote {@code path} */
  public static WrittenTable read(SparkSession spark, String path, StructType schema) {
    long rows = ParquetFooters.rows(path, spark.sparkContext().hadoopConfiguration());
    // Columns read from files are nullable whatever was written: the same for both branches.
    StructType read = new StructType(Arrays.stream(schema.fields())
        .map(f -> new StructField(f.name(), f.dataType(), true, f.metadata()))
        .toArray(StructField[]::new));
    return new WrittenTable(rows > 0 ? spark.read().schema(read).parquet(path)
        : spark.createDataFrame(new ArrayList<Row>(), read), rows);
  }
}
