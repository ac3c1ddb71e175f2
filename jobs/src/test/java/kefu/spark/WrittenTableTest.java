package kefu.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table read back says what its footers prove empty: a column with no value in any row of any
 * file is a null literal, so a filter on it being set plans no scan; the rows are unchanged.
 */
class WrittenTableTest {
  @TempDir Path dir;

  private static final StructType SCHEMA = kefu.spark.Ddl.schema(
      "agent STRING, shop STRING, late STRING, amount DECIMAL(14,2)");

  @Test
  void aColumnNullInEveryFileIsReadAsANullLiteral() {
    SparkSession spark = SparkTestSession.get();
    // three parts, one of them empty; 'late' has a value in the last part only
    Dataset<Row> rows = spark.createDataFrame(List.of(
        RowFactory.create(null, "s1", null, new java.math.BigDecimal("1.00")),
        RowFactory.create(null, "s2", null, null),
        RowFactory.create(null, "s3", "x", new java.math.BigDecimal("2.50"))), SCHEMA)
        .repartition(4, col("shop"));
    String path = dir.resolve("t").toString();
    rows.write().parquet(path);

    WrittenTable t = WrittenTable.read(spark, path, SCHEMA);
    assertEquals(3, t.rows());
    assertEquals(Set.of("agent"), kefu.table.ParquetFooters.read(path,
        spark.sparkContext().hadoopConfiguration()).nullColumns());
    assertEquals(sorted(spark.read().schema(SCHEMA).parquet(path)), sorted(t.table()));
    assertEquals(List.of("agent", "shop", "late", "amount"), List.of(t.table().columns()));

    Dataset<Row> credited = t.table().filter(col("agent").isNotNull()).groupBy("shop").count();
    assertTrue(credited.queryExecution().optimizedPlan() instanceof LocalRelation,
        credited.queryExecution().optimizedPlan().toString());
    assertEquals(2L, t.table().filter(col("late").isNull()).count());
  }

  @Test
  void anEmptyTableIsAnEmptyLocalRelation() {
    SparkSession spark = SparkTestSession.get();
    String path = dir.resolve("empty").toString();
    spark.createDataFrame(List.<Row>of(), SCHEMA).write().parquet(path);
    WrittenTable t = WrittenTable.read(spark, path, SCHEMA);
    assertEquals(0, t.rows());
    assertTrue(t.table().queryExecution().optimizedPlan() instanceof LocalRelation);
  }

  private static List<String> sorted(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(Row::toString).sorted().toList();
  }
}
