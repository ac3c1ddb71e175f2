package kefu.testing;

import kefu.table.LocalTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Small test tables made with Spark SQL, as the driver tables the Java tier reads. */
public final class Local {
  private Local() {}

  public static LocalTable table(Dataset<Row> ds) {
    return LocalTable.of(ds.schema(), ds.collectAsList());
  }
}
