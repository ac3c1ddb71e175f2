package kefu.derive;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kefu.derive.FunnelReference.AgentDay;
import kefu.derive.FunnelReference.AgentDayKey;
import org.apache.spark.sql.Row;

/** kefu's funnel as {@link FunnelReference} states it, read from agent_daily rows. */
final class AgentDailyFunnel {
  private AgentDailyFunnel() {}

  /** Days without receptions, inquiries or sales are left out, as the reference has none. */
  static Map<AgentDayKey, AgentDay> of(List<Row> agentDaily) {
    Map<AgentDayKey, AgentDay> out = new HashMap<>();
    for (Row r : agentDaily) {
      AgentDay day = new AgentDay(r.<Long>getAs("receptions"), r.<Long>getAs("inquiry_buyers"),
          r.<Long>getAs("inquiry_ordered_buyers"), r.<Long>getAs("inquiry_paid_buyers"),
          r.<Long>getAs("inquiry_paid_next_day_buyers"),
          r.<BigDecimal>getAs("inquiry_paid_amount"), r.<BigDecimal>getAs("sales_gross"),
          r.<Long>getAs("buyer_messages"), r.<Long>getAs("agent_messages"));
      if (day.receptions() + day.inquiryBuyers() > 0 || day.sales().signum() != 0) {
        out.put(new AgentDayKey(r.getAs("shop_id"), r.getAs("agent_id"),
            ((java.sql.Date) r.getAs("business_date")).toLocalDate()), day);
      }
    }
    return out;
  }
}
