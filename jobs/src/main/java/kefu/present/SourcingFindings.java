package kefu.present;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kefu.report.Labels;
import kefu.sourcing.Demand;
import kefu.sourcing.SourcingConfig;
import kefu.sourcing.StaffingParameters;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;

/**
 * The owner's question in one sentence: across all shops, which option is the best value in
 * ordinary months and which in the 双11 months (November), with what the in-house team costs
 * there. Best value = the lowest cost per ¥100 of the agent-credited sales an option keeps
 * (outsourced agents' conversion discounted; column is_best_value of sourcing_cost), and the
 * sentence says so.
 */
public final class SourcingFindings {
  private SourcingFindings() {}

  static final String DOUBLE_ELEVEN_MONTH = "-11";

  public static List<String> of(Labels labels, LocalTable cost) {
    List<Row> rows = cost.filter(c -> Demand.ALL_SHOPS.equals(c.getAs("shop_id")))
        .sorted("month", "option").rows();
    Map<String, Double> inHouse = new TreeMap<>();
    double conversion = StaffingParameters.DEFAULT_OUTSOURCED_CONVERSION;
    for (Row r : rows) {
      String option = r.getAs("option");
      if (SourcingConfig.IN_HOUSE.equals(option)) {
        inHouse.put(r.getAs("month"), money(r, "cost"));
      } else if (SourcingConfig.TIERED_INQUIRY.equals(option)) {
        conversion = r.<Double>getAs("conversion_factor");
      }
    }
    Map<String, Integer> bestOrdinary = new TreeMap<>();
    int ordinaryMonths = 0;
    List<String> november = new ArrayList<>();
    for (Row r : rows) {
      String month = r.getAs("month");
      if (!Boolean.TRUE.equals(r.getAs("is_best_value"))) {
        continue;
      }
      String option = r.getAs("option");
      if (month.endsWith(DOUBLE_ELEVEN_MONTH)) {
        Double per100 = r.getAs("cost_per_100_credited_sales");
        november.add(labels.format("sourcing.finding.november_month", month,
            labels.get("sourcing.option." + option), money(r, "cost"),
            inHouse.getOrDefault(month, Double.NaN), per100 == null ? Double.NaN : per100));
      } else {
        ordinaryMonths++;
        bestOrdinary.merge(option, 1, Integer::sum);
      }
    }
    if (ordinaryMonths == 0) {
      return List.of();
    }
    String most = bestOrdinary.entrySet().stream()
        .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    String sentence = labels.format("sourcing.finding.ordinary",
        labels.get("sourcing.option." + most), bestOrdinary.get(most), ordinaryMonths,
        conversion);
    if (!november.isEmpty()) {
      sentence += labels.format("sourcing.finding.november",
          String.join(labels.get("pipeline.finding.list_separator"), november));
    }
    return List.of(sentence + labels.get("pipeline.finding.end"));
  }

  private static double money(Row r, String column) {
    return ((Number) r.getAs(column)).doubleValue();
  }
}
