package kefu.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class ReceptionHoursTest {
  static final org.apache.spark.sql.types.StructType RECEPTIONS =
      org.apache.spark.sql.types.StructType.fromDDL("reception_id STRING, shop_id STRING, "
          + "buyer_key STRING, agent_id STRING, started_at TIMESTAMP, ended_at TIMESTAMP, "
          + "reception_date DATE");

  @Test
  void mergesOverlappingPartsAndCountsEachBlockInTheMonthItStarts() {
    List<Row> parts = new ArrayList<>();
    // a1, February: 23:00-00:30 and 23:30-01:00 merge into one block of 2 h started on the 29th,
    // so it is February's even though it ends in March.
    parts.add(part("a1", "2024-02-29 23:00:00", "2024-03-01 00:30:00"));
    parts.add(part("a1", "2024-02-29 23:30:00", "2024-03-01 01:00:00"));
    // a1, March: 10:00-11:00 inside 09:00-12:00 (3 h), then 12:00-12:30 touching it (merged: 3.5 h)
    parts.add(part("a1", "2024-03-04 09:00:00", "2024-03-04 12:00:00"));
    parts.add(part("a1", "2024-03-04 10:00:00", "2024-03-04 11:00:00"));
    parts.add(part("a1", "2024-03-04 12:00:00", "2024-03-04 12:30:00"));
    // a2 overlaps a1 in time but is another agent: 1.5 h of its own
    parts.add(part("a2", "2024-03-04 10:00:00", "2024-03-04 11:30:00"));
    // no agent, the bot placeholder and an end before the start: no hours
    parts.add(part(null, "2024-03-04 10:00:00", "2024-03-04 11:00:00"));
    parts.add(part("bot", "2024-03-04 10:00:00", "2024-03-04 11:00:00"));
    parts.add(part("a2", "2024-03-05 10:00:00", "2024-03-05 09:00:00"));
    // April: a month of its own
    parts.add(part("a2", "2024-04-01 10:00:00", "2024-04-01 11:00:00"));

    SparkSession spark = SparkTestSession.get();
    Map<String, Double> hours = new TreeMap<>();
    for (Row r : ReceptionHours.byAgentMonth(spark.createDataFrame(parts, RECEPTIONS))
        .collectAsList()) {
      hours.put(r.getAs("shop_id") + "/" + r.getAs("agent_id") + "/" + r.getAs("month"),
          r.<Double>getAs("reception_hours"));
    }
    assertEquals(Map.of("s1/a1/2024-02", 2.0, "s1/a1/2024-03", 3.5, "s1/a2/2024-03", 1.5,
        "s1/a2/2024-04", 1.0), hours);
  }

  private static int ids;

  private static Row part(String agentId, String start, String end) {
    return RowFactory.create("rc" + (++ids), "s1", "b", agentId, shopTime(start), shopTime(end),
        java.sql.Date.valueOf(start.substring(0, 10)));
  }

  /** A wall-clock time in the test session's zone, whatever the JVM's own zone. */
  private static Timestamp shopTime(String text) {
    return Timestamp.from(LocalDateTime.parse(text.replace(' ', 'T'))
        .atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }
}
