package kefu.generate;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import kefu.calendar.PromotionCalendar;
import kefu.calendar.PromotionEvent;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The daily weight table: one cell per shop x day with its exact order count (weights from
 * category seasonality, weekday, trend and promotion phase; counts sum to the requested total),
 * the number of inquiries that do not convert, the promotion flags, and the agents on duty.
 * Built on the driver; it has shops x days rows.
 */
final class DailyVolume {

  static final StructType SCHEMA = createStructType(new org.apache.spark.sql.types.StructField[] {
      createStructField("cell", LongType, false),
      createStructField("shop", IntegerType, false),
      createStructField("day", IntegerType, false),
      createStructField("orders", LongType, false),
      createStructField("first_order", LongType, false),
      createStructField("lost", LongType, false),
      createStructField("first_lost", LongType, false),
      createStructField("event", StringType, true),
      createStructField("phase", StringType, true),
      createStructField("presale", BooleanType, false),
      createStructField("peak", BooleanType, false),
      createStructField("balance_day", IntegerType, false),
      createStructField("pause", BooleanType, false),
      createStructField("resume_day", IntegerType, false),
      createStructField("discount_boost", DoubleType, false),
      createStructField("pre_agents", createArrayType(IntegerType, false), false),
      createStructField("pre_conv_cum", createArrayType(DoubleType, false), false),
      createStructField("pre_lost_cum", createArrayType(DoubleType, false), false),
      createStructField("after_agents", createArrayType(IntegerType, false), false)});

  private DailyVolume() {}

  static double eventFactor(PromotionEvent e) {
    if (e == null) {
      return 1.0;
    }
    String phase = e.phase();
    if (phase.equals("pause")) {
      return 0.35;
    }
    if (phase.equals("day")) {
      return switch (e.event()) {
        case "双11" -> 7.0;
        case "618" -> 4.0;
        case "双12" -> 2.5;
        case "38节" -> 2.2;
        case "88" -> 1.8;
        default -> 2.0;
      };
    }
    if (phase.startsWith("wave")) {
      return 2.0;
    }
    if (phase.startsWith("presale")) {
      return 1.25;
    }
    return switch (e.event()) {
      case "双11" -> 1.5;
      case "618" -> 1.4;
      case "38节", "年货节" -> 1.3;
      default -> 1.2;
    };
  }

  private static double weekdayFactor(DayOfWeek dow) {
    return switch (dow) {
      case SATURDAY -> 1.12;
      case SUNDAY -> 1.18;
      case FRIDAY -> 0.95;
      default -> 0.98;
    };
  }

  static List<Row> cells(GeneratorOptions options, List<ShopProfile> shops, AgentRoster roster,
      PromotionCalendar calendar) {
    int days = options.days();
    int shopCount = shops.size();
    SplittableRandom rng = new SplittableRandom(options.seed() * 13 + 101);
    double[] weights = new double[days * shopCount];
    PromotionEvent[] phaseOf = new PromotionEvent[days];
    double total = 0;
    for (int d = 0; d < days; d++) {
      LocalDate date = options.from().plusDays(d);
      PromotionEvent e = calendar.on(date).orElse(null);
      phaseOf[d] = e;
      double years = d / 365.0;
      double common = (1 + 0.15 * years) * weekdayFactor(date.getDayOfWeek()) * eventFactor(e);
      for (ShopProfile shop : shops) {
        double noise = Math.exp(0.12 * gaussian(rng));
        double w = shop.size() * shop.monthFactor(date.getMonthValue(), e == null ? null
            : e.event()) * common * noise;
        weights[d * shopCount + shop.index()] = w;
        total += w;
      }
    }
    long[] counts = largestRemainder(weights, total, options.orders());

    List<Row> rows = new ArrayList<>();
    long firstOrder = 0;
    long firstLost = 0;
    for (int d = 0; d < days; d++) {
      LocalDate date = options.from().plusDays(d);
      PromotionEvent e = phaseOf[d];
      boolean presale = e != null && e.phase().startsWith("presale");
      boolean peak = e != null && !e.phase().equals("pause");
      boolean pause = e != null && e.phase().equals("pause");
      int balanceDay = presale ? (int) (e.end().toEpochDay() - options.from().toEpochDay() + 1)
          : -1;
      int resumeDay = pause ? (int) (e.end().toEpochDay() - options.from().toEpochDay() + 1) : -1;
      double discountBoost = e == null || pause ? 0.0 : e.phase().equals("day") ? 0.12 : 0.06;
      for (ShopProfile shop : shops) {
        int cellIndex = d * shopCount + shop.index();
        long orders = counts[cellIndex];
        List<AgentRoster.Agent> pre = roster.activeOn(shop.index(), date, peak, true);
        List<AgentRoster.Agent> after = roster.activeOn(shop.index(), date, peak, false);
        if (after.isEmpty()) {
          after = pre;
        }
        double capacity = 0;
        double converting = 0;
        for (AgentRoster.Agent a : pre) {
          capacity += a.capacity();
          converting += a.capacity() * a.conversionOn(date);
        }
        double meanConversion = capacity == 0 ? 1.0 : converting / capacity;
        long lost = pre.isEmpty() ? 0
            : Math.round(orders * shop.chatShare() * (1 - meanConversion) / meanConversion);
        Integer[] preIds = new Integer[pre.size()];
        Double[] convCum = new Double[pre.size()];
        Double[] lostCum = new Double[pre.size()];
        double c = 0;
        double l = 0;
        for (int i = 0; i < pre.size(); i++) {
          AgentRoster.Agent a = pre.get(i);
          preIds[i] = a.index();
          c += a.capacity() * a.conversionOn(date);
          l += a.capacity() * (1 - a.conversionOn(date));
          convCum[i] = c;
          lostCum[i] = l;
        }
        for (int i = 0; i < pre.size(); i++) {
          convCum[i] = convCum[i] / c;
          lostCum[i] = lostCum[i] / l;
        }
        Integer[] afterIds = after.stream().map(AgentRoster.Agent::index).toArray(Integer[]::new);
        rows.add(RowFactory.create((long) cellIndex, shop.index(), d, orders, firstOrder, lost,
            firstLost, e == null ? null : e.event(), e == null ? null : e.phase(), presale, peak
                && e.phase().equals("day"), balanceDay, pause, resumeDay, discountBoost,
            Arrays.asList(preIds), Arrays.asList(convCum), Arrays.asList(lostCum),
            Arrays.asList(afterIds)));
        firstOrder += orders;
        firstLost += lost;
      }
    }
    return rows;
  }

  /** Integer counts proportional to weights that sum exactly to total (ties by index). */
  static long[] largestRemainder(double[] weights, double weightSum, long total) {
    long[] counts = new long[weights.length];
    double[] remainder = new double[weights.length];
    long assigned = 0;
    for (int i = 0; i < weights.length; i++) {
      double exact = total * weights[i] / weightSum;
      counts[i] = (long) Math.floor(exact);
      remainder[i] = exact - counts[i];
      assigned += counts[i];
    }
    Integer[] order = new Integer[weights.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -remainder[i])
        .thenComparingInt(i -> i));
    for (int k = 0; assigned < total; k++, assigned++) {
      counts[order[k % order.length]]++;
    }
    return counts;
  }

  private static double gaussian(SplittableRandom rng) {
    double u1 = 1.0 - rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
