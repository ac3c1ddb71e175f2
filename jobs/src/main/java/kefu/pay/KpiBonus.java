package kefu.pay;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * KPI bonus = amount x score / 100, score = sum over metrics of weight x points, where a metric
 * earns the points of the best step it satisfies (0 if none, or if the metric has no data).
 * Metrics over the agent-month, from summed numerators and denominators: inquiry_conversion =
 * inquiry_paid_buyers / inquiry_buyers; reply_rate = replied_receptions / receptions;
 * avg_response_seconds = response_seconds_sum / answered_buyer_messages; dsr_* = sum / count.
 */
final class KpiBonus implements PayComponent {
  private final ComponentDef def;
  private final PayConfig config;

  KpiBonus(ComponentDef def, PayConfig config) {
    this.def = def;
    this.config = config;
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  static Column metric(String name) {
    switch (name) {
      case "inquiry_conversion": return ratio("inquiry_paid_buyers", "inquiry_buyers");
      case "reply_rate": return ratio("replied_receptions", "receptions");
      case "avg_response_seconds": return ratio("response_seconds_sum", "answered_buyer_messages");
      default: return ratio(name + "_sum", name + "_count");
    }
  }

  private static Column ratio(String numerator, String denominator) {
    return when(col(denominator).gt(0), col(numerator).cast("double").divide(col(denominator)));
  }

  /** The points a metric earns, as a CASE expression (best step first). */
  static Column points(List<KpiRule> steps) {
    List<KpiRule> sorted = new ArrayList<>(steps);
    boolean higherIsBetter = sorted.get(0).comparison().equals(">=");
    sorted.sort(Comparator.comparing(KpiRule::threshold));
    if (higherIsBetter) {
      java.util.Collections.reverse(sorted);
    }
    Column m = metric(sorted.get(0).metric());
    Column points = lit(0.0);
    for (int i = sorted.size() - 1; i >= 0; i--) {
      KpiRule r = sorted.get(i);
      double t = r.threshold().doubleValue();
      Column ok = r.comparison().equals(">=") ? m.geq(t) : m.leq(t);
      points = when(m.isNotNull().and(ok), lit(r.points().doubleValue())).otherwise(points);
    }
    return points;
  }

  static Map<String, List<KpiRule>> byMetric(List<KpiRule> rules) {
    Map<String, List<KpiRule>> byMetric = new LinkedHashMap<>();
    for (KpiRule r : rules) {
      byMetric.computeIfAbsent(r.metric(), k -> new ArrayList<>()).add(r);
    }
    return byMetric;
  }

  /** The weighted score 0–100. */
  static Column score(List<KpiRule> rules) {
    Column score = lit(0.0);
    for (var e : byMetric(rules).entrySet()) {
      score = score.plus(points(e.getValue()).multiply(e.getValue().get(0).weight().doubleValue()));
    }
    return score;
  }

  @Override
  public Dataset<Row> lines(PayInputs inputs, Dataset<Row> agentMonths) {
    List<KpiRule> rules = config.kpiTable(def.tierTable());
    List<Column> parts = new ArrayList<>();
    for (var e : byMetric(rules).entrySet()) {
      parts.add(format_string(e.getKey() + " %s -> %s x " + e.getValue().get(0).weight()
          .movePointRight(2).stripTrailingZeros().toPlainString() + "%%",
          org.apache.spark.sql.functions.coalesce(
              org.apache.spark.sql.functions.round(metric(e.getKey()), 4).cast("string"),
              lit("n/a")),
          points(e.getValue()).cast("int").cast("string")));
    }
    Column noteColumn = concat_ws("; ", parts.toArray(new Column[0]));
    Dataset<Row> scored = agentMonths.withColumn("kpi_score", round4(score(rules)));
    Column note = org.apache.spark.sql.functions.concat(lit("score/100 x "
        + def.amount().toPlainString() + " (" + def.tierTable() + "): "), noteColumn);
    return PayslipLines.select(scored, def, "kpi_score", col("kpi_score"),
        col("kpi_score").divide(100),
        PayslipLines.exact(col("kpi_score")).multiply(lit(def.amount())).divide(100), note);
  }

  private static Column round4(Column c) {
    return org.apache.spark.sql.functions.round(c, 4).cast("decimal(10,4)");
  }

}
