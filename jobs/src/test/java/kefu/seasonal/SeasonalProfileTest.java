package kefu.seasonal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** A linear trend times known weekday factors: the profile recovers the factors. */
class SeasonalProfileTest {
  static final double[] WEEKDAY = {1.3, 1.0, 1.0, 1.0, 1.0, 0.85, 0.85};

  @Test
  void weekdayIndicesAreRecoveredWithTheTrendRemoved() {
    DailyValues v = DailyValues.of(SeasonalMetric.catalogue(new String[0]));
    LocalDate first = LocalDate.of(2024, 1, 1);
    for (int i = 0; i < 120; i++) {
      LocalDate d = first.plusDays(i);
      double trend = 100 + 2.0 * i;
      v.put("orders", SeasonalSeries.ALL, d, trend * WEEKDAY[d.getDayOfWeek().getValue() - 1], 1);
    }
    List<Row> rows = SeasonalProfile.rows(v);
    List<Row> weekday = rows.stream().filter(r -> r.getString(0).equals("orders")
        && r.getString(1).equals("weekday")).toList();
    assertEquals(7, weekday.size());
    for (Row r : weekday) {
      assertEquals(WEEKDAY[r.getInt(2) - 1], r.getDouble(3), 0.01, "weekday " + r.getInt(2));
      assertTrue(r.getInt(4) >= 12, r.toString());
    }
    double mean = weekday.stream().mapToDouble(r -> r.getDouble(3)).average().orElseThrow();
    assertEquals(1.0, mean, 1e-9);
    // a purely linear trend leaves no month effect
    List<Row> month = rows.stream().filter(r -> r.getString(0).equals("orders")
        && r.getString(1).equals("month")).toList();
    assertEquals(4, month.size());
    month.forEach(r -> assertEquals(1.0, r.getDouble(3), 0.02, r.toString()));
    // metrics without data give no rows
    assertTrue(rows.stream().noneMatch(r -> r.getString(0).equals("conversion")));
  }
}
