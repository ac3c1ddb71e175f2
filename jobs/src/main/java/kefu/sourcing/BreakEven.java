package kefu.sourcing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kefu.spark.Ddl;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The mart {@code break_even} (shop_id, option_a, option_b): the inquiries per day at which two
 * options cost the same. Each shop's reference month (median inquiries; wages modelled) is
 * scaled to every volume of a grid 0–{@code break_even_max_per_day} (staffing recomputed at each
 * volume), the first sign change of the cost difference is found on the grid and refined by
 * bisection. Null when they never cross in the range. Costs are step functions (whole agents,
 * seats, price bands), so a "crossing" may be a jump; {@code crossings} counts sign changes.
 *
 * <p>Columns: shop_id, reference_month, option_a, option_b, break_even_inquiries_per_day,
 * cost_at_break_even, cheaper_below, cheaper_above, crossings, range_max_per_day.
 */
public final class BreakEven {
  private BreakEven() {}

  public static final int GRID_STEPS = 100;

  public static final StructType SCHEMA = Ddl.schema("shop_id STRING, "
      + "reference_month STRING, option_a STRING, option_b STRING, "
      + "break_even_inquiries_per_day DOUBLE, cost_at_break_even DECIMAL(14,2), "
      + "cheaper_below STRING, cheaper_above STRING, crossings INT, range_max_per_day DOUBLE");

  /**
   * One pair. {@code referencePerDay}, {@code referenceCostA} and {@code referenceCostB}: the
   * reference month's own volume and both options' monthly cost there, which say by how much
   * one option wins when they never cross.
   */
  public record Point(String shopId, String referenceMonth, String optionA, String optionB,
      Double inquiriesPerDay, Double cost, String cheaperBelow, String cheaperAbove,
      int crossings, double rangeMax, double referencePerDay, double referenceCostA,
      double referenceCostB) {

    /** Why there is no break-even volume, or null when there is one. */
    public Reason reason() {
      if (inquiriesPerDay != null) {
        return crossings > 1 ? Reason.FIRST_OF_SEVERAL : null;
      }
      return cheaperBelow == null ? Reason.ALWAYS_EQUAL : Reason.ONE_ALWAYS_CHEAPER;
    }
  }

  /** Why a pair's row reads as it does. */
  public enum Reason {
    /** The costs differ by less than a cent at every volume of the range. */
    ALWAYS_EQUAL,
    /** One option costs less at every volume of the range: no crossing. */
    ONE_ALWAYS_CHEAPER,
    /** Step costs cross more than once; the row gives the first crossing. */
    FIRST_OF_SEVERAL
  }

  /** Cost of each option at one volume (monthly RMB), for the cost-vs-volume chart too. */
  public record CurvePoint(String shopId, double inquiriesPerDay, Map<String, Double> costs) {}

  /**
   * The month with the median number of inquiries, wages modelled; whole months preferred over
   * partial ones (a partial month's fees are pro-rated); null if no inquiries.
   */
  public static ShopMonth referenceMonth(List<ShopMonth> shopMonths) {
    List<ShopMonth> withVolume = new ArrayList<>(shopMonths.stream()
        .filter(m -> m.inquiries() > 0 && !m.isPartial()).toList());
    if (withVolume.isEmpty()) {
      withVolume = new ArrayList<>(shopMonths.stream().filter(m -> m.inquiries() > 0).toList());
    }
    if (withVolume.isEmpty()) {
      return null;
    }
    withVolume.sort(Comparator.comparingDouble(ShopMonth::inquiries)
        .thenComparing(ShopMonth::month));
    return withVolume.get((withVolume.size() - 1) / 2).withoutPayroll();
  }

  public static Map<String, Double> costsAt(ShopMonth reference, SourcingConfig config,
      double perDay) {
    ShopMonth scaled = reference.scaled(perDay / reference.inquiriesPerDay());
    Map<String, Double> out = new LinkedHashMap<>();
    CostModel.costs(scaled, config).forEach(c -> out.put(c.option(), c.cost()));
    return out;
  }

  public static List<CurvePoint> curve(String shopId, ShopMonth reference,
      SourcingConfig config, int steps) {
    List<CurvePoint> points = new ArrayList<>();
    double max = config.staffing().breakEvenMaxPerDay();
    for (int i = 0; i <= steps; i++) {
      double v = Math.max(1e-6, max * i / steps);
      points.add(new CurvePoint(shopId, max * i / steps, costsAt(reference, config, v)));
    }
    return points;
  }

  public static List<Point> points(List<ShopMonth> months, SourcingConfig config) {
    Map<String, List<ShopMonth>> byShop = new TreeMap<>();
    months.forEach(m -> byShop.computeIfAbsent(m.shopId(), k -> new ArrayList<>()).add(m));
    List<Point> out = new ArrayList<>();
    byShop.forEach((shop, list) -> {
      ShopMonth ref = referenceMonth(list);
      if (ref != null) {
        out.addAll(points(shop, ref, config));
      }
    });
    return out;
  }

  static List<Point> points(String shop, ShopMonth ref, SourcingConfig config) {
    double max = config.staffing().breakEvenMaxPerDay();
    List<CurvePoint> grid = curve(shop, ref, config, GRID_STEPS);
    Map<Double, Map<String, Double>> cache = new HashMap<>();
    List<Point> out = new ArrayList<>();
    List<String> options = SourcingConfig.OPTIONS;
    double refPerDay = ref.inquiriesPerDay();
    Map<String, Double> atRef = costsAt(ref, config, refPerDay);
    for (int i = 0; i < options.size(); i++) {
      for (int j = i + 1; j < options.size(); j++) {
        String a = options.get(i);
        String b = options.get(j);
        int crossings = 0;
        Double at = null;
        Double first = null;
        Double last = null;
        for (int k = 0; k < grid.size(); k++) {
          double d = diff(grid.get(k).costs(), a, b);
          if (Math.abs(d) < 0.005) {
            continue;
          }
          if (last != null && Math.signum(d) != Math.signum(last)) {
            crossings++;
            if (at == null) {
              at = bisect(ref, config, a, b, grid.get(k - 1).inquiriesPerDay(),
                  grid.get(k).inquiriesPerDay(), cache);
            }
          }
          first = first == null ? d : first;
          last = d;
        }
        Double cost = at == null ? null : costsAt(ref, config, at).get(a);
        out.add(new Point(shop, ref.month(), a, b, at, cost, cheaper(first, a, b),
            cheaper(last, a, b), crossings, max, refPerDay, atRef.get(a), atRef.get(b)));
      }
    }
    return out;
  }

  private static String cheaper(Double diff, String a, String b) {
    return diff == null ? null : diff < 0 ? a : b;
  }

  private static double diff(Map<String, Double> costs, String a, String b) {
    return costs.get(a) - costs.get(b);
  }

  private static double bisect(ShopMonth ref, SourcingConfig config, String a, String b,
      double lo, double hi, Map<Double, Map<String, Double>> cache) {
    double dLo = diff(cache.computeIfAbsent(Math.max(lo, 1e-6),
        v -> costsAt(ref, config, v)), a, b);
    for (int n = 0; n < 40 && hi - lo > 0.01; n++) {
      double mid = (lo + hi) / 2;
      double d = diff(cache.computeIfAbsent(mid, v -> costsAt(ref, config, v)), a, b);
      if (Math.signum(d) == Math.signum(dLo) && Math.abs(d) >= 0.005) {
        lo = mid;
        dLo = d;
      } else {
        hi = mid;
      }
    }
    return Math.round(hi * 100) / 100.0;
  }

  public static LocalTable table(List<Point> points) {
    List<Row> rows = new ArrayList<>();
    for (Point p : points) {
      rows.add(LocalTable.row(SCHEMA, p.shopId(), p.referenceMonth(), p.optionA(), p.optionB(),
          p.inquiriesPerDay(), p.cost() == null ? null : SourcingCost.money(p.cost()),
          p.cheaperBelow(), p.cheaperAbove(), p.crossings(), p.rangeMax()));
    }
    return new LocalTable(SCHEMA, rows);
  }
}
