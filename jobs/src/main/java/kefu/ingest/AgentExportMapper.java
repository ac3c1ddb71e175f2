package kefu.ingest;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A per-agent export of 赤兔 / 千牛 / 生意参谋 (domain brief 2.4, 2.5) to one agent_days row: the
 * figures as the export states them, each from the column that names it in any of the layouts
 * (a layout without the column leaves it null, never 0). The agent id is the nickname as written,
 * as in the chats and the roster; a sub-account {@code 店铺名:客服名} names its shop, else the
 * row's 店铺 column, else the run's shop. The span is the 日期 cell (a day, or
 * {@code 2025-10-01至2025-10-07}); only the 人均日接入 export, which has no 日期 column, states it
 * in its file name.
 */
final class AgentExportMapper implements RecordMapper {
  static final String[] AGENT = {"客服", "旺旺昵称", "旺旺", "客服昵称", "账户名"};
  static final String[] DAY = {"日期"};
  static final String[] SHOP = {"店铺", "店铺名称"};
  private static final Pattern FILE_SPAN =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})至(\\d{4}-\\d{2}-\\d{2})");

  private final SourceFormat format;

  AgentExportMapper(SourceFormat format) {
    this.format = format;
  }

  @Override
  public void map(Fields f, Parsed.Builder out, String fallbackShop) {
    String agent = f.requiredText(AGENT);
    String prefixShop = QianniuRoles.shopOf(agent);
    String shopColumn = f.text(SHOP);
    if (prefixShop != null && shopColumn != null && !prefixShop.equals(shopColumn)) {
      throw f.reject(SHOP, "shop differs from the agent's sub-account shop",
          "agent " + agent);
    }
    List<LocalDate> span = f.has(DAY) ? f.span(DAY)
        : fileSpan((String) out.get("source_file"));
    if (span == null) {
      throw f.has(DAY) ? f.reject(DAY, "missing required value")
          : f.reject(DAY, "no span: the export has no 日期 column and its file name holds no"
              + " YYYY-MM-DD至YYYY-MM-DD");
    }
    out.set("shop_id", shopColumn != null ? shopColumn
            : prefixShop != null ? prefixShop : fallbackShop)
        .set("agent_id", agent)
        .set("day_from", Date.valueOf(span.get(0)))
        .set("day_to", Date.valueOf(span.get(1)))
        .set("department", f.text("部门", "客服分组", "分组"))
        .set("layout", format.id)
        .set("consulted_buyers", f.metricCount("咨询人数"))
        .set("received_buyers", f.metricCount("接待人数"))
        .set("inquiry_buyers", f.metricCount("询单人数"))
        .set("ordered_buyers", f.metricCount("询单->最终下单人数"))
        .set("paid_buyers", f.metricCount("询单->最终付款人数"))
        .set("paid_next_day_buyers", f.metricCount("询单->次日付款人数"))
        .set("paying_buyers", f.metricCount("销售人数"))
        .set("sales", f.metricMoney("销售额", "销售额、是否扣除退款、是否扣除邮费"))
        .set("units", f.metricCount("销售量"))
        .set("orders", f.metricCount("订单数"))
        .set("buyer_messages", f.metricCount("买家消息"))
        .set("agent_messages", f.metricCount("客服消息"))
        .set("answer_ratio", f.metricRatio("答问比", "客服答问比"))
        .set("reply_rate", f.metricRate("回复率", "客服回复率", "旺旺回复率"))
        .set("first_response_seconds", f.metricSeconds("首次响应(秒)", "首次响应时间",
            "首次平均响应(s)"))
        .set("avg_response_seconds", f.metricSeconds("平均响应(秒)", "平均响应时间"))
        .set("avg_reception_seconds", f.metricSeconds("平均接待时长(秒)", "平均接待(秒)",
            "平均接待时长"))
        .set("slow_response_buyers", f.metricCount("慢响应人数"))
        .set("transferred_out", f.metricCount("转出人数"))
        .set("refund_rate", f.metricRate("退款率"));
    notMore(f, out, "ordered_buyers", "询单->最终下单人数", "inquiry_buyers", "询单人数");
    notMore(f, out, "paid_buyers", "询单->最终付款人数", "inquiry_buyers", "询单人数");
    notMore(f, out, "paid_next_day_buyers", "询单->次日付款人数", "paid_buyers", "询单->最终付款人数");
  }

  /** A funnel step cannot count more buyers than the step it narrows. */
  private static void notMore(Fields f, Parsed.Builder out, String part, String partHeader,
      String whole, String wholeHeader) {
    Long p = (Long) out.get(part);
    Long w = (Long) out.get(whole);
    if (p != null && w != null && p > w) {
      throw f.reject(new String[] {partHeader}, "more buyers than " + wholeHeader,
          wholeHeader + " " + w);
    }
  }

  /** The span a 人均日接入 export states in its file name, else null. */
  static List<LocalDate> fileSpan(String sourceFile) {
    String name = sourceFile.substring(sourceFile.lastIndexOf('/') + 1);
    Matcher m = FILE_SPAN.matcher(name);
    if (!m.find()) {
      return null;
    }
    try {
      LocalDate from = LocalDate.parse(m.group(1));
      LocalDate to = LocalDate.parse(m.group(2));
      return to.isBefore(from) ? null : List.of(from, to);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
