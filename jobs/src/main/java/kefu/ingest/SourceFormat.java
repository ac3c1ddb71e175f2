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
  AGENT_ROSTER("agents", "agent_roster", g("agent_id", "客服昵称"));

  final String table;
  final String id;
  final List<String[]> required;

  SourceFormat(String table, String id, String[]... required) {
    this.table = table;
    this.id = id;
    this.required = List.of(required);
  }

  private static String[] g(String... alternatives) {
    return alternatives;
  }

  /** Why a required column is required, where its name does not say it. */
  private static String why(String[] group) {
    return group == Holder.PAYMENT_TIME
        ? " (the payment time: without it no order could count as paid)" : "";
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

  /** The first format of {@code table} whose required headers are all present, else null. */
  static SourceFormat detect(String table, Headers headers) {
    for (SourceFormat f : values()) {
      if (f.table.equals(table) && f.matches(headers)) {
        return f;
      }
    }
    return null;
  }

  /** Constants the enum's constants use (an enum's own static fields are not yet set then). */
  private static final class Holder {
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
      if (!f.table.equals(table)) {
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
