package kefu.present;

import static kefu.present.MartRows.text;

import java.util.ArrayList;
import java.util.Arrays;
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
 * The 客服 (Agents) sheet of a review from the per-agent exports without chats
 * (agent_export_metrics): each figure as the exports state it, summed over the period's days;
 * a figure no export of the agent states reads 导出未提供, and what only chats can give (silent
 * sales, refunds and DSR by agent) reads 需聊天记录 — never 0. Its note names the exports the
 * figures came from (数据来源).
 */
final class ExportAgentSheet {
  private ExportAgentSheet() {}

  /** Figure columns of agent_export_metrics, in sheet order, with their label and kind. */
  private static final List<String[]> FIGURES = List.of(
      new String[] {"received_buyers", "receivedBuyers", "INTEGER"},
      new String[] {"consulted_buyers", "consultedBuyers", "INTEGER"},
      new String[] {"inquiry_buyers", "inquiryBuyers", "INTEGER"},
      new String[] {"ordered_buyers", "inquiryOrderedBuyers", "INTEGER"},
      new String[] {"paid_buyers", "inquiryPaidBuyers", "INTEGER"},
      new String[] {"inquiry_conversion", "inquiryConversion", "PERCENT"},
      new String[] {"paid_next_day_buyers", "paidNextDayBuyers", "INTEGER"},
      new String[] {"next_day_conversion", "nextDayConversion", "PERCENT"},
      new String[] {"sales", "exportSales", "MONEY"},
      new String[] {"paying_buyers", "payingBuyers", "INTEGER"},
      new String[] {"average_order_value", "averageOrderValue", "MONEY"},
      new String[] {"units", "soldUnits", "INTEGER"},
      new String[] {"orders", "paidOrders", "INTEGER"},
      new String[] {"answer_ratio", "answerRatio", "DECIMAL"},
      new String[] {"reply_rate", "replyRate", "PERCENT"},
      new String[] {"first_response_seconds", "firstResponseSeconds", "DECIMAL"},
      new String[] {"avg_response_seconds", "responseSeconds", "DECIMAL"},
      new String[] {"avg_reception_seconds", "receptionSeconds", "DECIMAL"},
      new String[] {"slow_response_buyers", "slowResponseBuyers", "INTEGER"},
      new String[] {"transferred_out", "transferredOut", "INTEGER"},
      new String[] {"refund_rate", "exportRefundRate", "PERCENT"});

  /** Columns only chats (attribution) can fill. */
  private static final List<String> NEED_CHATS = List.of("silentSales", "refundAmount",
      "dsrService");

  static ReportTable table(List<Row> metrics, Period period, Map<String, RosterAgent> roster,
      Labels l) {
    List<ReportColumn> cols = new ArrayList<>(List.of(
        col(l, "shop", CellKind.TEXT), col(l, "agent", CellKind.TEXT),
        col(l, "role", CellKind.TEXT), col(l, "team", CellKind.TEXT),
        col(l, "sourcing", CellKind.TEXT)));
    FIGURES.forEach(f -> cols.add(col(l, f[1], CellKind.valueOf(f[2]))));
    NEED_CHATS.forEach(c -> cols.add(col(l, c, CellKind.TEXT)));
    cols.add(col(l, "dataSource", CellKind.TEXT));
    String notStated = l.get("pipeline.missing.notInExport");
    String needsChats = l.get("pipeline.missing.needsChats");
    String noInquiry = l.get("pipeline.missing.noInquiries");
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : metrics) {
      if (!period.label().equals(r.getAs("period"))) {
        continue;
      }
      RosterAgent a = roster.get(text(r, "agent_id"));
      List<Object> row = new ArrayList<>(Arrays.asList(text(r, "shop_id"),
          text(r, "agent_id"), a == null ? null : Codes.of(l, a.role()),
          a == null ? null : a.team(), a == null ? null : Codes.of(l, a.sourcing())));
      // a conversion over 0 inquiring buyers is no rate, not one the export left out
      boolean noInquiries = Long.valueOf(0).equals(r.getAs("inquiry_buyers"));
      for (String[] f : FIGURES) {
        Object v = r.getAs(f[0]);
        row.add(v != null ? v : noInquiries && f[0].endsWith("conversion") ? noInquiry
            : notStated);
      }
      NEED_CHATS.forEach(c -> row.add(needsChats));
      row.add(layouts(l, text(r, "layouts")));
      rows.add(row);
    }
    return new ReportTable(l.get("pipeline.sheet.agents"), l.get("pipeline.title.agentsFromExports"),
        cols, rows).withNote(l.get("pipeline.note.agentsFromExports"));
  }

  /** The export layouts in words: 赤兔售前明细, 千牛工作量 … */
  static String layouts(Labels l, String ids) {
    if (ids == null || ids.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (String id : ids.split(",")) {
      names.add(l.get("pipeline.layout." + id));
    }
    return String.join("、", names);
  }

  private static ReportColumn col(Labels l, String key, CellKind kind) {
    return ReviewReportAssembler.column(l, key, kind);
  }
}
