package kefu.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetTableWriterTest {
  static final StructType SCHEMA = StructType.fromDDL("shop_id STRING, n INT, total BIGINT, "
      + "share DOUBLE, ok BOOLEAN, day DATE, at TIMESTAMP, pay DECIMAL(14,2), "
      + "rate DECIMAL(6,4), amount DECIMAL(18,4)");

  @TempDir Path tmp;

  private static List<Row> rows() {
    return List.of(
        LocalTable.row(SCHEMA, "店铺A", 3, 12_345_678_901L, 0.125, true,
            Date.valueOf("2025-11-11"), Timestamp.valueOf("2025-11-11 00:00:01.5"),
            new BigDecimal("-1234.50"), new BigDecimal("0.2000"),
            new BigDecimal("12345678901234.5678")),
        LocalTable.row(SCHEMA, null, null, null, null, null, null, null, null, null, null));
  }

  @Test
  void sparkReadsWhatItWouldHaveWrittenItself() {
    SparkSession spark = SparkTestSession.get();
    String direct = tmp.resolve("direct").toString();
    String bySpark = tmp.resolve("spark").toString();
    ParquetTableWriter.write(new LocalTable(SCHEMA, rows()), direct,
        spark.sparkContext().hadoopConfiguration());
    spark.createDataFrame(rows(), SCHEMA).write().parquet(bySpark);

    var read = spark.read().parquet(direct);
    var expected = spark.read().parquet(bySpark);
    assertEquals(expected.schema(), read.schema());
    assertEquals(sorted(expected.collectAsList()), sorted(read.collectAsList()));
    assertTrue(Files.exists(tmp.resolve("direct/_SUCCESS")));
  }

  @Test
  void anEmptyTableIsAFolderWithItsSchema() {
    SparkSession spark = SparkTestSession.get();
    String dir = tmp.resolve("empty").toString();
    ParquetTableWriter.write(LocalTable.empty(SCHEMA), dir,
        spark.sparkContext().hadoopConfiguration());
    var read = spark.read().parquet(dir);
    assertEquals(0, read.count());
    assertEquals(Arrays.asList(SCHEMA.fieldNames()), Arrays.asList(read.columns()));
  }

  @Test
  void aDecimalTooWideForItsColumnFailsInsteadOfBeingCut() {
    SparkSession spark = SparkTestSession.get();
    Row wide = LocalTable.row(SCHEMA, "x", 1, 1L, 1.0, true, null, null,
        new BigDecimal("123456789012345.00"), null, null);
    assertThrows(ArithmeticException.class, () -> ParquetTableWriter.write(
        new LocalTable(SCHEMA, List.of(wide)), tmp.resolve("wide").toString(),
        spark.sparkContext().hadoopConfiguration()));
  }

  private static List<String> sorted(List<Row> rows) {
    return rows.stream().map(Row::toString).sorted().toList();
  }
}
