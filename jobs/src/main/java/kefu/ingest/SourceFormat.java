package kefu.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The export kinds ingest recognises, each from the headers it must have (alternatives in one
 * group are renames between export generations). Order matters: first match wins.
 */
enum SourceFormat {
  CANONICAL_ORDERS("orders", "kefu_orders", g("order_id"), g("created_at")),
  // The payment time is required: without it every order reads as unpaid (paid_at null), so a
  // run would report no sales at all rather than fail. The order status cannot stand in: it
  // shows that an order was paid, not when, and sales are dated and credited by payment time.
  ITEM_REPORT("orders", "item_report",
      g("子订单编号"), g("主订单编号"), g("订单创建时间", "买家下单时间"), Holder.PAYMENT_TIME),
  ORDER_REPORT("orders", "order_report",
      g("订单编号"), g("订单创建时间", "买家下单时间"), g("买家实际支付金额", "买家实付金额"),
      Holder.PAYMENT_TIME),
  CANONICAL_REFUNDS("refunds", "kefu_refunds", g("refund_id"), g("order_id"), g("amount")),
  REFUND_EXPORT("refunds", "refund_export",
      g("退款编号"), g("订单编号"), g("买家退款金额", "退款金额")),
  CANONICAL_RATINGS("ratings", "kefu_ratings", g("order_id"), g("dsr_description")),
  DSR_EXPORT("ratings", "dsr_export",
      g("订单编号"), g("宝贝与描述相符"), g("卖家的服务态度"), g("物流服务", "卖家的发货速度")),
  CANONICAL_CHATS("chats", "kefu_chats", g("buyer_key"), g("sender"), g("sent_at")),
  TWCS("chats", "twcs", g("tweet_id"), g("author_id"), g("inbound"), g("created_at")),
  CHAT_EXPORT("chats", "chat_export", g("买家昵称"), g("发送方"), g("发送时间")),
  AGENT_ROSTER("agents", "agent_roster", g("agent_id", "客服昵称")),
  // The per-agent exports of --agent-exports (domain brief 2.4, 2.5), each recognised by the
  // columns only it has. The agent column comes first: a 汇总/均值 row names no agent there. A
  // layout that can state its span only by a 日期 column requires it: without it the rows could
  // not be dated at all.
  CHITU_PRESALES(Holder.AGENT_EXPORTS, "agent_days", "chitu_presales", g("客服"), g("日期"),
      g("询单人数"), g("询单->最终付款人数")),
  PRESALES_IMPORT(Holder.AGENT_EXPORTS, "agent_days", "presales_import", g("账户名"), g("日期"),
      g("店铺"), g("咨询人数"), g("接待人数")),
  QIANNIU_WORKLOAD(Holder.AGENT_EXPORTS, "agent_days", "qianniu_workload", g("旺旺昵称"),
      g("日期"), g("买家消息"), g("客服消息")),
  QIANNIU_PERFORMANCE(Holder.AGENT_EXPORTS, "agent_days", "qianniu_performance", g("旺旺昵称"),
      g("日期"), g("询单人数"), g("销售人数")),
  QIANNIU_AGENT(Holder.AGENT_EXPORTS, "agent_days", "qianniu_agent", g("旺旺"), g("日期"),
      g("平均响应(秒)"), g("询单->次日付款成功率")),
  // 人均日接入 states its span in the file name (YYYY-MM-DD至YYYY-MM-DD): no 日期 required.
  QIANNIU_DAILY(Holder.AGENT_EXPORTS, "agent_days", "qianniu_daily", g("客服昵称"), g("接待人数"),
      g("上班天数"), g("询单->最终付款转化率")),
  CHITU_HOURLY(Holder.AGENT_EXPORTS, "reception_hours", "chitu_hourly", g("日期"), g("0"),
      g("12"), g("23"));

  /** The option group whose files this format is looked for in (e.g. agent_exports). */
  final String input;
  /** The canonical table its rows go to. */
  final String table;
  final String id;
  final List<String[]> required;

  SourceFormat(String table, String id, String[]... required) {
    this(table, table, id, required);
  }

  SourceFormat(String input, String table, String id, String[]... required) {
    this.input = input;
    this.table = table;
    this.id = id;
    this.required = List.of(required);
  }

  /** Whether this format's rows are read on the driver (--agent-exports: small exports). */
  boolean isAgentExport() {
    return Holder.AGENT_EXPORTS.equals(input);
  }

  private static String[] g(String... alternatives) {
    return alternatives;
  }

  /** Why a required column is required, where its name does not say it. */
  private static String why(String[] group) {
    return group == Holder.PAYMENT_TIME
        ? " (the payment time: without it no order could count as paid)"
        : "日期".equals(group[0])
            ? " (the day each row is for: without it no figure could be dated)" : "";
  }

  boolean matches(Headers headers) {
    return missing(headers).isEmpty();
  }

  List<String[]> missing(Headers headers) {
    List<String[]> missing = new ArrayList<>();
    for (String[] group : required) {
      if (!headers.has(group)) {
        missing.add(group);
      }
    }
    return missing;
  }

  /**
   * The first format of the input group {@code table} (a canonical table, or agent_exports) whose
   * required headers are all present, else null.
   */
  static SourceFormat detect(String table, Headers headers) {
    for (SourceFormat f : values()) {
      if (f.input.equals(table) && f.matches(headers)) {
        return f;
      }
    }
    return null;
  }

  /** Constants the enum's constants use (an enum's own static fields are not yet set then). */
  private static final class Holder {
    /** The input group of the per-agent exports (--agent-exports). */
    static final String AGENT_EXPORTS = "agent_exports";
    /** 订单付款时间 and its rename in newer exports (domain brief Part 2 §2.1). */
    static final String[] PAYMENT_TIME = {"订单付款时间", "买家付款时间"};
  }

  /**
   * Replacement characters, or Latin-1 letters where Chinese headers belong (GBK bytes read as
   * UTF-8 or as Latin-1 upstream), mark a file whose text was mangled before it reached kefu.
   */
  static boolean looksLikeMojibake(String text) {
    int latin1 = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\uFFFD') {
        return true;
      }
      if (c >= '\u00A0' && c <= '\u00FF') {
        latin1++;
      }
    }
    return latin1 >= 4;
  }

  /** One-line explanation of why no format of {@code table} matched, naming the closest one. */
  static String mismatch(String table, Headers headers) {
    SourceFormat closest = null;
    List<String[]> closestMissing = null;
    for (SourceFormat f : values()) {
      if (!f.input.equals(table)) {
        continue;
      }
      List<String[]> m = f.missing(headers);
      if (closestMissing == null || m.size() < closestMissing.size()) {
        closest = f;
        closestMissing = m;
      }
    }
    String[] first = closestMissing.get(0);
    String expected = String.join(" | ", first);
    String hint = looksLikeMojibake(headers.found())
        ? "headers look garbled (GBK text decoded with the wrong encoding and saved again; use"
            + " the original export); "
        : "";
    return hint + "headers match no known " + table + " format; closest is " + closest.id
        + " which needs column " + expected + why(first) + " (closest header found: '"
        + headers.closestTo(first[0]) + "'); headers found: " + headers.found();
  }
}
