package kefu.pipeline;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kefu.marts.Period;

/** The periods a review reports: the period, the one before, the same one last year, and their months. */
public final class ReviewPeriods {
  private ReviewPeriods() {}

  public static List<Period> of(Period period) {
    Set<Period> all = new LinkedHashSet<>();
    for (Period p : List.of(period, period.previous(), period.sameLastYear())) {
      all.add(p);
      all.addAll(p.months());
    }
    return List.copyOf(all);
  }
}
