package kefu.marts;

import static kefu.marts.PeriodRows.moneyPer;
import static kefu.marts.PeriodRows.ratio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import kefu.canonical.CanonicalSchema;
import kefu.table.LocalTable;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Agent x period: the {@link AgentDaily} numerators and denominators summed over the days of each
 * period (never averaged daily ratios), then the rates. Grain: {@code shop_id}, {@code agent_id},
 * {@code period_type}, {@code period}. Rates are doubles, null when their denominator is 0.
 * Plain Java over the agent_daily mart (agents x days).
 */
public final class AgentMetrics {
  private AgentMetrics() {}

  private static final String[] KEYS = {"shop_id", "agent_id", "period_type", "period"};

  public static final StructType SCHEMA = schema();

  private static StructType schema() {
    StructType s = new StructType();
    for (String k : KEYS) {
      s = s.add(k, DataTypes.StringType);
    }
    for (String c : AgentDaily.COUNTS) {
      s = s.add(c, DataTypes.LongType);
    }
    for (String c : AgentDaily.MONEY) {
      s = s.add(c, CanonicalSchema.MONEY);
    }
    for (String c : List.of("inquiry_conversion", "inquiry_order_rate", "order_payment_rate")) {
      s = s.add(c, DataTypes.DoubleType);
    }
    s = s.add("sales_net", CanonicalSchema.MONEY).add("average_order_value", CanonicalSchema.MONEY);
    for (String c : List.of("refund_rate_units", "refund_rate_amount", "return_rate",
        "reply_rate", "first_response_seconds_avg", "response_seconds_avg",
        "dsr_description_avg", "dsr_service_avg", "dsr_logistics_avg",
        "inquiry_next_day_payment_rate", "answer_ratio")) {
      s = s.add(c, DataTypes.DoubleType);
    }
    return s;
  }

  public static LocalTable build(LocalTable agentDaily, List<Period> periods) {
    List<String> measures = new ArrayList<>(List.of(AgentDaily.COUNTS));
    measures.addAll(List.of(AgentDaily.MONEY));
    PeriodRows sums = new PeriodRows(periods, AgentDaily.MONEY).addByDate(agentDaily,
        "business_date", new String[] {"shop_id", "agent_id"}, measures.toArray(String[]::new));
    return new LocalTable(SCHEMA, sums.rows((key, m) -> {
      List<Object> v = new ArrayList<>(key);
      measures.forEach(c -> v.add(m.value(c)));
      BigDecimal sales = m.money("sales_gross");
      BigDecimal refunds = m.money("refund_amount");
      v.add(ratio(m.count("inquiry_paid_buyers"), m.count("inquiry_buyers")));
      v.add(ratio(m.count("inquiry_ordered_buyers"), m.count("inquiry_buyers")));
      v.add(ratio(m.count("inquiry_paid_buyers"), m.count("inquiry_ordered_buyers")));
      v.add(sales.subtract(refunds));
      v.add(moneyPer(sales, m.count("paying_buyers")));
      v.add(ratio(m.count("refunded_units"), m.count("sold_units")));
      v.add(ratio(refunds.doubleValue(), sales.doubleValue()));
      v.add(ratio(m.count("return_count"), m.count("sold_lines")));
      v.add(ratio(m.count("replied_receptions"), m.count("receptions")));
      v.add(ratio(m.count("first_response_seconds_sum"), m.count("first_response_count")));
      v.add(ratio(m.count("response_seconds_sum"), m.count("answered_buyer_messages")));
      for (String score : new String[] {"description", "service", "logistics"}) {
        v.add(ratio(m.count("dsr_" + score + "_sum"), m.count("dsr_" + score + "_count")));
      }
      v.add(ratio(m.count("inquiry_paid_next_day_buyers"), m.count("inquiry_buyers")));
      v.add(ratio(m.count("agent_messages"), m.count("buyer_messages")));
      return LocalTable.row(SCHEMA, v.toArray());
    }));
  }
}
