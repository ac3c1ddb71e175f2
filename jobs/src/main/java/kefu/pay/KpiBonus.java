package kefu.pay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kefu.pay.AgentMonth.Activity;

/**
 * KPI bonus = amount x score / 100, score = sum over metrics of weight x points, where a metric
 * earns the points of the best step it satisfies (0 if none, or if the metric has no data).
 * Metrics over the agent-month, from summed numerators and denominators: inquiry_conversion =
 * inquiry_paid_buyers / inquiry_buyers; reply_rate = replied_receptions / receptions;
 * avg_response_seconds = response_seconds_sum / answered_buyer_messages; dsr_* = sum / count.
 */
final class KpiBonus implements PayComponent {
  private final ComponentDef def;
  private final PayslipWords words;
  private final Map<String, List<KpiRule>> byMetric;

  KpiBonus(ComponentDef def, PayConfig config, PayslipWords words) {
    this.def = def;
    this.words = words;
    this.byMetric = byMetric(config.kpiTable(def.tierTable()));
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  /** The metric's value for the agent-month; null without data (a zero denominator). */
  static Double metric(String name, Activity a) {
    switch (name) {
      case "inquiry_conversion": return ratio(a.inquiryPaidBuyers(), a.inquiryBuyers());
      case "reply_rate": return ratio(a.repliedReceptions(), a.receptions());
      case "avg_response_seconds":
        return ratio(a.responseSecondsSum(), a.answeredBuyerMessages());
      default:
        long[] dsr = a.dsr(name);
        return ratio(dsr[0], dsr[1]);
    }
  }

  private static Double ratio(double numerator, long denominator) {
    return denominator > 0 ? numerator / denominator : null;
  }

  /** The points of the best step the value satisfies (steps best first), 0 if none. */
  static double points(List<KpiRule> steps, Double value) {
    if (value == null) {
      return 0.0;
    }
    for (KpiRule r : bestFirst(steps)) {
      double t = r.threshold().doubleValue();
      if (r.comparison().equals(">=") ? value >= t : value <= t) {
        return r.points().doubleValue();
      }
    }
    return 0.0;
  }

  /** Highest threshold first when the metric's first step is "&gt;=", else lowest first. */
  private static List<KpiRule> bestFirst(List<KpiRule> steps) {
    List<KpiRule> sorted = new ArrayList<>(steps);
    boolean higherIsBetter = steps.get(0).comparison().equals(">=");
    sorted.sort(Comparator.comparing(KpiRule::threshold));
    if (higherIsBetter) {
      Collections.reverse(sorted);
    }
    return sorted;
  }

  static Map<String, List<KpiRule>> byMetric(List<KpiRule> rules) {
    Map<String, List<KpiRule>> byMetric = new LinkedHashMap<>();
    for (KpiRule r : rules) {
      byMetric.computeIfAbsent(r.metric(), k -> new ArrayList<>()).add(r);
    }
    return byMetric;
  }

  /** The weighted score 0–100, to 4 places. */
  BigDecimal score(Activity a) {
    double score = 0.0;
    for (var e : byMetric.entrySet()) {
      score += points(e.getValue(), metric(e.getKey(), a))
          * e.getValue().get(0).weight().doubleValue();
    }
    return BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP);
  }

  @Override
  public PayslipLine line(PayInputs inputs, AgentMonth m, String schemeId) {
    List<String> parts = new ArrayList<>();
    for (var e : byMetric.entrySet()) {
      Double value = metric(e.getKey(), m.activity());
      parts.add(words.format("kpi.metric", words.basis(e.getKey()), value == null
          ? words.word("kpi.noData")
          : Double.toString(BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP)
              .doubleValue()), String.valueOf((int) points(e.getValue(), value)),
          PayslipWords.percent(e.getValue().get(0).weight())));
    }
    BigDecimal score = score(m.activity());
    String note = words.format("kpi", def.amount().toPlainString(), def.tierTable(),
        words.list(parts));
    return PayslipLine.of(m, schemeId, def, "kpi_score", score, score.movePointLeft(2),
        score.multiply(def.amount()).movePointLeft(2), note);
  }
}
