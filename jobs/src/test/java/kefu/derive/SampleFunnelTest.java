package kefu.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kefu.derive.FunnelReference.AgentDay;
import kefu.derive.FunnelReference.AgentDayKey;
import kefu.pipeline.SampleRun;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * kefu's funnel on the generated sample run equals the plain-Java reference of the brief's rules,
 * from the run's canonical chats and orders, for every shop, agent and business day.
 */
class SampleFunnelTest {

  @Test
  void everyAgentDayOfTheSampleRunHasTheReferenceFunnel() throws IOException {
    SparkSession spark = SparkTestSession.get();
    Path out = SampleRun.get().out;
    List<FunnelReference.Message> messages = new ArrayList<>();
    for (Row r : spark.read().parquet(out.resolve("canonical/chats").toString())
        .where("sender IN ('buyer', 'agent', 'bot') AND sent_at IS NOT NULL "
            + "AND buyer_key IS NOT NULL")
        .select("shop_id", "buyer_key", "agent_id", "sender", "sent_at").collectAsList()) {
      messages.add(new FunnelReference.Message(r.getString(0), r.getString(1), r.getString(2),
          r.getString(3), r.<Timestamp>getAs(4).toInstant()));
    }
    List<FunnelReference.OrderLine> lines = new ArrayList<>();
    for (Row r : spark.read().parquet(out.resolve("canonical/orders").toString())
        .select("order_id", "shop_id", "buyer_key", "amount_paid", "created_at", "paid_at")
        .collectAsList()) {
      lines.add(new FunnelReference.OrderLine(r.getString(0), r.getString(1), r.getString(2),
          r.<BigDecimal>getAs(3), instant(r.getAs(4)), instant(r.getAs(5))));
    }
    Map<AgentDayKey, AgentDay> expected = new TreeMap<>(KEY_ORDER);
    expected.putAll(FunnelReference.funnel(messages, lines, FunnelCases.ZONE));
    Map<AgentDayKey, AgentDay> actual = new TreeMap<>(KEY_ORDER);
    actual.putAll(AgentDailyFunnel.of(spark.read()
        .parquet(out.resolve("marts/agent_daily").toString()).collectAsList()));

    long inquiries = expected.values().stream().mapToLong(AgentDay::inquiryBuyers).sum();
    assertTrue(inquiries > 100 && expected.size() > 100, "not vacuous: " + inquiries);
    assertEquals(expected.keySet(), actual.keySet());
    for (AgentDayKey k : expected.keySet()) {
      assertEquals(expected.get(k), actual.get(k), k.toString());
    }
  }

  private static final java.util.Comparator<AgentDayKey> KEY_ORDER = java.util.Comparator
      .comparing(AgentDayKey::shop).thenComparing(AgentDayKey::agent)
      .thenComparing(AgentDayKey::day);

  private static java.time.Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
