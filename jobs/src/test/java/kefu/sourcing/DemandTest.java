package kefu.sourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import kefu.calendar.PromotionCalendar;
import kefu.derive.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class DemandTest {
  static final String RECEPTIONS = "reception_id STRING, shop_id STRING, buyer_key STRING, "
      + "agent_id STRING, started_at TIMESTAMP, ended_at TIMESTAMP, agent_started_at TIMESTAMP, "
      + "reception_date DATE, buyer_messages BIGINT, answered_buyer_messages BIGINT, "
      + "response_seconds_sum BIGINT, first_response_seconds BIGINT, agent_messages BIGINT, "
      + "is_replied BOOLEAN";
  static final String INQUIRIES = "shop_id STRING, agent_id STRING, buyer_key STRING, "
      + "inquiry_date DATE, ordered BOOLEAN, paid BOOLEAN, paid_amount DECIMAL(14,2), "
      + "category STRING";

  static String[] rec(String id, String agent, String start, String agentStart, String end,
      String date) {
    return Tables.row(id, "s1", "b" + id, agent, start, end, agentStart, date, "2", "2", "10",
        "5", "2", "true");
  }

  @Test
  void hourlyDemandByDayTypeWithHandlingTimeAndConcurrency() {
    // 2024-03-12 normal day: a1 has two overlapping chats 10:00-10:10 and 10:05-10:15 (busy
    // 15 min, open 20 min -> concurrency 4/3); 2024-03-08 is 38节 day: one chat at 20:00.
    Dataset<Row> receptions = Tables.of(RECEPTIONS,
        rec("r1", "a1", "2024-03-12 10:00:00", "2024-03-12 10:00:00", "2024-03-12 10:10:00",
            "2024-03-12"),
        rec("r2", "a1", "2024-03-12 10:05:00", "2024-03-12 10:05:00", "2024-03-12 10:15:00",
            "2024-03-12"),
        rec("r3", "a1", "2024-03-08 20:00:00", "2024-03-08 20:00:00", "2024-03-08 20:02:00",
            "2024-03-08"));
    Dataset<Row> inquiries = Tables.of(INQUIRIES,
        Tables.row("s1", "a1", "br1", "2024-03-12", "false", "false", "0", "shoes"));
    List<Row> rows = Demand.build(receptions, inquiries, PromotionCalendar.defaults())
        .filter("shop_id = 's1'").orderBy("day_type", "hour").collectAsList();
    assertEquals(48, rows.size());
    Row normal10 = rows.stream().filter(r -> r.getString(2).equals("normal") && r.getInt(3) == 10)
        .findFirst().orElseThrow();
    assertEquals(1, normal10.getInt(normal10.fieldIndex("days")));
    assertEquals(2L, normal10.getLong(normal10.fieldIndex("receptions")));
    assertEquals(600.0, normal10.getDouble(normal10.fieldIndex("aht_seconds")), 1e-9);
    assertEquals(1.0, normal10.getDouble(normal10.fieldIndex("inquiries")), 1e-9);
    assertEquals(1200.0 / 900, normal10.getDouble(normal10.fieldIndex("observed_concurrency")),
        1e-9);
    Row event20 = rows.stream().filter(r -> r.getString(2).startsWith("38节") && r.getInt(3) == 20)
        .findFirst().orElseThrow();
    assertEquals(1L, event20.getLong(event20.fieldIndex("receptions")));
    assertEquals(120.0, event20.getDouble(event20.fieldIndex("aht_seconds")), 1e-9);
    Row normal3 = rows.stream().filter(r -> r.getString(2).equals("normal") && r.getInt(3) == 3)
        .findFirst().orElseThrow();
    assertEquals(0L, normal3.getLong(normal3.fieldIndex("receptions")));
    // an hour without replied receptions takes the shop-month mean (600 + 600 + 120) / 3
    assertEquals(440.0, normal3.getDouble(normal3.fieldIndex("aht_seconds")), 1e-9);
  }
}
