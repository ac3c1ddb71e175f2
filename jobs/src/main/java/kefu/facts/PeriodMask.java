package kefu.facts;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import kefu.marts.Period;
import org.apache.spark.sql.Column;

/**
 * The reviewed periods a date falls in, as the bits of a long (bit i = {@code periods.get(i)}):
 * a day belongs to its month, quarter and year at once, and a mask lets one aggregation serve
 * them all: rows are summed per mask, distinct buyers and orders get the OR of their rows' masks,
 * and only the small aggregate is expanded into period rows ({@link #periods}). A range join
 * would copy every row once per period instead.
 */
public final class PeriodMask {
  private PeriodMask() {}

  /** At most this many periods fit the mask. */
  public static final int MAX_PERIODS = 63;

  /** The mask of {@code date} (0: in none of the periods; null date: 0). */
  public static Column of(Column date, List<Period> periods) {
    if (periods.size() > MAX_PERIODS) {
      throw new IllegalArgumentException(periods.size() + " periods, at most " + MAX_PERIODS);
    }
    Column mask = lit(0L);
    for (int i = 0; i < periods.size(); i++) {
      Period p = periods.get(i);
      mask = mask.plus(when(date.geq(lit(Date.valueOf(p.start())))
          .and(date.lt(lit(Date.valueOf(p.endExclusive())))), lit(1L << i)).otherwise(lit(0L)));
    }
    return mask;
  }

  /** The periods whose bits are set in {@code mask}. */
  public static List<Period> periods(long mask, List<Period> periods) {
    List<Period> in = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      if ((mask & (1L << i)) != 0) {
        in.add(periods.get(i));
      }
    }
    return in;
  }
}
