package kefu.seasonal;

import java.util.ArrayList;
import java.util.List;

/**
 * One metric of the daily series: a count (level = mean per day of {@code numerator}) or a rate
 * (level = sum of {@code numerator} / sum of {@code denominator} over the days). Metrics marked
 * {@code allOnly} exist only for category 'ALL' (chat has no category).
 */
public record SeasonalMetric(String name, Kind kind, String numerator, String denominator,
    boolean allOnly) {

  public enum Kind { COUNT, RATE }

  /** Prefixes of the per-scheme pay columns of the daily series (then the scheme_id). */
  public static final String PAY_PREFIX = "pay_net__";
  public static final String PAY_DAYS_PREFIX = "pay_agent_days__";
  /** Metric name prefix of agent pay per scheme: {@code agent_pay:S1}. */
  public static final String PAY_METRIC = "agent_pay:";

  public static final List<SeasonalMetric> FIXED = List.of(
      count("orders", "orders", false),
      count("paid_orders", "paid_orders", false),
      count("paid_amount", "paid_amount", false),
      count("inquiries", "inquiry_buyers", false),
      rate("conversion", "inquiry_paid_buyers", "inquiry_buyers", false),
      rate("refund_rate", "refunded_units_by_sale", "sold_units", false),
      rate("return_rate", "returned_units_by_sale", "sold_units", false),
      count("refunds_completed", "refunds_completed", false),
      count("returns_completed", "returns_completed", false),
      count("receptions", "receptions", true),
      rate("reply_rate", "replied_receptions", "receptions", true),
      rate("first_response_seconds", "first_response_seconds_sum", "first_response_count", true),
      count("peak_receptions_per_agent", "peak_receptions_per_agent", true));

  public boolean isRate() {
    return kind == Kind.RATE;
  }

  /** The fixed metrics plus agent pay for every scheme that has columns in {@code columns}. */
  public static List<SeasonalMetric> catalogue(String[] columns) {
    List<SeasonalMetric> all = new ArrayList<>(FIXED);
    for (String c : columns) {
      if (c.startsWith(PAY_PREFIX)) {
        String scheme = c.substring(PAY_PREFIX.length());
        // pay per active agent-day: the daily equivalent of monthly net pay
        all.add(new SeasonalMetric(PAY_METRIC + scheme, Kind.RATE, c, PAY_DAYS_PREFIX + scheme,
            false));
      }
    }
    return all;
  }

  public static SeasonalMetric byName(List<SeasonalMetric> metrics, String name) {
    return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
  }

  private static SeasonalMetric count(String name, String column, boolean allOnly) {
    return new SeasonalMetric(name, Kind.COUNT, column, null, allOnly);
  }

  private static SeasonalMetric rate(String name, String numerator, String denominator,
      boolean allOnly) {
    return new SeasonalMetric(name, Kind.RATE, numerator, denominator, allOnly);
  }
}
