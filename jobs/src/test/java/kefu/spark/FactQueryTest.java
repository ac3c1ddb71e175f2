package kefu.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kefu.pipeline.SparkProgress;
import kefu.table.LocalTable;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class FactQueryTest {

  private static Map<String, Dataset<Row>> twoFacts() {
    SparkSession spark = SparkTestSession.get();
    Map<String, Dataset<Row>> facts = new LinkedHashMap<>();
    facts.put("counts", spark.range(10).groupBy(col("id").mod(3).as("k")).count());
    facts.put("labels", spark.sql("select 'a' as k, cast(1.50 as decimal(14,2)) as amount"));
    return facts;
  }

  @Test
  void eachAggregateComesBackWithItsOwnSchemaFromOnePlan() throws Exception {
    SparkSession spark = SparkTestSession.get();
    SparkProgress progress = SparkProgress.attach(spark);
    try {
      Map<String, LocalTable> out = FactQuery.collect(twoFacts());
      Thread.sleep(500); // listener events arrive asynchronously
      assertEquals(1, progress.work().plans());
      LocalTable counts = out.get("counts");
      assertEquals("struct<k:bigint,count:bigint>", counts.schema().simpleString());
      assertEquals(3, counts.size());
      assertEquals(10L, counts.rows().stream().mapToLong(r -> r.<Long>getAs("count")).sum());
      Row label = out.get("labels").rows().get(0);
      assertEquals("a", label.getAs("k"));
      assertEquals(new java.math.BigDecimal("1.50"), label.getAs("amount"));
    } finally {
      progress.detach(spark);
    }
  }

  /**
   * Columns share typed slots: the second aggregate's two bigint columns take the slots the first
   * one's bigint used and one more; decimals of another scale and a date get slots of their own,
   * and an aggregate without rows comes back empty with its schema.
   */
  @Test
  void aggregatesOfOverlappingTypesKeepTheirValuesAndColumnOrder() {
    SparkSession spark = SparkTestSession.get();
    Map<String, Dataset<Row>> facts = new LinkedHashMap<>();
    facts.put("a", spark.sql("select 'x' as shop, cast(7 as bigint) as n, "
        + "cast(2.50 as decimal(14,2)) as money"));
    facts.put("b", spark.sql("select cast(1 as bigint) as first, 'y' as shop, "
        + "cast(2 as bigint) as second, cast(0.125 as decimal(10,3)) as rate, "
        + "date'2025-10-01' as day, cast(null as bigint) as missing"));
    facts.put("none", spark.sql("select cast(3 as bigint) as n, 'z' as shop").limit(0));
    Map<String, LocalTable> out = FactQuery.collect(facts);
    Row a = out.get("a").rows().get(0);
    assertEquals("struct<shop:string,n:bigint,money:decimal(14,2)>",
        out.get("a").schema().simpleString());
    assertEquals(List.of("x", 7L, new java.math.BigDecimal("2.50")),
        List.of(a.get(0), a.get(1), a.get(2)));
    Row b = out.get("b").rows().get(0);
    assertEquals("struct<first:bigint,shop:string,second:bigint,rate:decimal(10,3),day:date,"
        + "missing:bigint>", out.get("b").schema().simpleString());
    assertEquals(1L, b.<Long>getAs("first"));
    assertEquals("y", b.getAs("shop"));
    assertEquals(2L, b.<Long>getAs("second"));
    assertEquals(new java.math.BigDecimal("0.125"), b.getAs("rate"));
    assertEquals(java.sql.Date.valueOf("2025-10-01"), b.getAs("day"));
    assertTrue(b.isNullAt(b.fieldIndex("missing")));
    assertEquals(1, out.get("a").size());
    assertEquals(0, out.get("none").size());
    assertEquals("struct<n:bigint,shop:string>", out.get("none").schema().simpleString());
  }

  @Test
  void moreRowsThanAnAggregateMayHaveFailNamingTheAggregates() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> FactQuery.collect(twoFacts(), 3));
    assertTrue(e.getMessage().contains("[counts, labels] came to 4 rows, more than the 3"),
        e.getMessage());
  }
}
