package kefu.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kefu.canonical.CanonicalSchema;
import kefu.marts.AgentDaily;
import kefu.marts.Period;
import kefu.pay.AgentMonth;
import kefu.pay.PayGaps;
import kefu.spark.Ddl;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The per-agent exports (agent_days, reception_hours) as the facts the later stages read when a
 * review has no chats: agent_daily rows for the marts, pay and seasonal stages, credited sales
 * by agent-month for commissions, the daily chat sums of the seasonal series and the hourly
 * demand of the sourcing stage. Plain Java: the exports are agents x days.
 *
 * <p>Placing a figure on a day. A row for one day goes on that day. A row for a longer span
 * (人均日接入 covers a month) goes on its first day, which puts it in every period (month,
 * quarter, year) that holds the span, as long as the span stays within one calendar month; a
 * span across months cannot be split honestly and is left out ({@link #unplacedRows}). Per
 * agent, month and figure, daily rows win over spans, and where two layouts state the same figure
 * for the same day the one earlier in {@link #LAYOUTS} wins, so no figure is counted twice.
 *
 * <p>Rates and durations (回复率, 响应时间, 答问比, 退款率) are weighted by the same row's 接待人数:
 * the period's rate is the mean of the stated rates weighted by receptions; a row without
 * 接待人数 gives none of them.
 */
public final class ExportFacts {
  /** Layouts by preference when two state the same figure of an agent-day. */
  public static final List<String> LAYOUTS = List.of("chitu_presales", "presales_import",
      "qianniu_performance", "qianniu_workload", "qianniu_agent", "qianniu_daily");

  /** Counts and money the exports state, summed over days and agents. */
  static final List<String> SUMS = List.of("consulted_buyers", "received_buyers",
      "inquiry_buyers", "ordered_buyers", "paid_buyers", "paid_next_day_buyers", "paying_buyers",
      "sales", "units", "orders", "buyer_messages", "agent_messages", "slow_response_buyers",
      "transferred_out");
  /** Rates and durations, averaged weighted by the row's received_buyers. */
  static final List<String> WEIGHTED = List.of("answer_ratio", "reply_rate",
      "first_response_seconds", "avg_response_seconds", "avg_reception_seconds", "refund_rate");

  /** agent_export_metrics: agent x period, the exports' figures, null where none stated them. */
  public static final StructType METRICS = metricsSchema();

  private static StructType metricsSchema() {
    StructType s = Ddl.schema("shop_id STRING, agent_id STRING, period_type STRING, "
        + "period STRING, agent_days BIGINT");
    for (String c : SUMS) {
      s = s.add(c, c.equals("sales") ? CanonicalSchema.MONEY : DataTypes.LongType);
    }
    s = s.add("inquiry_conversion", DataTypes.DoubleType)
        .add("next_day_conversion", DataTypes.DoubleType)
        .add("average_order_value", CanonicalSchema.MONEY);
    for (String c : WEIGHTED) {
      s = s.add(c, DataTypes.DoubleType);
    }
    return s.add("layouts", DataTypes.StringType);
  }

  /** Credited sales by agent-month, as kefu.facts.CreditFacts#sales gives them from orders. */
  public static final StructType SALES = Ddl.schema("shop_id STRING, agent_id STRING, "
      + "month STRING, category STRING, sales_gross DECIMAL(14,2)");
  /** Hourly demand, as {@link DemandFacts#hours} gives it from receptions. */
  public static final StructType HOURS = Ddl.schema("shop_id STRING, date DATE, "
      + "hour INT, receptions BIGINT, buyer_messages BIGINT, handled_receptions BIGINT, "
      + "handle_seconds_sum BIGINT");
  public static final StructType INQUIRIES =
      Ddl.schema("shop_id STRING, date DATE, inquiries BIGINT");
  public static final StructType BUSY = Ddl.schema("shop_id STRING, date DATE, "
      + "agent_reception_seconds BIGINT, agent_busy_seconds BIGINT");

  /** One agent-day's placed figures. */
  static final class Day {
    final String shopId;
    final String agentId;
    final LocalDate date;
    final Map<String, Object> sums = new HashMap<>();
    /** Per weighted figure: {rate x weight, weight}. */
    final Map<String, double[]> weighted = new HashMap<>();
    /** Figures placed here from a span longer than the day (left out of daily series). */
    final Set<String> fromSpans = new HashSet<>();
    final Set<String> layouts = new TreeSet<>();

    Day(String shopId, String agentId, LocalDate date) {
      this.shopId = shopId;
      this.agentId = agentId;
      this.date = date;
    }

    Long count(String figure) {
      return (Long) sums.get(figure);
    }

    /** The weighted figure's numerator (rate x receptions), 0 when none. */
    long weightedSum(String figure) {
      double[] w = weighted.get(figure);
      return w == null ? 0L : Math.round(w[0]);
    }

    long weight(String figure) {
      double[] w = weighted.get(figure);
      return w == null ? 0L : Math.round(w[1]);
    }

    boolean daily(String figure) {
      return !fromSpans.contains(figure);
    }
  }

  private final List<Day> days;
  private final LocalTable receptionHours;
  private final int unplacedRows;
  private final Set<String> layouts;

  private ExportFacts(List<Day> days, LocalTable receptionHours, int unplacedRows,
      Set<String> layouts) {
    this.days = days;
    this.receptionHours = receptionHours;
    this.unplacedRows = unplacedRows;
    this.layouts = layouts;
  }

  /** No export given: nothing to place. */
  public static ExportFacts none() {
    return new ExportFacts(List.of(), LocalTable.empty(CanonicalSchema.RECEPTION_HOURS), 0,
        Set.of());
  }

  public static ExportFacts of(LocalTable agentDays, LocalTable receptionHours) {
    Map<List<Object>, List<Row>> byAgentMonth = new LinkedHashMap<>();
    int unplaced = 0;
    Set<String> layouts = new TreeSet<>();
    for (Row r : agentDays.sorted("shop_id", "agent_id", "day_from", "source_file",
        "source_line").rows()) {
      LocalDate from = date(r.getAs("day_from"));
      LocalDate to = date(r.getAs("day_to"));
      if (!YearMonth.from(from).equals(YearMonth.from(to))) {
        unplaced++;
        continue;
      }
      layouts.add(r.getAs("layout"));
      byAgentMonth.computeIfAbsent(List.of(r.getAs("shop_id"), r.getAs("agent_id"),
          YearMonth.from(from)), k -> new ArrayList<>()).add(r);
    }
    Map<List<Object>, Day> placed = new TreeMap<>((a, b) -> {
      for (int i = 0; i < a.size(); i++) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        int c = ((Comparable) a.get(i)).compareTo(b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    });
    List<String> figures = new ArrayList<>(SUMS);
    figures.addAll(WEIGHTED);
    for (List<Row> rows : byAgentMonth.values()) {
      for (String figure : figures) {
        List<Row> stating = rows.stream().filter(r -> states(r, figure)).toList();
        List<Row> single = stating.stream()
            .filter(r -> r.getAs("day_from").equals(r.getAs("day_to"))).toList();
        List<Row> chosen = new ArrayList<>();
        if (!single.isEmpty()) {
          Map<LocalDate, Row> best = new TreeMap<>();
          for (Row r : single) {
            best.merge(date(r.getAs("day_from")), r,
                (a, b) -> rank(a) <= rank(b) ? a : b);
          }
          chosen.addAll(best.values());
        } else if (!stating.isEmpty()) {
          int layout = stating.stream().mapToInt(ExportFacts::rank).min().getAsInt();
          stating.stream().filter(r -> rank(r) == layout).forEach(chosen::add);
        }
        for (Row r : chosen) {
          LocalDate from = date(r.getAs("day_from"));
          Day d = placed.computeIfAbsent(List.of(r.getAs("shop_id"), r.getAs("agent_id"), from),
              k -> new Day(r.getAs("shop_id"), r.getAs("agent_id"), from));
          place(d, figure, r);
          d.layouts.add(r.getAs("layout"));
          if (!from.equals(date(r.getAs("day_to")))) {
            d.fromSpans.add(figure);
          }
        }
      }
    }
    return new ExportFacts(new ArrayList<>(placed.values()), receptionHours, unplaced, layouts);
  }

  private static boolean states(Row r, String figure) {
    return r.getAs(figure) != null
        && (!WEIGHTED.contains(figure) || r.getAs("received_buyers") != null);
  }

  private static int rank(Row r) {
    int i = LAYOUTS.indexOf(r.<String>getAs("layout"));
    return i < 0 ? LAYOUTS.size() : i;
  }

  private static void place(Day d, String figure, Row r) {
    Object v = r.getAs(figure);
    if (WEIGHTED.contains(figure)) {
      double w = ((Number) r.getAs("received_buyers")).doubleValue();
      double[] sum = d.weighted.computeIfAbsent(figure, k -> new double[2]);
      sum[0] += ((Number) v).doubleValue() * w;
      sum[1] += w;
    } else if (v instanceof BigDecimal b) {
      d.sums.merge(figure, b, (x, y) -> ((BigDecimal) x).add((BigDecimal) y));
    } else {
      d.sums.merge(figure, ((Number) v).longValue(), (x, y) -> (Long) x + (Long) y);
    }
  }

  public boolean isEmpty() {
    return days.isEmpty() && receptionHours.isEmpty();
  }

  /** Rows of agent_days whose span crosses a month boundary, which no period can hold. */
  public int unplacedRows() {
    return unplacedRows;
  }

  /** The export layouts whose figures were used. */
  public Set<String> layouts() {
    return layouts;
  }

  /** Whether a 分时接待 curve was given (staffing needs it). */
  public boolean hasReceptionHours() {
    return !receptionHours.isEmpty();
  }

  /** Whether any agent-day states its handling time (平均接待时长), which staffing needs. */
  public boolean hasHandlingTime() {
    return days.stream().anyMatch(d -> d.weight("avg_reception_seconds") > 0);
  }

  /**
   * The agent_daily mart from the exports: 接待人数 as receptions, 询单人数 / 询单->最终下单人数 /
   * 询单->最终付款人数 / 询单->次日付款人数 as the inquiry funnel, 买家/客服消息 as the messages,
   * 销售额 / 销售人数 / 订单数 / 销售量 as sales; rates
   * carried as their weighted sums (replied receptions = 回复率 x 接待人数, response seconds =
   * 平均响应 x 接待人数 over 接待人数 answered). What no export states (refunds, DSR, 落实下单) is 0
   * here: the report says it needs chats, it does not show these zeros.
   */
  public LocalTable agentDaily() {
    List<Row> rows = new ArrayList<>();
    for (Day d : days) {
      Map<String, Object> v = new HashMap<>();
      v.put("receptions", d.count("received_buyers"));
      v.put("replied_receptions", d.weightedSum("reply_rate"));
      v.put("buyer_messages", d.count("buyer_messages"));
      v.put("answered_buyer_messages", d.weight("avg_response_seconds"));
      v.put("response_seconds_sum", d.weightedSum("avg_response_seconds"));
      v.put("first_response_seconds_sum", d.weightedSum("first_response_seconds"));
      v.put("first_response_count", d.weight("first_response_seconds"));
      v.put("inquiry_buyers", d.count("inquiry_buyers"));
      v.put("inquiry_ordered_buyers", d.count("ordered_buyers"));
      v.put("inquiry_paid_buyers", d.count("paid_buyers"));
      v.put("inquiry_paid_next_day_buyers", d.count("paid_next_day_buyers"));
      v.put("agent_messages", d.count("agent_messages"));
      v.put("paying_buyers", d.count("paying_buyers"));
      v.put("paid_orders", d.count("orders"));
      v.put("sold_units", d.count("units"));
      v.put("sales_gross", d.sums.get("sales"));
      List<Object> row = new ArrayList<>(List.of(d.shopId, d.agentId,
          java.sql.Date.valueOf(d.date)));
      for (String c : AgentDaily.COUNTS) {
        Object n = v.get(c);
        row.add(n == null ? 0L : ((Number) n).longValue());
      }
      for (String c : AgentDaily.MONEY) {
        Object m = v.get(c);
        row.add(m == null ? BigDecimal.ZERO.setScale(2) : m);
      }
      rows.add(LocalTable.row(AgentDaily.SCHEMA, row.toArray()));
    }
    return new LocalTable(AgentDaily.SCHEMA, rows);
  }

  /**
   * agent_export_metrics: per agent and period, each figure summed over the days that state it
   * (null when none did), conversion = 询单->最终付款人数 ÷ 询单人数 and next-day conversion over the
   * days that state both, 客单价 = 销售额 ÷ 销售人数 likewise, and the rates weighted by 接待人数.
   */
  public LocalTable metrics(List<Period> periods) {
    Map<List<String>, List<Day>> byKey = new TreeMap<>((a, b) -> {
      for (int i = 0; i < a.size(); i++) {
        int c = a.get(i).compareTo(b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    });
    for (Day d : days) {
      for (Period p : periods) {
        if (p.contains(d.date)) {
          byKey.computeIfAbsent(List.of(d.shopId, d.agentId, p.type(), p.label()),
              k -> new ArrayList<>()).add(d);
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    byKey.forEach((key, list) -> {
      List<Object> row = new ArrayList<>(key);
      row.add((long) list.stream().map(d -> d.date).distinct().count());
      for (String c : SUMS) {
        row.add(sum(list, c));
      }
      row.add(ratio(list, "paid_buyers", "inquiry_buyers"));
      row.add(ratio(list, "paid_next_day_buyers", "inquiry_buyers"));
      BigDecimal sales = BigDecimal.ZERO;
      long buyers = 0;
      for (Day d : list) {
        if (d.sums.get("sales") != null && d.count("paying_buyers") != null) {
          sales = sales.add((BigDecimal) d.sums.get("sales"));
          buyers += d.count("paying_buyers");
        }
      }
      row.add(buyers > 0 ? sales.divide(BigDecimal.valueOf(buyers), 2, RoundingMode.HALF_UP)
          : null);
      for (String c : WEIGHTED) {
        row.add(weighted(list, c));
      }
      Set<String> used = new TreeSet<>();
      list.forEach(d -> used.addAll(d.layouts));
      row.add(String.join(",", used));
      rows.add(LocalTable.row(METRICS, row.toArray()));
    });
    return new LocalTable(METRICS, rows);
  }

  /**
   * The exports' figures of one period summed over the shop's agents (every shop of the run),
   * for the Summary. A buyer received by two agents counts twice: 接待人数 and 询单人数 are the
   * agents' sums, not the shops' distinct buyers. A count no day states is null, never 0; the
   * rates are sums of numerators over sums of denominators, as {@link #metrics} computes them
   * per agent: conversion over the days stating both counts, 回复率 / 响应时间 / 答问比 weighted
   * by 接待人数.
   *
   * @param agentDays the agent-days of the period (0: no export covers it)
   */
  public record Totals(long agentDays, Long receivedBuyers, Long inquiryBuyers, Long paidBuyers,
      Long paidNextDayBuyers, BigDecimal sales, Long buyerMessages, Long agentMessages,
      Double conversion, Double nextDayConversion, Double replyRate,
      Double firstResponseSeconds, Double avgResponseSeconds, Double answerRatio) {}

  public Totals totals(Period period) {
    List<Day> list = days.stream().filter(d -> period.contains(d.date)).toList();
    return new Totals(list.stream().map(d -> d.shopId + "\u0000" + d.agentId + "\u0000"
        + d.date).distinct().count(), (Long) sum(list, "received_buyers"),
        (Long) sum(list, "inquiry_buyers"), (Long) sum(list, "paid_buyers"),
        (Long) sum(list, "paid_next_day_buyers"), (BigDecimal) sum(list, "sales"),
        (Long) sum(list, "buyer_messages"), (Long) sum(list, "agent_messages"),
        ratio(list, "paid_buyers", "inquiry_buyers"),
        ratio(list, "paid_next_day_buyers", "inquiry_buyers"), weighted(list, "reply_rate"),
        weighted(list, "first_response_seconds"), weighted(list, "avg_response_seconds"),
        weighted(list, "answer_ratio"));
  }

  /** A rate or duration over the days, weighted by their 接待人数; null when none states it. */
  private static Double weighted(List<Day> list, String figure) {
    double num = 0;
    double den = 0;
    for (Day d : list) {
      double[] w = d.weighted.get(figure);
      if (w != null) {
        num += w[0];
        den += w[1];
      }
    }
    return den > 0 ? num / den : null;
  }

  private static Object sum(List<Day> list, String figure) {
    Object total = null;
    for (Day d : list) {
      Object v = d.sums.get(figure);
      if (v instanceof BigDecimal b) {
        total = total == null ? b : ((BigDecimal) total).add(b);
      } else if (v != null) {
        total = total == null ? (Long) v : (Long) total + (Long) v;
      }
    }
    return total;
  }

  /** part ÷ whole over the days that state both; null when none does or the whole is 0. */
  private static Double ratio(List<Day> list, String part, String whole) {
    long p = 0;
    long w = 0;
    for (Day d : list) {
      if (d.count(part) != null && d.count(whole) != null) {
        p += d.count(part);
        w += d.count(whole);
      }
    }
    return w > 0 ? (double) p / w : null;
  }

  /**
   * What pay cannot read from the exports: whatever chats credit to an agent (kefu.pay.PayGaps),
   * and per agent-month the figures pay is computed on that some day of it with receptions (or
   * without 接待人数) does not state, which a sum over the month would understate.
   */
  public PayGaps payGaps() {
    Map<String, Set<String>> unstated = new HashMap<>();
    for (Day d : days) {
      Long received = d.count("received_buyers");
      if (received != null && received == 0) {
        continue; // a day without receptions owes no reply rate, sales or orders
      }
      Set<String> gaps = new TreeSet<>();
      if (d.sums.get("sales") == null) {
        gaps.add(PayGaps.SALES);
      }
      if (d.count("orders") == null) {
        gaps.add(PayGaps.PAID_ORDERS);
      }
      if (d.count("inquiry_buyers") == null || d.count("paid_buyers") == null) {
        gaps.add(PayGaps.INQUIRY_CONVERSION);
      }
      if (!d.weighted.containsKey("reply_rate")) {
        gaps.add(PayGaps.REPLY_RATE);
      }
      if (!d.weighted.containsKey("avg_response_seconds")) {
        gaps.add(PayGaps.AVG_RESPONSE_SECONDS);
      }
      if (!gaps.isEmpty()) {
        unstated.computeIfAbsent(AgentMonth.key(d.shopId, d.agentId,
            d.date.toString().substring(0, 7)), k -> new TreeSet<>()).addAll(gaps);
      }
    }
    return new PayGaps(true, unstated);
  }

  /** 销售额 by agent and month, category unknown (the exports name none), for commissions. */
  public LocalTable sales() {
    Map<List<String>, BigDecimal> money = new TreeMap<>((a, b) -> String.join("\u0000", a)
        .compareTo(String.join("\u0000", b)));
    for (Day d : days) {
      Object v = d.sums.get("sales");
      if (v != null) {
        money.merge(List.of(d.shopId, d.agentId, d.date.toString().substring(0, 7)),
            (BigDecimal) v, BigDecimal::add);
      }
    }
    List<Row> rows = new ArrayList<>();
    money.forEach((k, v) -> rows.add(LocalTable.row(SALES, k.get(0), k.get(1), k.get(2),
        kefu.pay.PayFacts.UNKNOWN_CATEGORY, v)));
    return new LocalTable(SALES, rows);
  }

  /**
   * The shop sales of the sourcing stage with credited_sales = the agents' 销售额 of the month
   * (without chats no order is credited to an agent; the exports say what was).
   */
  public LocalTable creditedShopSales(LocalTable shopSales) {
    Map<String, BigDecimal> credited = new HashMap<>();
    for (Day d : days) {
      Object v = d.sums.get("sales");
      if (v != null) {
        credited.merge(d.shopId + "\u0000" + d.date.toString().substring(0, 7),
            (BigDecimal) v, BigDecimal::add);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Row r : shopSales.rows()) {
      BigDecimal c = credited.get(r.getAs("shop_id") + "\u0000" + r.getAs("month"));
      rows.add(LocalTable.row(shopSales.schema(), r.getAs("shop_id"), r.getAs("month"),
          r.getAs("sales"), c == null ? r.getAs("credited_sales") : c, r.getAs("paid_orders")));
    }
    return new LocalTable(shopSales.schema(), rows);
  }

  /**
   * Demand by shop, day and hour from 分时接待: its receptions; handled = every reception (an
   * agent received it), handled for the day's 平均接待时长 weighted by the agents' 接待人数 (else
   * the shop's over all days, else unknown: no handled receptions); buyer messages, where a
   * workload export states them for the day, spread over the hours by their receptions.
   */
  public LocalTable demandHours() {
    Map<String, double[]> dayAht = new HashMap<>();
    Map<String, double[]> shopAht = new HashMap<>();
    Map<String, Long> dayMessages = new HashMap<>();
    for (Day d : days) {
      double[] w = d.weighted.get("avg_reception_seconds");
      if (w != null) {
        for (var m : List.of(Map.entry(dayAht, d.shopId + "\u0000" + d.date),
            Map.entry(shopAht, d.shopId), Map.entry(shopAht, ""))) {
          double[] s = m.getKey().computeIfAbsent(m.getValue(), k -> new double[2]);
          s[0] += w[0];
          s[1] += w[1];
        }
      }
      if (d.count("buyer_messages") != null && d.daily("buyer_messages")) {
        dayMessages.merge(d.shopId + "\u0000" + d.date, d.count("buyer_messages"), Long::sum);
      }
    }
    Map<String, Long> dayReceptions = new HashMap<>();
    for (Row r : receptionHours.rows()) {
      dayReceptions.merge(r.getAs("shop_id") + "\u0000" + r.getAs("day"),
          r.<Long>getAs("receptions"), Long::sum);
    }
    List<Row> rows = new ArrayList<>();
    for (Row r : receptionHours.sorted("shop_id", "day", "hour").rows()) {
      String shop = r.getAs("shop_id");
      String day = shop + "\u0000" + r.getAs("day");
      long receptions = r.getAs("receptions");
      double[] aht = dayAht.getOrDefault(day, shopAht.getOrDefault(shop, shopAht.get("")));
      Long messages = dayMessages.get(day);
      long total = dayReceptions.get(day);
      boolean handled = aht != null && aht[1] > 0;
      rows.add(LocalTable.row(HOURS, shop, r.getAs("day"), r.getAs("hour"), receptions,
          messages == null || total == 0 ? 0L : Math.round((double) messages * receptions / total),
          handled ? receptions : 0L,
          handled ? Math.round(receptions * aht[0] / aht[1]) : null));
    }
    return new LocalTable(HOURS, rows);
  }

  /** 询单人数 by shop and day (agents' sums: a buyer asking two agents counts twice). */
  public LocalTable demandInquiries() {
    Map<List<Object>, Long> inquiries = new TreeMap<>((a, b) -> {
      int c = ((String) a.get(0)).compareTo((String) b.get(0));
      return c != 0 ? c : ((LocalDate) a.get(1)).compareTo((LocalDate) b.get(1));
    });
    for (Day d : days) {
      if (d.count("inquiry_buyers") != null && d.daily("inquiry_buyers")) {
        inquiries.merge(List.of(d.shopId, d.date), d.count("inquiry_buyers"), Long::sum);
      }
    }
    List<Row> rows = new ArrayList<>();
    inquiries.forEach((k, n) -> rows.add(LocalTable.row(INQUIRIES, k.get(0),
        java.sql.Date.valueOf((LocalDate) k.get(1)), n)));
    return new LocalTable(INQUIRIES, rows);
  }

  /**
   * The seasonal stage's daily sums with the chat columns of category ALL from the exports'
   * daily rows (spans are left out of a daily series): 询单人数 and 询单->最终付款人数 summed over
   * agents, receptions from 分时接待 where it covers the day (else the agents' 接待人数), replied
   * receptions and first-response sums as weighted above.
   */
  public LocalTable seasonalSums(LocalTable sums) {
    Map<LocalDate, long[]> chat = new TreeMap<>();
    for (Day d : days) {
      long[] v = chat.computeIfAbsent(d.date, k -> new long[6]);
      if (d.count("inquiry_buyers") != null && d.daily("inquiry_buyers")) {
        v[0] += d.count("inquiry_buyers");
      }
      if (d.count("paid_buyers") != null && d.daily("paid_buyers")) {
        v[1] += d.count("paid_buyers");
      }
      if (d.count("received_buyers") != null && d.daily("received_buyers")) {
        v[2] += d.count("received_buyers");
      }
      if (d.daily("reply_rate")) {
        v[3] += d.weightedSum("reply_rate");
      }
      if (d.daily("first_response_seconds")) {
        v[4] += d.weightedSum("first_response_seconds");
        v[5] += d.weight("first_response_seconds");
      }
    }
    Map<LocalDate, Long> curve = new HashMap<>();
    for (Row r : receptionHours.rows()) {
      curve.merge(date(r.getAs("day")), r.<Long>getAs("receptions"), Long::sum);
    }
    curve.keySet().forEach(day -> chat.computeIfAbsent(day, k -> new long[6]));
    StructType schema = sums.schema();
    Map<LocalDate, Row> all = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    for (Row r : sums.rows()) {
      if (SeasonalFacts.ALL.equals(r.getAs("category"))) {
        all.put(date(r.getAs("business_date")), r);
      } else {
        rows.add(r);
      }
    }
    Set<LocalDate> dates = new TreeSet<>(all.keySet());
    dates.addAll(chat.keySet());
    for (LocalDate day : dates) {
      Row base = all.get(day);
      Object[] v = new Object[schema.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = base == null ? null : base.get(i);
      }
      v[schema.fieldIndex("business_date")] = java.sql.Date.valueOf(day);
      v[schema.fieldIndex("category")] = SeasonalFacts.ALL;
      long[] c = chat.get(day);
      if (c != null) {
        v[schema.fieldIndex("inquiry_buyers")] = c[0];
        v[schema.fieldIndex("inquiry_paid_buyers")] = c[1];
        v[schema.fieldIndex("receptions")] = curve.getOrDefault(day, c[2]);
        v[schema.fieldIndex("replied_receptions")] = c[3];
        v[schema.fieldIndex("first_response_seconds_sum")] = c[4];
        v[schema.fieldIndex("first_response_count")] = c[5];
      }
      rows.add(LocalTable.row(schema, v));
    }
    return new LocalTable(schema, rows);
  }

  private static LocalDate date(Object o) {
    return o instanceof LocalDate d ? d : ((java.sql.Date) o).toLocalDate();
  }
}
