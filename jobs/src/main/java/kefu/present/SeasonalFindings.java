package kefu.present;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kefu.report.Labels;
import kefu.seasonal.SeasonalSeries;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The summary's sentences on the big promotions: for the latest year of 618 and 双11 in the data,
 * daily orders against comparable days (with the bootstrap interval), conversion in the window
 * against its baseline, and the change on the year before.
 */
public final class SeasonalFindings {
  private SeasonalFindings() {}

  static final List<String> EVENTS = List.of("618", "双11");

  public static List<String> of(Labels labels, LocalTable effects) {
    List<Row> rows = new ArrayList<>();
    for (Row r : effects.rows()) {
      if ("all".equals(r.getAs("phase")) && SeasonalSeries.ALL.equals(r.getAs("category"))
          && EVENTS.contains(r.<String>getAs("event"))
          && List.of("orders", "conversion").contains(r.<String>getAs("metric"))) {
        rows.add(RowFactory.create(r.getAs("event"), r.getAs("year"), r.getAs("metric"),
            r.getAs("event_level"), r.getAs("baseline_level"), r.getAs("uplift_ratio"),
            r.getAs("uplift_ci_low"), r.getAs("uplift_ci_high"), r.getAs("yoy_change")));
      }
    }
    Map<String, Integer> latest = new HashMap<>();
    Map<String, Row> byKey = new HashMap<>();
    for (Row r : rows) {
      String event = r.getString(0);
      int year = ((Number) r.get(1)).intValue();
      latest.merge(event, year, Math::max);
      byKey.put(event + "|" + year + "|" + r.getString(2), r);
    }
    List<String> out = new ArrayList<>();
    for (String event : EVENTS) {
      Integer year = latest.get(event);
      if (year == null) {
        continue;
      }
      Row orders = byKey.get(event + "|" + year + "|orders");
      Row conversion = byKey.get(event + "|" + year + "|conversion");
      if (orders == null || orders.isNullAt(5)) {
        continue;
      }
      String sentence = labels.format("pipeline.finding.seasonal.orders", year, event,
          orders.getDouble(5), orElse(orders, 6), orElse(orders, 7));
      if (!orders.isNullAt(8)) {
        sentence += labels.format("pipeline.finding.seasonal.yoy", orders.getDouble(8) * 100);
      }
      if (conversion != null && !conversion.isNullAt(3) && !conversion.isNullAt(4)) {
        sentence += labels.format("pipeline.finding.seasonal.conversion",
            conversion.getDouble(3) * 100, conversion.getDouble(4) * 100);
      }
      out.add(sentence + labels.get("pipeline.finding.end"));
    }
    return out;
  }

  private static double orElse(Row r, int i) {
    return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
  }
}
