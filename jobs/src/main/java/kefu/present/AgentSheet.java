package kefu.present;

import static kefu.present.MartRows.money;
import static kefu.present.MartRows.number;
import static kefu.present.MartRows.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kefu.marts.Period;
import kefu.pay.PayFacts.RosterAgent;
import kefu.report.CellKind;
import kefu.report.Labels;
import kefu.report.ReportColumn;
import kefu.report.ReportTable;
import org.apache.spark.sql.Row;

/**
 * The 客服 (Agents) sheet: one row per agent of the period with role, team and sourcing from the
 * roster, the counts behind every rate, and a rank within the role — pre-sales agents by 询单转化率,
 * after-sales agents by 平均响应时间 (they meet few pre-sales buyers, so conversion would rank
 * them unfairly). Agents who left before the period are not listed.
 */
final class AgentSheet {
  private AgentSheet() {}

  /** Agents need this many inquiring buyers (pre-sales) or receptions (after-sales) to rank. */
  static final int MIN_FOR_RANKING = 20;

  static final String AFTER_SALES = "after_sales";

  /** The period's agents, ranked pre-sales first, then after-sales, then the unranked. */
  static List<Row> listed(List<Row> agents, Map<String, RosterAgent> roster, Period period) {
    List<Row> out = new ArrayList<>();
    for (Row r : agents) {
      RosterAgent a = roster.get(text(r, "agent_id"));
      if (a == null || a.leftOn() == null || !a.leftOn().isBefore(period.start())) {
        out.add(r);
      }
    }
    Map<Row, Integer> ranks = ranks(out, roster);
    out.sort(Comparator.comparing((Row r) -> isAfterSales(r, roster))
        .thenComparing(r -> ranks.getOrDefault(r, Integer.MAX_VALUE))
        .thenComparing(r -> text(r, "shop_id")).thenComparing(r -> text(r, "agent_id")));
    return out;
  }

  /** Rank within the role: 1 is the best conversion (pre-sales), the fastest reply (after). */
  static Map<Row, Integer> ranks(List<Row> agents, Map<String, RosterAgent> roster) {
    Map<Row, Integer> ranks = new HashMap<>();
    List<Row> pre = agents.stream().filter(r -> !isAfterSales(r, roster))
        .filter(r -> number(r, "inquiry_buyers") >= MIN_FOR_RANKING)
        .sorted(Comparator.comparingDouble(r -> -number(r, "inquiry_conversion"))).toList();
    List<Row> after = agents.stream().filter(r -> isAfterSales(r, roster))
        .filter(r -> number(r, "receptions") >= MIN_FOR_RANKING)
        .filter(r -> MartRows.value(r, "response_seconds_avg") != null)
        .sorted(Comparator.comparingDouble(r -> number(r, "response_seconds_avg"))).toList();
    for (List<Row> ranked : List.of(pre, after)) {
      for (int i = 0; i < ranked.size(); i++) {
        ranks.put(ranked.get(i), i + 1);
      }
    }
    return ranks;
  }

  /** @param ranks {@link #ranks} of {@code listed} */
  static ReportTable table(List<Row> listed, Map<Row, Integer> ranks,
      Map<String, RosterAgent> roster, boolean chats, Labels l) {
    List<ReportColumn> cols = List.of(
        col(l, "shop", CellKind.TEXT), col(l, "agent", CellKind.TEXT),
        col(l, "role", CellKind.TEXT), col(l, "team", CellKind.TEXT),
        col(l, "sourcing", CellKind.TEXT), col(l, "rank", CellKind.INTEGER),
        col(l, "receptions", CellKind.INTEGER), col(l, "repliedReceptions", CellKind.INTEGER),
        col(l, "replyRate", CellKind.PERCENT),
        col(l, "inquiryBuyers", CellKind.INTEGER),
        col(l, "inquiryOrderedBuyers", CellKind.INTEGER),
        col(l, "inquiryPaidBuyers", CellKind.INTEGER),
        col(l, "inquiryConversion", CellKind.PERCENT),
        col(l, "inquiryPaidNextDayBuyers", CellKind.INTEGER),
        col(l, "nextDayPaymentRate", CellKind.PERCENT),
        col(l, "salesGross", CellKind.MONEY), col(l, "salesNet", CellKind.MONEY),
        col(l, "payingBuyers", CellKind.INTEGER),
        col(l, "averageOrderValue", CellKind.MONEY),
        col(l, "soldUnits", CellKind.INTEGER), col(l, "unitsPerBuyer", CellKind.DECIMAL),
        col(l, "refundedUnits", CellKind.INTEGER),
        col(l, "refundRateUnits", CellKind.PERCENT),
        col(l, "refundAmount", CellKind.MONEY), col(l, "refundRateAmount", CellKind.PERCENT),
        col(l, "returnRate", CellKind.PERCENT),
        col(l, "firstResponseSeconds", CellKind.DECIMAL),
        col(l, "responseSeconds", CellKind.DECIMAL),
        col(l, "buyerMessages", CellKind.INTEGER), col(l, "agentMessages", CellKind.INTEGER),
        col(l, "answerRatio", CellKind.DECIMAL),
        col(l, "dsrDescription", CellKind.DECIMAL), col(l, "dsrService", CellKind.DECIMAL),
        col(l, "dsrLogistics", CellKind.DECIMAL), col(l, "dsrCount", CellKind.INTEGER));
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : listed) {
      RosterAgent a = roster.get(text(r, "agent_id"));
      rows.add(Arrays.asList(text(r, "shop_id"), text(r, "agent_id"),
          a == null ? null : Codes.of(l, a.role()), a == null ? null : a.team(),
          a == null ? null : Codes.of(l, a.sourcing()), ranks.get(r) == null ? null
              : (long) ranks.get(r),
          (long) number(r, "receptions"), (long) number(r, "replied_receptions"),
          MartRows.value(r, "reply_rate"),
          (long) number(r, "inquiry_buyers"), (long) number(r, "inquiry_ordered_buyers"),
          (long) number(r, "inquiry_paid_buyers"), MartRows.value(r, "inquiry_conversion"),
          (long) number(r, "inquiry_paid_next_day_buyers"),
          MartRows.value(r, "inquiry_next_day_payment_rate"),
          money(r, "sales_gross"), money(r, "sales_net"), (long) number(r, "paying_buyers"),
          MartRows.value(r, "average_order_value"), (long) number(r, "sold_units"),
          MartRows.ratio(number(r, "sold_units"), number(r, "paying_buyers")),
          (long) number(r, "refunded_units"), MartRows.value(r, "refund_rate_units"),
          money(r, "refund_amount"), MartRows.value(r, "refund_rate_amount"),
          MartRows.value(r, "return_rate"), MartRows.value(r, "first_response_seconds_avg"),
          MartRows.value(r, "response_seconds_avg"), (long) number(r, "buyer_messages"),
          (long) number(r, "agent_messages"), MartRows.value(r, "answer_ratio"),
          mean(r, "dsr_description"),
          mean(r, "dsr_service"), mean(r, "dsr_logistics"),
          (long) number(r, "dsr_service_count")));
    }
    ReportTable t = new ReportTable(l.get("pipeline.sheet.agents"),
        l.get("pipeline.title.agents"), cols, rows);
    return t.withNote(l.get(chats ? "pipeline.note.agentRanking" : "pipeline.note.missingChats"));
  }

  /** The mean score of one DSR dimension over the agent's rated orders, null if none. */
  private static Double mean(Row r, String dimension) {
    return MartRows.ratio(number(r, dimension + "_sum"), number(r, dimension + "_count"));
  }

  private static boolean isAfterSales(Row r, Map<String, RosterAgent> roster) {
    RosterAgent a = roster.get(text(r, "agent_id"));
    return a != null && AFTER_SALES.equals(a.role());
  }

  private static ReportColumn col(Labels l, String key, CellKind kind) {
    return ReviewReportAssembler.column(l, key, kind);
  }
}
