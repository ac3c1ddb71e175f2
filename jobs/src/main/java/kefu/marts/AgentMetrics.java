package kefu.marts;

import static kefu.marts.Measures.moneyPer;
import static kefu.marts.Measures.ratio;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import kefu.canonical.CanonicalSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Agent x period: the {@link AgentDaily} numerators and denominators summed over the days of each
 * period (never averaged daily ratios), then the rates. Grain: {@code shop_id}, {@code agent_id},
 * {@code period_type}, {@code period}. Rates are doubles, null when their denominator is 0.
 */
public final class AgentMetrics {
  private AgentMetrics() {}

  public static Dataset<Row> build(Dataset<Row> agentDaily, List<Period> periods) {
    Dataset<Row> inPeriods = Periods.assign(agentDaily, "business_date", periods);
    String[] keys = {"shop_id", "agent_id", "period_type", "period"};
    Dataset<Row> sums = Measures.combine(List.of(inPeriods), keys, AgentDaily.COUNTS,
        AgentDaily.MONEY);

    List<Column> out = new ArrayList<>();
    for (String c : Measures.concat(keys, AgentDaily.COUNTS, AgentDaily.MONEY)) {
      out.add(col(c));
    }
    out.add(ratio("inquiry_paid_buyers", "inquiry_buyers").as("inquiry_conversion"));
    out.add(ratio("inquiry_ordered_buyers", "inquiry_buyers").as("inquiry_order_rate"));
    out.add(ratio("inquiry_paid_buyers", "inquiry_ordered_buyers").as("order_payment_rate"));
    out.add(col("sales_gross").minus(col("refund_amount")).cast(CanonicalSchema.MONEY)
        .as("sales_net"));
    out.add(moneyPer("sales_gross", "paying_buyers").as("average_order_value"));
    out.add(ratio("refunded_units", "sold_units").as("refund_rate_units"));
    out.add(ratio("refund_amount", "sales_gross").as("refund_rate_amount"));
    out.add(ratio("return_count", "sold_lines").as("return_rate"));
    out.add(ratio("replied_receptions", "receptions").as("reply_rate"));
    out.add(ratio("first_response_seconds_sum", "first_response_count")
        .as("first_response_seconds_avg"));
    out.add(ratio("response_seconds_sum", "answered_buyer_messages").as("response_seconds_avg"));
    for (String score : new String[] {"description", "service", "logistics"}) {
      out.add(ratio("dsr_" + score + "_sum", "dsr_" + score + "_count")
          .as("dsr_" + score + "_avg"));
    }
    return sums.select(out.toArray(new Column[0]));
  }
}
