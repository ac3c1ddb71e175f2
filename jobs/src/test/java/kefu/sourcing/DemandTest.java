package kefu.sourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kefu.calendar.PromotionCalendar;
import kefu.derive.Tables;
import kefu.facts.DemandFacts;
import kefu.spark.FactQuery;
import kefu.table.LocalTable;
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

  /** The demand mart of these receptions and inquiries, through the row tier's query. */
  static LocalTable demand(Dataset<Row> receptions, Dataset<Row> inquiries,
      PromotionCalendar calendar) {
    Map<String, Dataset<Row>> queries = new LinkedHashMap<>();
    queries.put("hours", DemandFacts.hours(receptions));
    queries.put("inquiries", DemandFacts.inquiries(inquiries));
    queries.put("busy", DemandFacts.busy(receptions));
    Map<String, LocalTable> f = FactQuery.collect(queries);
    return Demand.build(f.get("hours"), f.get("inquiries"), f.get("busy"), calendar);
  }

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
    List<Row> rows = demand(receptions, inquiries, PromotionCalendar.defaults())
        .filter(r -> "s1".equals(r.getAs("shop_id"))).sorted("day_type", "hour").rows();
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

  @Test
  void allShopsRowsSumTheShopsButCountASharedDayOnce() {
    // s1 and s2 both receive at 10:00 on 2024-03-12 (normal); s2 again at 11:00 on 2024-03-13.
    Dataset<Row> receptions = Tables.of(RECEPTIONS,
        recIn("s1", "r1", "a1", "2024-03-12 10:00:00", "2024-03-12 10:10:00", "2024-03-12"),
        recIn("s2", "r2", "a2", "2024-03-12 10:00:00", "2024-03-12 10:20:00", "2024-03-12"),
        recIn("s2", "r3", "a2", "2024-03-13 11:00:00", "2024-03-13 11:05:00", "2024-03-13"));
    Dataset<Row> inquiries = Tables.of(INQUIRIES,
        Tables.row("s1", "a1", "br1", "2024-03-12", "false", "false", "0", "shoes"),
        Tables.row("s2", "a2", "br1", "2024-03-12", "false", "false", "0", "shoes"));
    List<Row> rows = demand(receptions, inquiries, PromotionCalendar.defaults())
        .filter(r -> "normal".equals(r.getAs("day_type")) && (int) r.getAs("hour") == 10)
        .rows();
    Row all = rows.stream().filter(r -> r.getString(0).equals(Demand.ALL_SHOPS)).findFirst()
        .orElseThrow();
    Row s1 = rows.stream().filter(r -> r.getString(0).equals("s1")).findFirst().orElseThrow();
    assertEquals(2, all.getInt(all.fieldIndex("days"))); // 03-12 once, 03-13
    assertEquals(1, s1.getInt(s1.fieldIndex("days")));
    assertEquals(2L, all.getLong(all.fieldIndex("receptions")));
    assertEquals(2L, all.getLong(all.fieldIndex("handled_receptions")));
    assertEquals(1800L, all.getLong(all.fieldIndex("handle_seconds_sum")));
    assertEquals(900.0, all.getDouble(all.fieldIndex("aht_seconds")), 1e-9);
    // a buyer inquiring in two shops is two inquiries; 2 of the day type's 3 receptions
    assertEquals(2.0 * 2 / 3, all.getDouble(all.fieldIndex("inquiries")), 1e-9);
    assertEquals(600L + 1200 + 300, all.getLong(all.fieldIndex("agent_reception_seconds")));
    assertEquals(600L + 1200 + 300, all.getLong(all.fieldIndex("agent_busy_seconds")));
    assertEquals(1.0, all.getDouble(all.fieldIndex("observed_concurrency")), 1e-9);
  }

  @Test
  void aShopMonthWithoutARepliedReceptionHasNoHandlingTime() {
    String[] unanswered = Tables.row("r1", "s1", "b1", null, "2024-03-12 10:00:00",
        "2024-03-12 10:10:00", null, "2024-03-12", "1", "0", "0", null, "0", "false");
    List<Row> rows = demand(Tables.of(RECEPTIONS, unanswered), Tables.of(INQUIRIES),
        PromotionCalendar.defaults()).filter(r -> "s1".equals(r.getAs("shop_id"))).rows();
    assertEquals(24, rows.size());
    for (Row r : rows) {
      assertNull(r.getAs("aht_seconds"));
      assertEquals(0L, (long) r.getAs("handled_receptions"));
    }
  }

  private static String[] recIn(String shop, String id, String agent, String start, String end,
      String date) {
    return Tables.row(id, shop, "b" + id, agent, start, end, start, date, "2", "2", "10", "5",
        "2", "true");
  }
}
