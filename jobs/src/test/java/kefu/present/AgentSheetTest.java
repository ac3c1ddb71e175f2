package kefu.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kefu.marts.AgentMetrics;
import kefu.report.Labels;
import kefu.report.ReportColumn;
import kefu.report.ReportTable;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/** The 客服 sheet shows each rate beside the counts it is made of (no Spark). */
class AgentSheetTest {
  private static final Labels ZH = Labels.of("zh");

  /** An agent_metrics row of 2025Q4: the given measures, 0 or null (rates) for the others. */
  private static Row agent(String id, Object... pairs) {
    Map<String, Object> given = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      given.put((String) pairs[i], pairs[i + 1]);
    }
    List<Object> v = new ArrayList<>();
    for (StructField f : AgentMetrics.SCHEMA.fields()) {
      Object value = switch (f.name()) {
        case "shop_id" -> "s1";
        case "agent_id" -> id;
        case "period_type" -> "quarter";
        case "period" -> "2025Q4";
        default -> given.containsKey(f.name()) ? given.get(f.name())
            : f.dataType().equals(DataTypes.LongType) ? (Object) 0L
            : f.dataType().equals(DataTypes.DoubleType) ? null : BigDecimal.ZERO.setScale(2);
      };
      v.add(value);
    }
    return LocalTable.row(AgentMetrics.SCHEMA, v.toArray());
  }

  /** Header → value of each row. */
  private static List<Map<String, Object>> cells(ReportTable t) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (List<Object> row : t.rows()) {
      Map<String, Object> m = new HashMap<>();
      for (int i = 0; i < t.columns().size(); i++) {
        m.put(t.columns().get(i).header(), row.get(i));
      }
      out.add(m);
    }
    return out;
  }

  @Test
  void nextDayPaymentRateAndAnswerRatioStandBesideTheirCounts() {
    // a1: 40 inquiring buyers, 30 paid in the end, 24 by the next day; 300 buyer and 420 agent
    // messages. a2: agent messages only (follow-ups nobody answered), no inquiry.
    List<Row> agents = List.of(
        agent("a1", "inquiry_buyers", 40L, "inquiry_paid_buyers", 30L,
            "inquiry_paid_next_day_buyers", 24L, "inquiry_conversion", 0.75,
            "inquiry_next_day_payment_rate", 0.6, "buyer_messages", 300L,
            "agent_messages", 420L, "answer_ratio", 1.4),
        agent("a2", "agent_messages", 5L));
    ReportTable t = AgentSheet.table(agents, Map.of(), Map.of(), true, ZH);
    List<String> headers = t.columns().stream().map(ReportColumn::header).toList();
    int conversion = headers.indexOf("询单转化率");
    assertEquals(List.of("询单→付款人数", "询单转化率", "询单→次日付款人数", "询单→次日付款成功率"),
        headers.subList(conversion - 1, conversion + 3));
    int ratio = headers.indexOf("答问比");
    assertEquals(List.of("买家消息数", "客服消息数", "答问比"), headers.subList(ratio - 2, ratio + 1));

    Map<String, Object> a1 = cells(t).get(0);
    assertEquals(24L, a1.get("询单→次日付款人数"));
    assertEquals(0.6, (double) a1.get("询单→次日付款成功率"), 1e-12, "24 / 40");
    assertEquals(300L, a1.get("买家消息数"));
    assertEquals(420L, a1.get("客服消息数"));
    assertEquals(1.4, (double) a1.get("答问比"), 1e-12, "420 / 300");
    Map<String, Object> a2 = cells(t).get(1);
    assertEquals(5L, a2.get("客服消息数"));
    assertNull(a2.get("答问比"), "no buyer message: no ratio, not 0");
    assertNull(a2.get("询单→次日付款成功率"), "no inquiry: no rate, not 0");
  }
}
