package kefu.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * 分时接待 (domain brief 2.4): one day's receptions in the columns 0 … 23, and the day's 全天,
 * which must be their sum (a row whose hours do not add up is quarantined, not guessed at). The
 * shop is the row's 店铺 column, else the run's shop; the hours go to 24 reception_hours rows.
 */
final class ReceptionHoursMapper implements RecordMapper {
  static final String[] DAY = {"日期"};
  static final String[] DAY_TOTAL = {"全天"};

  @Override
  public void map(Fields f, Parsed.Builder out, String fallbackShop) {
    java.sql.Date day = f.date(DAY);
    if (day == null) {
      throw f.reject(DAY, "missing required value");
    }
    List<Long> hours = new ArrayList<>(24);
    long sum = 0;
    for (int h = 0; h < 24; h++) {
      String[] column = {String.valueOf(h)};
      if (!f.has(column)) {
        throw f.reject(column, "missing hour column " + h + " (expected 0 … 23)");
      }
      Long n = f.metricCount(column);
      if (n == null) {
        throw f.reject(column, "missing required value");
      }
      hours.add(n);
      sum += n;
    }
    Long total = f.metricCount(DAY_TOTAL);
    if (total != null && total != sum) {
      throw f.reject(DAY_TOTAL, "全天 is not the sum of the hours 0-23", "hours sum to " + sum);
    }
    String shop = f.text(AgentExportMapper.SHOP);
    out.set("shop_id", shop != null ? shop : fallbackShop)
        .set("day", day)
        .set("hour_receptions", hours);
  }
}
