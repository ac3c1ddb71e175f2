package kefu.calendar;

import java.io.Serializable;
import java.time.LocalDate;

/** One phase of one promotion in one year, e.g. 双11 / presale / 2024-10-14..2024-10-20 (inclusive). */
public record PromotionEvent(String event, String phase, LocalDate start, LocalDate end)
    implements Serializable {

  public PromotionEvent {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException(event + "/" + phase + ": end " + end + " before " + start);
    }
  }

  public boolean covers(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end);
  }

  public long days() {
    return end.toEpochDay() - start.toEpochDay() + 1;
  }
}
