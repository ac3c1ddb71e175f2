package kefu.generate;

import static kefu.generate.ExportCells.ISO_TIME;
import static kefu.generate.ExportCells.money;
import static kefu.generate.ExportCells.time;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.types.DataTypes.LongType;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kefu.derive.FunnelReference;
import kefu.derive.FunnelReference.AgentDayKey;
import kefu.derive.FunnelReference.BuyerFunnel;
import kefu.derive.FunnelReference.Inquiry;
import kefu.derive.FunnelReference.Part;
import kefu.derive.FunnelReference.Received;
import kefu.derive.FunnelReference.Reception;
import kefu.derive.FunnelReference.Sale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The 赤兔 per-agent exports of the generated history (domain brief Part 2 §2.4), worked out
 * with {@link FunnelReference} from the very chat and order rows the sample's CSV holds, so a
 * review of the sample finds in them the figures it computes itself:
 *
 * <ul>
 *   <li>{@code chitu-presales/<店铺名>.csv}, 售前明细: one row per agent and business day the agent
 *       received a buyer, had an inquiry or was credited a sale, with a 日期 column before the
 *       export's own. 接待人数 is kefu's receptions of the agent (a buyer received twice that day
 *       counts twice), 询单人数, 询单->最终下单人数, 询单->最终付款人数 and 询单->次日付款人数 its inquiry
 *       buyers of the day and what they did on that day or the next, 销售额 the paid amount of the
 *       orders credited to the agent on their payment day (sub-order amounts without postage, as
 *       kefu reads the sample's 宝贝报表), 客单价 / 客件数 per paying buyer; 客服回复率, 平均响应时间,
 *       首次响应时间 (seconds) and 客服答问比 as kefu's reception parts give them, 转出人数 the buyers
 *       the agent handed to another agent. Columns the generator has no basis for (邮费总额, 手工折扣率,
 *       平均接待时长, the 静默/协助 columns, 慢响应人数, 退款率) are empty, never 0.
 *   <li>{@code chitu-hourly/<店铺名>.csv}, 分时接待: one row per day of the history, the receptions
 *       that started in each local hour 0 … 23 (those nobody replied to included) and 全天.
 * </ul>
 *
 * GBK with CRLF as the Windows tool writes them; rates as "45.00%", money in yuan. The shop is the
 * file name, as in a download a shop renames per store. Worked out on the driver in one sorted
 * pass over the messages, buyer by buyer, with each shop's order lines held in memory.
 */
public final class AgentExportFiles {
  public static final String PRESALES_FOLDER = "chitu-presales";
  public static final String HOURLY_FOLDER = "chitu-hourly";

  static final List<String> PRESALES_HEADER = List.of("日期", "客服", "接待人数", "询单人数",
      "询单->最终付款人数", "询单->最终付款成功率", "客件数", "客单价", "邮费总额", "手工折扣率", "客服回复率",
      "平均响应时间", "首次响应时间", "平均接待时长", "平均接待时长(秒)", "静默下单本人落实付款-人数",
      "静默下单本人落实付款-金额", "销售额", "客服答问比", "慢响应人数", "询单->最终下单人数", "下单->最终付款成功率",
      "全静默单本人跟进-人数", "询单->次日付款人数", "询单->次日付款成功率", "协助跟进人数", "协助下单人数", "转出人数",
      "退款率");

  static final List<String> HOURLY_HEADER = hourlyHeader();

  private static final Charset GBK = Charset.forName("GBK");
  private static final String EOL = "\r\n";
  private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern(ISO_TIME);

  /** What was written: 售前明细 rows (agent-days) and 分时接待 rows (shop-days). */
  record Written(long agentDays, long shopDays) {}

  private final FileSystem fs;
  private final Path root;

  AgentExportFiles(FileSystem fs, Path root) {
    this.fs = fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
    this.root = root;
  }

  /**
   * @param messages {@link ChatHistory#withReception} rows, as the chat export writes them
   * @param lines the order history exploded to lines ({@link OrderExports#lines})
   */
  Written write(Dataset<Row> messages, Dataset<Row> lines, SampleWorld w) {
    ZoneId zone = ZoneId.of(w.options.timeZone());
    Map<AgentDayKey, Figures> agentDays = new TreeMap<>(KEY_ORDER);
    Map<String, Map<LocalDate, long[]>> hours = new HashMap<>();
    Map<List<String>, List<FunnelReference.OrderLine>> ordersByBuyer = orderLines(lines, w, zone);
    Iterator<Row> rows = messages.select("店铺名称", "买家昵称", "客服昵称", "发送方", "发送时间")
        .orderBy("店铺名称", "买家昵称", "发送时间").toLocalIterator();
    List<FunnelReference.Message> buyer = new ArrayList<>();
    while (rows.hasNext()) {
      FunnelReference.Message m = message(rows.next(), zone);
      if (!buyer.isEmpty() && !(buyer.get(0).shop().equals(m.shop())
          && buyer.get(0).buyer().equals(m.buyer()))) {
        tally(buyer, ordersByBuyer, zone, agentDays, hours);
        buyer = new ArrayList<>();
      }
      buyer.add(m);
    }
    if (!buyer.isEmpty()) {
      tally(buyer, ordersByBuyer, zone, agentDays, hours);
    }
    try {
      long agentRows = 0;
      long shopRows = 0;
      for (ShopProfile shop : w.shops) {
        agentRows += writePresales(shop.name(), agentDays);
        shopRows += writeHourly(shop.name(), hours.getOrDefault(shop.name(), Map.of()),
            w.options.from(), w.options.to());
      }
      return new Written(agentRows, shopRows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every order line, by shop name and buyer nickname (the keys the chats carry). */
  private static Map<List<String>, List<FunnelReference.OrderLine>> orderLines(
      Dataset<Row> lines, SampleWorld w, ZoneId zone) {
    Iterator<Row> rows = lines.select(
        w.shopName(col("shop")).as("shop"),
        BuyerIdentity.nickname(w.seed, col("buyer_no")).as("buyer"),
        OrderExports.orderNumber().as("order_id"),
        money(col("line").getField("paid")).as("paid_amount"),
        col("line").getField("qty").cast(LongType).as("quantity"),
        time(col("created"), w.origin(), ISO_TIME).as("created_at"),
        time(col("paid"), w.origin(), ISO_TIME).as("paid_at")).toLocalIterator();
    Map<List<String>, List<FunnelReference.OrderLine>> out = new HashMap<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      String shop = r.getString(0);
      String buyer = r.getString(1);
      out.computeIfAbsent(List.of(shop, buyer), k -> new ArrayList<>())
          .add(new FunnelReference.OrderLine(r.getString(2), shop, buyer,
              new BigDecimal(r.getString(3)), instant(r.getString(5), zone),
              r.isNullAt(6) ? null : instant(r.getString(6), zone), r.getLong(4)));
    }
    return out;
  }

  private static FunnelReference.Message message(Row r, ZoneId zone) {
    String sender = switch (r.getString(3)) {
      case ChatHistory.BUYER -> "buyer";
      case ChatHistory.AGENT -> "agent";
      default -> "bot";
    };
    String agent = r.getString(2);
    return new FunnelReference.Message(r.getString(0), r.getString(1),
        agent == null || agent.isEmpty() ? null : agent, sender, instant(r.getString(4), zone));
  }

  private static Instant instant(String wallClock, ZoneId zone) {
    return LocalDateTime.parse(wallClock, CSV_TIME).atZone(zone).toInstant();
  }

  /** One buyer's funnel added to the agent-days and to the shop's receptions by hour. */
  private static void tally(List<FunnelReference.Message> messages,
      Map<List<String>, List<FunnelReference.OrderLine>> ordersByBuyer, ZoneId zone,
      Map<AgentDayKey, Figures> agentDays, Map<String, Map<LocalDate, long[]>> hours) {
    FunnelReference.Message any = messages.get(0);
    BuyerFunnel f = FunnelReference.ofBuyer(messages,
        ordersByBuyer.getOrDefault(List.of(any.shop(), any.buyer()), List.of()), zone);
    Set<AgentDayKey> paying = new HashSet<>();
    Set<AgentDayKey> transferring = new HashSet<>();
    for (Reception r : f.receptions()) {
      var start = r.first().at().atZone(zone);
      hours.computeIfAbsent(f.shop(), s -> new HashMap<>())
          .computeIfAbsent(start.toLocalDate(), d -> new long[24])[start.getHour()]++;
    }
    for (Received received : f.received()) {
      Figures day = agentDays.computeIfAbsent(received.key(), k -> new Figures());
      Map<String, Part> parts = received.reception().parts();
      Part part = parts.get(received.key().agent());
      day.receptions++;
      day.repliedReceptions += part.answered > 0 ? 1 : 0;
      day.buyerMessages += part.buyerMessages;
      day.agentMessages += part.agentMessages;
      day.answered += part.answered;
      day.responseSeconds += part.responseSeconds;
      if (part.firstResponseSeconds != null) {
        day.firstResponses++;
        day.firstResponseSeconds += part.firstResponseSeconds;
      }
      List<String> agents = new ArrayList<>(received.reception().agentsReceivedAt().keySet());
      if (agents.indexOf(received.key().agent()) < agents.size() - 1) {
        transferring.add(received.key());
      }
    }
    for (Inquiry i : f.inquiries()) {
      Figures day = agentDays.computeIfAbsent(i.key(), k -> new Figures());
      day.inquiryBuyers++;
      day.orderedBuyers += i.ordered() ? 1 : 0;
      day.paidBuyers += i.paid() ? 1 : 0;
      day.paidNextDayBuyers += i.paidNextDay() ? 1 : 0;
    }
    for (Sale s : f.sales()) {
      Figures day = agentDays.computeIfAbsent(s.key(), k -> new Figures());
      day.sales = day.sales.add(s.amount());
      day.units += s.units();
      paying.add(s.key());
    }
    paying.forEach(k -> agentDays.get(k).payingBuyers++);
    transferring.forEach(k -> agentDays.get(k).transferredOut++);
  }

  /** One agent's day as the export states it. */
  static final class Figures {
    long receptions;
    long repliedReceptions;
    long buyerMessages;
    long agentMessages;
    long answered;
    long responseSeconds;
    long firstResponses;
    long firstResponseSeconds;
    long transferredOut;
    long inquiryBuyers;
    long orderedBuyers;
    long paidBuyers;
    long paidNextDayBuyers;
    long payingBuyers;
    long units;
    BigDecimal sales = BigDecimal.ZERO.setScale(2);

    /** The row's cells in {@link #PRESALES_HEADER} order; empty where there is no basis. */
    List<String> cells(LocalDate day, String agent) {
      return List.of(day.toString(), agent, Long.toString(receptions),
          Long.toString(inquiryBuyers), Long.toString(paidBuyers),
          percent(paidBuyers, inquiryBuyers), decimal(units, payingBuyers),
          payingBuyers == 0 ? "" : sales.divide(BigDecimal.valueOf(payingBuyers), 2,
              RoundingMode.HALF_UP).toPlainString(),
          "", "", percent(repliedReceptions, receptions), decimal(responseSeconds, answered),
          decimal(firstResponseSeconds, firstResponses), "", "", "", "",
          sales.toPlainString(), decimal(agentMessages, buyerMessages), "",
          Long.toString(orderedBuyers), percent(paidBuyers, orderedBuyers), "",
          Long.toString(paidNextDayBuyers), percent(paidNextDayBuyers, inquiryBuyers), "", "",
          Long.toString(transferredOut), "");
    }
  }

  /** "45.00%", or empty when nothing was counted. */
  static String percent(long numerator, long denominator) {
    return denominator == 0 ? "" : BigDecimal.valueOf(numerator * 100L)
        .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  /** numerator ÷ denominator with 2 decimals, or empty when nothing was counted. */
  static String decimal(long numerator, long denominator) {
    return denominator == 0 ? "" : BigDecimal.valueOf(numerator)
        .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP).toPlainString();
  }

  private long writePresales(String shop, Map<AgentDayKey, Figures> agentDays)
      throws IOException {
    long rows = 0;
    try (Writer out = open(PRESALES_FOLDER, shop)) {
      line(out, PRESALES_HEADER);
      for (Map.Entry<AgentDayKey, Figures> e : agentDays.entrySet()) {
        if (e.getKey().shop().equals(shop)) {
          line(out, e.getValue().cells(e.getKey().day(), e.getKey().agent()));
          rows++;
        }
      }
    }
    return rows;
  }

  private long writeHourly(String shop, Map<LocalDate, long[]> byDay, LocalDate from,
      LocalDate to) throws IOException {
    long rows = 0;
    try (Writer out = open(HOURLY_FOLDER, shop)) {
      line(out, HOURLY_HEADER);
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        long[] counts = byDay.getOrDefault(d, new long[24]);
        List<String> cells = new ArrayList<>(List.of(d.toString()));
        long all = 0;
        for (long c : counts) {
          cells.add(Long.toString(c));
          all += c;
        }
        cells.add(Long.toString(all));
        line(out, cells);
        rows++;
      }
    }
    return rows;
  }

  private Writer open(String folder, String shop) throws IOException {
    return new BufferedWriter(new OutputStreamWriter(
        fs.create(new Path(new Path(root, folder), shop + ".csv"), true), GBK));
  }

  private static void line(Writer out, List<String> cells) throws IOException {
    out.write(String.join(",", cells));
    out.write(EOL);
  }

  private static List<String> hourlyHeader() {
    List<String> h = new ArrayList<>(List.of("日期"));
    for (int hour = 0; hour < 24; hour++) {
      h.add(Integer.toString(hour));
    }
    h.add("全天");
    return List.copyOf(h);
  }

  /** Rows by day, then agent: how a daily export reads. */
  private static final java.util.Comparator<AgentDayKey> KEY_ORDER = java.util.Comparator
      .comparing(AgentDayKey::shop).thenComparing(AgentDayKey::day)
      .thenComparing(AgentDayKey::agent);
}
