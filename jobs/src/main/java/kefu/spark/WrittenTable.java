package kefu.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import kefu.table.ParquetFooters;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Parquet table a stage has just written, read back for the next stages' plans, with its rows
 * from the files' footers (no query). It is read with the schema it was written with: inferring
 * it from the files costs a Spark job per table. What the footers prove empty is said to Spark's
 * optimiser as constants, so that it folds away, while planning, the work that could only find
 * nothing: an empty table comes back as an empty local relation, and a column with no value in
 * any row (no credited agent in a review without chats, no category) as a null literal, so every
 * filter on it being set, and every join, aggregate and union branch under such a filter, goes.
 */
public record WrittenTable(Dataset<Row> table, long rows) {

  /** @param schema the schema of the Dataset that wrote {@code path} */
  public static WrittenTable read(SparkSession spark, String path, StructType schema) {
    ParquetFooters footers = ParquetFooters.read(path, spark.sparkContext().hadoopConfiguration());
    // Columns read from files are nullable whatever was written: the same for both branches.
    StructType read = new StructType(Arrays.stream(schema.fields())
        .map(f -> new StructField(f.name(), f.dataType(), true, f.metadata()))
        .toArray(StructField[]::new));
    if (footers.rows() == 0) {
      return new WrittenTable(spark.createDataFrame(new ArrayList<Row>(), read), 0);
    }
    Dataset<Row> table = spark.read().schema(read).parquet(path);
    if (!footers.nullColumns().isEmpty()) {
      table = table.select(Arrays.stream(read.fields())
          .map(f -> footers.nullColumns().contains(f.name())
              ? lit(null).cast(f.dataType()).as(f.name(), f.metadata())
              : col("`" + f.name() + "`"))
          .toArray(Column[]::new));
    }
    return new WrittenTable(table, footers.rows());
  }
}
