package kefu.present;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kefu.report.Labels;
import kefu.sourcing.Demand;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The owner's question in one sentence: across all shops, which option is cheapest in ordinary
 * months and which in the 双11 months (November), with what the in-house team costs there.
 */
public final class SourcingFindings {
  private SourcingFindings() {}

  static final String DOUBLE_ELEVEN_MONTH = "-11";

  public static List<String> of(Labels labels, LocalTable cost) {
    List<Row> rows = new ArrayList<>();
    for (Row r : cost.filter(c -> Demand.ALL_SHOPS.equals(c.getAs("shop_id")))
        .sorted("month", "option").rows()) {
      rows.add(RowFactory.create(r.getAs("month"), r.getAs("option"), r.getAs("cost"),
          r.getAs("is_cheapest")));
    }
    Map<String, Integer> cheapestOrdinary = new TreeMap<>();
    int ordinaryMonths = 0;
    List<String> november = new ArrayList<>();
    Map<String, Double> inHouse = new TreeMap<>();
    for (Row r : rows) {
      if ("in_house".equals(r.getString(1))) {
        inHouse.put(r.getString(0), ((Number) r.get(2)).doubleValue());
      }
    }
    for (Row r : rows) {
      String month = r.getString(0);
      if (!r.getBoolean(3)) {
        continue;
      }
      if (month.endsWith(DOUBLE_ELEVEN_MONTH)) {
        november.add(labels.format("pipeline.finding.sourcing.november_month", month,
            labels.get("sourcing.option." + r.getString(1)), ((Number) r.get(2)).doubleValue(),
            inHouse.getOrDefault(month, Double.NaN)));
      } else {
        ordinaryMonths++;
        cheapestOrdinary.merge(r.getString(1), 1, Integer::sum);
      }
    }
    if (ordinaryMonths == 0) {
      return List.of();
    }
    String most = cheapestOrdinary.entrySet().stream()
        .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    String sentence = labels.format("pipeline.finding.sourcing.ordinary",
        labels.get("sourcing.option." + most), cheapestOrdinary.get(most), ordinaryMonths);
    if (!november.isEmpty()) {
      sentence += labels.format("pipeline.finding.sourcing.november",
          String.join(labels.get("pipeline.finding.list_separator"), november));
    }
    return List.of(sentence + labels.get("pipeline.finding.end"));
  }
}
