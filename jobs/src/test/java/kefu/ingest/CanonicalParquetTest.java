package kefu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import kefu.canonical.CanonicalSchema;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kefu's own canonical tables as Parquet go through the same checks as CSV and XLSX. */
class CanonicalParquetTest {
  @TempDir Path dir;

  @Test
  void canonicalOrdersInParquetAreTypedPseudonymisedAndReconciled() {
    SparkSession spark = SparkTestSession.get();
    StructType schema = new StructType()
        .add("order_id", DataTypes.StringType)
        .add("shop_id", DataTypes.StringType)
        .add("buyer_key", DataTypes.StringType)
        .add("item_id", DataTypes.StringType)
        .add("quantity", DataTypes.IntegerType)
        .add("amount_paid", CanonicalSchema.MONEY)
        .add("created_at", DataTypes.TimestampType)
        .add("paid_at", DataTypes.TimestampType);
    Timestamp created = Timestamp.from(Instant.parse("2025-11-10T16:00:01Z")); // 11-11 00:00:01
    Dataset<Row> orders = spark.createDataFrame(List.of(
        RowFactory.create("A1", "店", "张三", "APP-1", 2, new BigDecimal("199.90"), created,
            created),
        RowFactory.create("A2", "店", null, "APP-2", 1, new BigDecimal("10.00"), created, null),
        RowFactory.create("A3", "店", "李四", "APP-3", 1, new BigDecimal("5.00"), null, null)),
        schema);
    Path in = dir.resolve("orders.parquet");
    orders.coalesce(1).write().parquet(in.toString());

    IngestedTables t = Ingest.run(spark, IngestFixtures.orders(in),
        IngestFixtures.options(false), dir.resolve("out/canonical").toString(),
        dir.resolve("out/rejects").toString());

    List<Row> accepted = t.orders().orderBy("order_id").collectAsList();
    assertEquals(2, accepted.size());
    Row a1 = accepted.get(0);
    assertEquals(Instant.parse("2025-11-10T16:00:01Z"),
        ((Timestamp) a1.getAs("created_at")).toInstant());
    assertEquals(0, new BigDecimal("199.90").compareTo(a1.getAs("amount_paid")));
    assertEquals(2, (int) a1.getAs("quantity"));
    assertNotEquals("张三", a1.getAs("buyer_key"), "buyer pseudonymised");
    assertNull(accepted.get(1).getAs("paid_at"));

    Row reject = t.rejects().first();
    assertEquals("created_at", reject.getAs("column"));
    assertEquals(4L, (long) reject.getAs("source_line"), "header is row 1: A3 is row 4");

    FileReconciliation f = t.files().get(0);
    assertEquals("kefu_orders/parquet", f.format());
    assertEquals(3, f.rowsRead());
    assertEquals(2, f.rowsAccepted());
    assertEquals(1, f.rowsRejected());
  }

  /**
   * kefu's canonical refunds carry the refund export's item and full/partial flag beside the
   * canonical columns; read back as input they keep both, so a review from the canonical Parquet
   * attributes refunds to the same lines as the review of the exports it came from.
   */
  @Test
  void canonicalRefundsReadBackKeepTheirItemAndFullRefundFlag() {
    SparkSession spark = SparkTestSession.get();
    Timestamp paid = Timestamp.from(Instant.parse("2025-11-10T16:00:01Z"));
    StructType orderSchema = new StructType()
        .add("order_id", DataTypes.StringType)
        .add("line_id", DataTypes.StringType)
        .add("shop_id", DataTypes.StringType)
        .add("item_id", DataTypes.StringType)
        .add("quantity", DataTypes.IntegerType)
        .add("amount_paid", CanonicalSchema.MONEY)
        .add("created_at", DataTypes.TimestampType)
        .add("paid_at", DataTypes.TimestampType);
    Path orders = dir.resolve("orders.parquet");
    spark.createDataFrame(List.of(
        RowFactory.create("A1", "A1-1", "店", "APP-1", 1, new BigDecimal("30.00"), paid, paid),
        RowFactory.create("A1", "A1-2", "店", "APP-2", 1, new BigDecimal("70.00"), paid, paid)),
        orderSchema).coalesce(1).write().parquet(orders.toString());
    // As Ingest writes canonical refunds: the canonical columns, then item_id and is_full_refund.
    StructType refundSchema = new StructType()
        .add("refund_id", DataTypes.StringType)
        .add("order_id", DataTypes.StringType)
        .add("shop_id", DataTypes.StringType)
        .add("completed_at", DataTypes.TimestampType)
        .add("amount", CanonicalSchema.MONEY)
        .add("status", DataTypes.StringType)
        .add("item_id", DataTypes.StringType)
        .add("is_full_refund", DataTypes.BooleanType);
    Path refunds = dir.resolve("refunds.parquet");
    spark.createDataFrame(List.<Row>of(RowFactory.create("R1", "A1", "店", paid,
        new BigDecimal("30.00"), "退款成功", "APP-1", false)), refundSchema)
        .coalesce(1).write().parquet(refunds.toString());

    IngestedTables t = Ingest.run(spark, new InputPaths(List.of(orders.toString()),
        List.of(refunds.toString()), null, null, null), IngestFixtures.options(true),
        dir.resolve("out/canonical").toString(), dir.resolve("out/rejects").toString());

    Row r = t.refunds().select("refund_id", "item_id", "is_full_refund").first();
    assertEquals("R1", r.getString(0));
    assertEquals("APP-1", r.getString(1));
    assertEquals(false, r.get(2));
  }

  @Test
  void legacyInt96TimestampsDecode() {
    byte[] epochPlusOneSecond = new byte[12];
    java.nio.ByteBuffer.wrap(epochPlusOneSecond).order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .putLong(1_000_000_000L).putInt(2_440_588);
    assertEquals(Instant.ofEpochSecond(1), ParquetRecords.int96(epochPlusOneSecond));
  }
}
