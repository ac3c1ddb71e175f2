package kefu.present;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kefu.marts.PeriodRows;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;

/**
 * The shop metrics of one period summed over shops: every count and money column (numerators
 * and denominators), from which the shop-wide rates are computed, never averaged. {@link #NONE}
 * when no shop has a row for the period, so that a period without data reads 无数据, not 0.
 */
record PeriodTotals(Map<String, Long> counts, Map<String, BigDecimal> money) {
  static final PeriodTotals NONE = new PeriodTotals(Map.of(), Map.of());

  static PeriodTotals of(List<Row> shopRows, String period) {
    Map<String, Long> counts = new HashMap<>();
    Map<String, BigDecimal> money = new HashMap<>();
    for (Row r : shopRows) {
      if (!period.equals(r.getAs("period"))) {
        continue;
      }
      for (StructField f : r.schema().fields()) {
        Object v = r.getAs(f.name());
        if (f.dataType() instanceof DecimalType && v instanceof BigDecimal b) {
          money.merge(f.name(), b, BigDecimal::add);
        } else if (v instanceof Long n) {
          counts.merge(f.name(), n, Long::sum);
        }
      }
    }
    return counts.isEmpty() && money.isEmpty() ? NONE : new PeriodTotals(counts, money);
  }

  /** False for a period no shop has a row for, or whose rows count no order at all. */
  boolean hasOrders() {
    return count("orders_created") > 0 || count("orders_paid") > 0;
  }

  long count(String column) {
    return counts.getOrDefault(column, 0L);
  }

  BigDecimal money(String column) {
    return money.getOrDefault(column, BigDecimal.ZERO);
  }

  /** numerator ÷ denominator of two count columns, null when the denominator is 0. */
  Double ratio(String numerator, String denominator) {
    return MartRows.ratio(count(numerator), count(denominator));
  }

  /** money ÷ money, null when the denominator is 0. */
  Double moneyRatio(String numerator, String denominator) {
    return MartRows.ratio(money(numerator).doubleValue(), money(denominator).doubleValue());
  }

  /** money ÷ count (客单价), to the fen as the marts round it; null when the count is 0. */
  BigDecimal moneyPer(String numerator, String denominator) {
    return PeriodRows.moneyPer(money(numerator), count(denominator));
  }
}
