package kefu.present;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import kefu.facts.ExportFacts;
import kefu.marts.Period;
import kefu.report.CellKind;
import kefu.report.KeyFigure;
import kefu.report.Labels;
import org.apache.spark.sql.Row;

/**
 * The 概要 (Summary) key figures an owner reads first — sales, 客单价, agent share, refunds,
 * service (回复率, 响应时间, 答问比 with the buyer and agent messages behind it) and conversion
 * (询单转化率, 询单→次日付款成功率 with the buyers behind them) — for the period, the previous one (环比) and the same period last year
 * (同比), and the notes on what the data covers. A figure whose input was not given reads
 * 未提供聊天记录 (or the like) and a period without orders reads 无数据: never 0. From the
 * per-agent exports without chats, the agent figures are the exports' totals over the agents,
 * labelled 导出 ({@link ExportFacts#totals}).
 */
final class SummaryFigures {
  private SummaryFigures() {}

  /** What a figure needs besides the orders. */
  enum Needs {
    ORDERS, CHATS, REFUND_EXPORT, RATINGS,
    /** Chats, and no per-agent export can stand in for them (silent sales). */
    ATTRIBUTION
  }

  static List<KeyFigure> of(ReviewInputs inputs, Period period, List<Row> shops, Labels l) {
    PeriodTotals now = totals(inputs, period, shops);
    PeriodTotals prev = totals(inputs, period.previous(), shops);
    PeriodTotals ly = totals(inputs, period.sameLastYear(), shops);
    List<KeyFigure> out = new ArrayList<>();
    Adder add = (key, kind, needs, f) -> out.add(new KeyFigure(l.get("pipeline.figure." + key),
        value(inputs, needs, now, f, kind, l), kind, value(inputs, needs, prev, f, kind, l),
        value(inputs, needs, ly, f, kind, l)));
    // From the per-agent exports (no chats) an agent figure is the exports' total over the
    // agents, labelled as such; with chats (or neither) it is the shop's, as add gives it.
    ExportAdder agents = (key, kind, f, fromExport) -> {
      if (!inputs.fromExports()) {
        add.figure(key, kind, Needs.CHATS, f);
        return;
      }
      List<Object> v = new ArrayList<>();
      for (Period p : List.of(period, period.previous(), period.sameLastYear())) {
        ExportFacts.Totals e = inputs.exports().totals(p);
        Object x = e == null ? null : fromExport.value(e, totals(inputs, p, shops));
        v.add(e == null ? l.get("pipeline.missing.period")
            : x == null ? l.get("pipeline.missing.notInExport") : x);
      }
      out.add(new KeyFigure(l.get("pipeline.figure.export." + key), v.get(0), kind, v.get(1),
          v.get(2)));
    };
    add.figure("ordersCreated", CellKind.INTEGER, Needs.ORDERS, t -> t.count("orders_created"));
    add.figure("ordersPaid", CellKind.INTEGER, Needs.ORDERS, t -> t.count("orders_paid"));
    add.figure("paidAmount", CellKind.MONEY, Needs.ORDERS, t -> t.money("paid_amount"));
    // An export without buyer names (the Tmall sample) has paid orders but no known buyer.
    add.figure("payingBuyers", CellKind.INTEGER, Needs.ORDERS,
        t -> t.count("paying_buyers") > 0 ? (Object) t.count("paying_buyers") : null);
    add.figure("averageOrderValue", CellKind.MONEY, Needs.ORDERS,
        t -> t.moneyPer("sales_gross", "paying_buyers"));
    add.figure("unitsPerBuyer", CellKind.DECIMAL, Needs.ORDERS,
        t -> t.ratio("sold_units", "paying_buyers"));
    agents.figure("agentSales", CellKind.MONEY, t -> t.money("agent_paid_amount"),
        (e, shop) -> e.sales());
    agents.figure("agentSalesShare", CellKind.PERCENT,
        t -> t.moneyRatio("agent_paid_amount", "paid_amount"),
        (e, shop) -> e.sales() == null ? null : MartRows.ratio(e.sales().doubleValue(),
            shop.money("paid_amount").doubleValue()));
    add.figure("silentSales", CellKind.MONEY, Needs.ATTRIBUTION,
        t -> t.money("silent_paid_amount"));
    add.figure("refundedAmount", CellKind.MONEY, Needs.ORDERS, t -> t.money("refunded_amount"));
    add.figure("refundRateAmount", CellKind.PERCENT, Needs.ORDERS,
        t -> t.moneyRatio("refunded_amount", "sales_gross"));
    add.figure("refundRateUnits", CellKind.PERCENT, Needs.REFUND_EXPORT,
        t -> t.ratio("refunded_units", "sold_units"));
    add.figure("returnRate", CellKind.PERCENT, Needs.REFUND_EXPORT,
        t -> t.ratio("return_count", "sold_lines"));
    agents.figure("receptions", CellKind.INTEGER, t -> t.count("receptions"),
        (e, shop) -> e.receivedBuyers());
    agents.figure("replyRate", CellKind.PERCENT,
        t -> t.ratio("replied_receptions", "receptions"), (e, shop) -> e.replyRate());
    agents.figure("firstResponseSeconds", CellKind.DECIMAL,
        t -> t.ratio("first_response_seconds_sum", "first_response_count"),
        (e, shop) -> e.firstResponseSeconds());
    agents.figure("responseSeconds", CellKind.DECIMAL,
        t -> t.ratio("response_seconds_sum", "answered_buyer_messages"),
        (e, shop) -> e.avgResponseSeconds());
    agents.figure("buyerMessages", CellKind.INTEGER, t -> t.count("buyer_messages"),
        (e, shop) -> e.buyerMessages());
    agents.figure("agentMessages", CellKind.INTEGER, t -> t.count("agent_messages"),
        (e, shop) -> e.agentMessages());
    agents.figure("answerRatio", CellKind.DECIMAL,
        t -> t.ratio("agent_messages", "buyer_messages"), (e, shop) -> e.answerRatio());
    agents.figure("inquiryBuyers", CellKind.INTEGER, t -> t.count("inquiry_buyers"),
        (e, shop) -> e.inquiryBuyers());
    agents.figure("conversion", CellKind.PERCENT,
        t -> t.ratio("inquiry_paid_buyers", "inquiry_buyers"), (e, shop) -> e.conversion());
    agents.figure("inquiryPaidNextDayBuyers", CellKind.INTEGER,
        t -> t.count("inquiry_paid_next_day_buyers"), (e, shop) -> e.paidNextDayBuyers());
    agents.figure("nextDayPaymentRate", CellKind.PERCENT,
        t -> t.ratio("inquiry_paid_next_day_buyers", "inquiry_buyers"),
        (e, shop) -> e.nextDayConversion());
    add.figure("dsrRatedOrders", CellKind.INTEGER, Needs.RATINGS,
        t -> t.count("dsr_rated_orders"));
    for (String score : DSR_SCORES) {
      add.figure("dsr." + score, CellKind.DECIMAL, Needs.RATINGS,
          t -> t.ratio("dsr_" + score + "_sum", "dsr_" + score + "_count"));
    }
    return out;
  }

  /** 描述相符, 服务态度, 物流服务: the mean over the period's ratings of all shops. */
  static final List<String> DSR_SCORES = List.of("description", "service", "logistics");

  /**
   * The lines under the period on the Summary: inputs not given, the days with orders, periods
   * only partly covered or not at all, calendar years missing.
   */
  static List<String> notes(ReviewInputs inputs, Period period, Labels l) {
    List<String> out = new ArrayList<>();
    if (inputs.fromExports()) {
      ReviewInputs.FromExports e = inputs.exports();
      out.add(l.format("pipeline.note.fromExports", e.layouts()));
      out.add(l.get("pipeline.note.summaryFromExports"));
      if (e.unplacedRows() > 0) {
        out.add(l.format("pipeline.note.exportSpansUnplaced", e.unplacedRows()));
      }
      if (!e.receptionHours()) {
        out.add(l.get("pipeline.note.noReceptionHours"));
      } else if (!e.handlingTime()) {
        out.add(l.get("pipeline.note.noHandlingTime"));
      }
    } else if (!inputs.chats()) {
      out.add(l.get("pipeline.note.missingChats"));
    }
    if (!inputs.refundExport()) {
      out.add(l.get("pipeline.note.missingRefundExport"));
    }
    if (!inputs.ratings()) {
      out.add(l.get("pipeline.note.missingRatings"));
    }
    if (!inputs.agents()) {
      out.add(l.get("pipeline.note.missingAgents"));
    }
    if (inputs.firstOrderDay() == null) {
      out.add(l.get("pipeline.note.noOrders"));
      return out;
    }
    out.add(l.format("pipeline.note.coverage", inputs.firstOrderDay().toString(),
        inputs.lastOrderDay().toString()));
    for (Period p : List.of(period, period.previous(), period.sameLastYear())) {
      switch (inputs.coverage(p)) {
        case NONE -> out.add(l.format("pipeline.note.noData", role(p, period, l), p.label()));
        case PARTIAL -> {
          var days = inputs.coveredDays(p);
          out.add(l.format("pipeline.note.partial", role(p, period, l), p.label(),
              days[0].toString(), days[1].toString()));
        }
        case FULL -> { }
      }
    }
    var outside = inputs.yearsOutsideCalendar();
    if (!outside.isEmpty()) {
      out.add(l.format("pipeline.note.calendar",
          outside.stream().map(String::valueOf).collect(Collectors.joining("、"))));
    }
    return out;
  }

  private static String role(Period p, Period period, Labels l) {
    return l.get(p.equals(period) ? "report.summary.period"
        : p.equals(period.previous()) ? "report.summary.previousPeriod"
            : "report.summary.lastYearPeriod");
  }

  /** The period's totals, or {@link PeriodTotals#NONE} when it has no orders at all. */
  private static PeriodTotals totals(ReviewInputs inputs, Period p,
      List<Row> shops) {
    PeriodTotals t = PeriodTotals.of(shops, p.label());
    return inputs.coverage(p) == ReviewInputs.Coverage.NONE || !t.hasOrders()
        ? PeriodTotals.NONE : t;
  }

  /** The figure, or the words for why there is none. */
  private static Object value(ReviewInputs inputs, Needs needs, PeriodTotals t,
      Function<PeriodTotals, Object> f, CellKind kind, Labels l) {
    if ((needs == Needs.CHATS || needs == Needs.ATTRIBUTION) && !inputs.chats()) {
      // silent sales need the chats even when the exports give the agents' figures
      return l.get(inputs.fromExports() ? "pipeline.missing.needsChats"
          : "pipeline.missing.chats");
    }
    if (needs == Needs.REFUND_EXPORT && !inputs.refundExport()) {
      return l.get("pipeline.missing.refundExport");
    }
    if (needs == Needs.RATINGS && !inputs.ratings()) {
      return l.get("pipeline.missing.ratings");
    }
    if (t == PeriodTotals.NONE) {
      return l.get("pipeline.missing.period");
    }
    Object v = f.apply(t);
    return v == null ? l.get("pipeline.missing.period") : v;
  }

  /** An agent figure from one period's export totals and the shop's order totals. */
  @FunctionalInterface
  private interface FromExport {
    Object value(ExportFacts.Totals exports, PeriodTotals shop);
  }

  @FunctionalInterface
  private interface ExportAdder {
    void figure(String key, CellKind kind, Function<PeriodTotals, Object> shopValue,
        FromExport exportValue);
  }

  @FunctionalInterface
  private interface Adder {
    void figure(String key, CellKind kind, Needs needs, Function<PeriodTotals, Object> value);
  }
}
