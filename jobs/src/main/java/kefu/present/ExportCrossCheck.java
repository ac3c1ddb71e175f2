package kefu.present;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kefu.derive.DeriveRules;
import kefu.derive.Receptions;
import kefu.marts.Period;
import kefu.report.CellKind;
import kefu.report.Labels;
import kefu.report.ReportColumn;
import kefu.report.ReportTable;
import org.apache.spark.sql.Row;

/**
 * The 核对（导出 vs kefu） sheet: per shop and agent, kefu's 接待, 询单人数, 询单→付款人数, 询单转化率
 * and 销售额 (its agent_daily mart) beside the figures a 赤兔/千牛 per-agent export states
 * (canonical agent_days), over the days of the reviewed period the export covers, with the
 * difference (kefu − export) and the likely reason when they differ.
 *
 * <p>The days compared are, per shop, those of the export rows whose span lies inside the period;
 * kefu's days of the same shop outside them, and rows of shops the export does not cover, are left
 * out (an export of October compares with kefu's October). An export row whose span runs over the
 * period's start or end cannot be split by day and is left out and counted. A figure the export's layout lacks
 * (null in agent_days) is not compared and says so; an agent on one side only says on which.
 */
public final class ExportCrossCheck {
  private ExportCrossCheck() {}

  /** One side's figures of an agent over the compared days; null = not stated by that side. */
  public record Figures(Long receptions, Long inquiryBuyers, Long paidBuyers, BigDecimal sales) {
    /** 询单转化率 = paid ÷ inquired, null when either is unknown or nobody inquired. */
    public Double conversion() {
      return inquiryBuyers == null || paidBuyers == null || inquiryBuyers == 0 ? null
          : (double) paidBuyers / inquiryBuyers;
    }
  }

  /** Why kefu's figure and the export's likely differ. */
  public enum Reason {
    /** The export has the agent, kefu's chats do not. */
    ONLY_IN_EXPORT,
    /** kefu's chats have the agent, the export does not. */
    ONLY_IN_KEFU,
    /** kefu counts more receptions: its silence rule splits a buyer's day into several. */
    RECEPTIONS_SPLIT,
    /** kefu counts fewer receptions: it merges what the export counts apart. */
    RECEPTIONS_MERGED,
    /** Inquiry buyers differ: kefu's inquiry is buyer-started with no order in the lookback. */
    INQUIRY_RULE,
    /** Same inquiries, other paid buyers: the conversion window differs. */
    CONVERSION_WINDOW,
    /** Sales differ: attribution window or judgment, payment vs order date, postage. */
    SALES_ATTRIBUTION
  }

  /**
   * One agent of one shop; {@code kefu} or {@code export} is null when that side has no row of
   * the agent on the compared days.
   */
  public record Line(String shop, String agent, Figures kefu, Figures export,
      List<Reason> reasons) {
    public boolean agrees() {
      return reasons.isEmpty();
    }
  }

  /**
   * @param days the days compared (over all shops), {@code first}/{@code last} their bounds (null
   *     when none)
   * @param rowsAcrossPeriodEdge export rows left out because their span runs over the period's
   *     start or end (rows wholly outside the period are another period's and not counted)
   */
  public record Result(List<Line> lines, int days, LocalDate first, LocalDate last,
      long rowsAcrossPeriodEdge) {}

  /**
   * @param agentDaily the run's agent_daily mart rows (shop_id, agent_id, business_date,
   *     receptions, inquiry_buyers, inquiry_paid_buyers, sales_gross)
   * @param agentDays the canonical agent_days rows (kefu.canonical.CanonicalSchema.AGENT_DAYS)
   */
  public static Result of(List<Row> agentDaily, List<Row> agentDays, Period period) {
    Map<String, Set<LocalDate>> covered = new HashMap<>();
    Map<List<String>, Sum> export = new TreeMap<>(KEY_ORDER);
    long straddling = 0;
    for (Row r : agentDays) {
      LocalDate from = date(r.getAs("day_from"));
      LocalDate to = date(r.getAs("day_to"));
      if (to.isBefore(period.start()) || !from.isBefore(period.endExclusive())) {
        continue; // another period's row
      }
      if (from.isBefore(period.start()) || !to.isBefore(period.endExclusive())) {
        straddling++;
        continue;
      }
      String shop = r.getAs("shop_id");
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        covered.computeIfAbsent(shop, s -> new TreeSet<>()).add(d);
      }
      export.computeIfAbsent(List.of(shop, r.<String>getAs("agent_id")), k -> new Sum())
          .add(r.getAs("received_buyers"), r.getAs("inquiry_buyers"), r.getAs("paid_buyers"),
              r.getAs("sales"));
    }
    Map<List<String>, Sum> kefu = new TreeMap<>(KEY_ORDER);
    for (Row r : agentDaily) {
      String shop = r.getAs("shop_id");
      String agent = r.getAs("agent_id");
      if (!Receptions.isPerson(agent) || !covered.getOrDefault(shop, Set.of())
          .contains(date(r.getAs("business_date")))) {
        continue;
      }
      Sum s = kefu.computeIfAbsent(List.of(shop, agent), k -> new Sum());
      s.add(r.getAs("receptions"), r.getAs("inquiry_buyers"), r.getAs("inquiry_paid_buyers"),
          r.getAs("sales_gross"));
    }
    // an agent with nothing but zeros on a side (kefu: a rating or a refund that day; an export
    // listing every agent every day) has nothing to compare there
    kefu.values().removeIf(Sum::isEmpty);
    export.values().removeIf(Sum::isEmpty);

    Set<List<String>> agents = new TreeSet<>(KEY_ORDER);
    agents.addAll(export.keySet());
    agents.addAll(kefu.keySet());
    List<Line> lines = new ArrayList<>();
    for (List<String> key : agents) {
      Figures k = kefu.containsKey(key) ? kefu.get(key).figures() : null;
      Figures e = export.containsKey(key) ? export.get(key).figures() : null;
      lines.add(new Line(key.get(0), key.get(1), k, e, reasons(k, e)));
    }
    TreeSet<LocalDate> days = new TreeSet<>();
    covered.values().forEach(days::addAll);
    return new Result(lines, days.size(), days.isEmpty() ? null : days.first(),
        days.isEmpty() ? null : days.last(), straddling);
  }

  /** The likely reasons of the differences, in the order a reader checks them. */
  static List<Reason> reasons(Figures kefu, Figures export) {
    if (export == null) {
      return List.of(Reason.ONLY_IN_KEFU);
    }
    if (kefu == null) {
      return List.of(Reason.ONLY_IN_EXPORT);
    }
    List<Reason> out = new ArrayList<>();
    Long receptions = difference(kefu.receptions(), export.receptions());
    if (receptions != null && receptions != 0) {
      out.add(receptions > 0 ? Reason.RECEPTIONS_SPLIT : Reason.RECEPTIONS_MERGED);
    }
    Long inquiries = difference(kefu.inquiryBuyers(), export.inquiryBuyers());
    if (inquiries != null && inquiries != 0) {
      out.add(Reason.INQUIRY_RULE);
    }
    Long paid = difference(kefu.paidBuyers(), export.paidBuyers());
    // with other inquirers the paid buyers differ anyway: only the same ones point at the window
    if (paid != null && paid != 0 && (inquiries == null || inquiries == 0)) {
      out.add(Reason.CONVERSION_WINDOW);
    }
    BigDecimal sales = difference(kefu.sales(), export.sales());
    if (sales != null && sales.signum() != 0) {
      out.add(Reason.SALES_ATTRIBUTION);
    }
    return out;
  }

  /**
   * The sheet of {@code result}: one row per agent, the figures of each side, kefu − export, and
   * the likely reasons in words; {@code rules} are the run's (their windows go into the words).
   */
  public static ReportTable table(Result result, Period period, DeriveRules rules, Labels l) {
    List<ReportColumn> cols = new ArrayList<>(List.of(
        col(l, "shop", CellKind.TEXT), col(l, "agent", CellKind.TEXT)));
    for (String figure : FIGURES) {
      CellKind kind = figure.equals("conversion") ? CellKind.PERCENT
          : figure.equals("sales") ? CellKind.MONEY : CellKind.INTEGER;
      cols.add(col(l, figure + ".kefu", kind));
      cols.add(col(l, figure + ".export", kind));
      cols.add(col(l, figure + ".difference", kind));
    }
    cols.add(col(l, "reason", CellKind.TEXT));
    List<List<Object>> rows = new ArrayList<>();
    for (Line line : result.lines()) {
      List<Object> row = new ArrayList<>(Arrays.asList(line.shop(), line.agent()));
      for (String figure : FIGURES) {
        Object k = line.kefu() == null ? l.get("pipeline.xcheck.noKefuRow")
            : value(line.kefu(), figure);
        Object e = line.export() == null ? l.get("pipeline.xcheck.noExportRow")
            : stated(line.export(), figure) ? value(line.export(), figure)
            : l.get("pipeline.xcheck.notInExport");
        row.add(k);
        row.add(e);
        row.add(k instanceof Number a && e instanceof Number b ? minus(a, b) : null);
      }
      row.add(words(line.reasons(), rules, l));
      rows.add(row);
    }
    ReportTable table = new ReportTable(l.get("pipeline.sheet.exportCrossCheck"),
        l.format("pipeline.title.exportCrossCheck", period.label(), result.days(),
            String.valueOf(result.first()), String.valueOf(result.last())), cols, rows);
    if (result.rowsAcrossPeriodEdge() > 0) {
      table = table.withNote(l.format("pipeline.xcheck.rowsAcrossPeriodEdge",
          result.rowsAcrossPeriodEdge(), period.label()));
    } else if (rows.isEmpty()) {
      table = table.withNote(l.get("pipeline.xcheck.noAgents"));
    }
    return table;
  }

  /** The summary's sentence: how many agents agree with the export. */
  public static String finding(Result result, Labels l) {
    long agreeing = result.lines().stream().filter(Line::agrees).count();
    return l.format("pipeline.finding.exportCrossCheck", result.lines().size(), agreeing);
  }

  /** The reasons as one sentence each, or 一致 when the figures agree. */
  static String words(List<Reason> reasons, DeriveRules rules, Labels l) {
    if (reasons.isEmpty()) {
      return l.get("pipeline.xcheck.equal");
    }
    List<String> out = new ArrayList<>();
    for (Reason r : reasons) {
      String key = "pipeline.xcheck.reason." + r.name();
      out.add(switch (r) {
        case RECEPTIONS_SPLIT, RECEPTIONS_MERGED -> l.format(key, rules.sessionGapMinutes());
        case INQUIRY_RULE -> l.format(key, rules.inquiryLookbackDays());
        case SALES_ATTRIBUTION -> l.format(key, rules.attributionWindowDays());
        default -> l.format(key); // a pattern too: its ' is written ''
      });
    }
    return String.join(" ", out);
  }

  private static final List<String> FIGURES =
      List.of("receptions", "inquiryBuyers", "paidBuyers", "conversion", "sales");

  /** The figure (a conversion of nobody inquired: null, an empty cell). */
  private static Object value(Figures f, String figure) {
    return switch (figure) {
      case "receptions" -> f.receptions();
      case "inquiryBuyers" -> f.inquiryBuyers();
      case "paidBuyers" -> f.paidBuyers();
      case "conversion" -> f.conversion();
      case "sales" -> f.sales();
      default -> throw new IllegalArgumentException(figure);
    };
  }

  /** The side states the figure (a conversion needs both of its counts). */
  private static boolean stated(Figures f, String figure) {
    return figure.equals("conversion") ? f.inquiryBuyers() != null && f.paidBuyers() != null
        : value(f, figure) != null;
  }

  private static Number minus(Number a, Number b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.subtract(y);
    }
    if (a instanceof Long x && b instanceof Long y) {
      return x - y;
    }
    return a.doubleValue() - b.doubleValue();
  }

  private static Long difference(Long kefu, Long export) {
    return kefu == null || export == null ? null : kefu - export;
  }

  private static BigDecimal difference(BigDecimal kefu, BigDecimal export) {
    return kefu == null || export == null ? null : kefu.subtract(export);
  }

  private static ReportColumn col(Labels l, String key, CellKind kind) {
    return new ReportColumn(l.get("pipeline.xcheck.col." + key), kind);
  }

  private static LocalDate date(Object value) {
    return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
  }

  /**
   * Sums of one side over the compared days. A figure some row does not state (null) is unknown
   * for the whole span: a partial sum would read as a difference.
   */
  private static final class Sum {
    private final long[] counts = new long[3];
    private final boolean[] unknown = new boolean[4];
    private BigDecimal sales = BigDecimal.ZERO.setScale(2);

    void add(Long receptions, Long inquiries, Long paid, BigDecimal amount) {
      Long[] values = {receptions, inquiries, paid};
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          unknown[i] = true;
        } else {
          counts[i] += values[i];
        }
      }
      if (amount == null) {
        unknown[3] = true;
      } else {
        sales = sales.add(amount);
      }
    }

    boolean isEmpty() {
      return counts[0] == 0 && counts[1] == 0 && counts[2] == 0 && sales.signum() == 0;
    }

    Figures figures() {
      return new Figures(unknown[0] ? null : counts[0], unknown[1] ? null : counts[1],
          unknown[2] ? null : counts[2], unknown[3] ? null : sales);
    }
  }

  private static final java.util.Comparator<List<String>> KEY_ORDER = java.util.Comparator
      .comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1));
}
