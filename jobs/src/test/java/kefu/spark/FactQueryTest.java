package kefu.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
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

  @Test
  void moreRowsThanAnAggregateMayHaveFailNamingTheAggregates() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> FactQuery.collect(twoFacts(), 3));
    assertTrue(e.getMessage().contains("[counts, labels] came to 4 rows, more than the 3"),
        e.getMessage());
  }
}
