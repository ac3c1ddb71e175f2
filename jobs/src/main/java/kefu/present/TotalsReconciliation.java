package kefu.present;

import static kefu.present.MartRows.money;
import static kefu.present.MartRows.number;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kefu.report.CellKind;
import kefu.report.Labels;
import kefu.report.ReportColumn;
import kefu.report.ReportTable;
import org.apache.spark.sql.Row;

/**
 * The 对账 (Reconciliation) sheet: each key total of the Summary beside the sum of the sheet that
 * breaks it down, the difference, and why. A line is {@link Status#EQUAL}; {@link
 * Status#EXPLAINED}, its difference split into counted parts; {@link Status#DIFFERENT_BASIS}, two
 * definitions that are meant to differ (the reason says how); or {@link Status#UNEXPLAINED}, which
 * a correct run never shows.
 */
final class TotalsReconciliation {
  private TotalsReconciliation() {}

  enum Status { EQUAL, EXPLAINED, DIFFERENT_BASIS, UNEXPLAINED }

  /** {@code difference} = valueB − valueA. */
  record Line(String metric, String sheetA, Number valueA, String sheetB, Number valueB,
      Number difference, Status status, String reason) {}

  /**
   * @param shop the period's shop totals (the Summary's figures)
   * @param agents the period's agent_metrics rows
   * @param categories the period's category_metrics rows
   * @param payrollSales the credited sales the current pay scheme was computed on, or null
   */
  static List<Line> lines(PeriodTotals shop, List<Row> agents, List<Row> categories,
      BigDecimal payrollSales, boolean chats, Labels l) {
    String summary = l.get("report.sheet.summary");
    String agentSheet = l.get("pipeline.sheet.agents");
    String categorySheet = l.get("pipeline.sheet.categories");
    List<Line> out = new ArrayList<>();

    long paidOrders = shop.count("orders_paid");
    long categoryPaidOrders = sumCount(categories, "paid_orders");
    out.add(atLeast(l, "ordersPaid", summary, paidOrders, categorySheet, categoryPaidOrders,
        "pipeline.recon.multiCategoryOrders"));
    out.add(equal(l, "paidAmount", summary, shop.money("paid_amount"), categorySheet,
        sumMoney(categories, "paid_amount")));
    BigDecimal salesByPayment = shop.money("sales_gross");
    out.add(new Line(l.get("pipeline.recon.metric.salesByPaymentDate"), summary,
        shop.money("paid_amount"), summary, salesByPayment,
        salesByPayment.subtract(shop.money("paid_amount")), Status.DIFFERENT_BASIS,
        l.get("pipeline.recon.createdVsPaid")));
    out.add(equal(l, "refundedAmount", summary, shop.money("refunded_amount"), categorySheet,
        sumMoney(categories, "refund_amount")));
    if (!chats) {
      return out;
    }
    out.add(equal(l, "agentSales", summary, shop.money("agent_paid_amount"), categorySheet,
        sumMoney(categories, "agent_paid_amount")));
    BigDecimal agentSales = sumMoney(agents, "sales_gross");
    out.add(new Line(l.get("pipeline.figure.agentSales"), summary,
        shop.money("agent_paid_amount"), agentSheet, agentSales,
        agentSales.subtract(shop.money("agent_paid_amount")), Status.DIFFERENT_BASIS,
        l.get("pipeline.recon.agentSalesByPaymentDate")));
    if (payrollSales != null) {
      out.add(equal(l, "agentSales", agentSheet, agentSales,
          l.get("pipeline.sheet.payComparison"), payrollSales));
    }
    out.add(receptions(l, shop, sumCount(agents, "receptions"), summary, agentSheet));
    out.add(atLeast(l, "inquiryBuyers", summary, shop.count("inquiry_buyers"), agentSheet,
        sumCount(agents, "inquiry_buyers"), "pipeline.recon.buyerWithSeveralAgents"));
    out.add(atLeast(l, "inquiryPaidBuyers", summary, shop.count("inquiry_paid_buyers"),
        agentSheet, sumCount(agents, "inquiry_paid_buyers"),
        "pipeline.recon.buyerWithSeveralAgents"));
    return out;
  }

  static ReportTable table(List<Line> lines, Labels l) {
    List<ReportColumn> cols = List.of(col(l, "metric", CellKind.TEXT),
        col(l, "sheetA", CellKind.TEXT), col(l, "valueA", CellKind.DECIMAL),
        col(l, "sheetB", CellKind.TEXT), col(l, "valueB", CellKind.DECIMAL),
        col(l, "difference", CellKind.DECIMAL), col(l, "status", CellKind.TEXT),
        col(l, "reason", CellKind.TEXT));
    List<List<Object>> rows = new ArrayList<>();
    for (Line line : lines) {
      rows.add(Arrays.asList(line.metric(), line.sheetA(), line.valueA(), line.sheetB(),
          line.valueB(), line.difference(),
          l.get("pipeline.recon.status." + line.status().name()), line.reason()));
    }
    return new ReportTable(l.get("pipeline.sheet.reconciliation"),
        l.get("pipeline.title.reconciliation"), cols, rows);
  }

  /**
   * Shop receptions = receptions no agent replied to + replied ones; the agents' sum counts a
   * reception once per agent who replied in it (transfers), so it is at least the replied ones.
   */
  private static Line receptions(Labels l, PeriodTotals shop, long agentSum, String summary,
      String agentSheet) {
    long all = shop.count("receptions");
    long replied = shop.count("replied_receptions");
    long unreplied = all - replied;
    long transferred = agentSum - replied;
    Status status = transferred < 0 ? Status.UNEXPLAINED
        : agentSum == all ? Status.EQUAL : Status.EXPLAINED;
    return new Line(l.get("pipeline.figure.receptions"), summary, all, agentSheet, agentSum,
        agentSum - all, status, status == Status.UNEXPLAINED
            ? l.get("pipeline.recon.unexplained")
            : l.format("pipeline.recon.receptions", unreplied, transferred));
  }

  /** Totals that must agree exactly. */
  private static Line equal(Labels l, String figure, String sheetA, BigDecimal a,
      String sheetB, BigDecimal b) {
    BigDecimal d = b.subtract(a);
    boolean same = d.signum() == 0;
    return new Line(l.get("pipeline.figure." + figure), sheetA, a, sheetB, b, d,
        same ? Status.EQUAL : Status.UNEXPLAINED,
        same ? null : l.get("pipeline.recon.unexplained"));
  }

  /** A breakdown that counts some units more than once, so its sum is at least the total. */
  private static Line atLeast(Labels l, String figure, String sheetA, long a, String sheetB,
      long b, String reasonKey) {
    Status status = b == a ? Status.EQUAL : b > a ? Status.DIFFERENT_BASIS : Status.UNEXPLAINED;
    return new Line(l.get("pipeline.figure." + figure), sheetA, a, sheetB, b, b - a, status,
        status == Status.EQUAL ? null : status == Status.UNEXPLAINED
            ? l.get("pipeline.recon.unexplained") : l.get(reasonKey));
  }

  private static long sumCount(List<Row> rows, String column) {
    long sum = 0;
    for (Row r : rows) {
      sum += (long) number(r, column);
    }
    return sum;
  }

  private static BigDecimal sumMoney(List<Row> rows, String column) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Row r : rows) {
      sum = sum.add(money(r, column));
    }
    return sum;
  }

  private static ReportColumn col(Labels l, String key, CellKind kind) {
    return new ReportColumn(l.get("pipeline.recon.col." + key), kind);
  }
}
