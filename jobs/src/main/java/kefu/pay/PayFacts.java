package kefu.pay;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;

/**
 * The aggregates the replay reads, collected once from the row tier: the agents' days (the
 * agent_daily mart, people only), credited money per agent, month and category, silent money per
 * shop and month, hours in receptions per agent-month, and the roster. All are small (agents x
 * days at most); everything after them is plain Java.
 */
public record PayFacts(List<AgentDay> agentDays, List<CategoryMoney> categoryMonths,
    List<SilentMoney> silentMonths, Map<String, Double> receptionHours,
    List<RosterAgent> roster) {

  /** One row of agent_daily: the measures pay reads. */
  public record AgentDay(String shopId, String agentId, LocalDate date, long receptions,
      long repliedReceptions, long inquiryBuyers, long inquiryPaidBuyers, long paidOrders,
      long responseSecondsSum, long answeredBuyerMessages, long dsrServiceSum,
      long dsrServiceCount, long dsrDescriptionSum, long dsrDescriptionCount,
      long dsrLogisticsSum, long dsrLogisticsCount) {

    public String month() {
      return date.toString().substring(0, 7);
    }

    boolean isActive() {
      return receptions > 0 || paidOrders > 0;
    }

    /** This day with its credit measures replaced (another attribution rule's). */
    public AgentDay withCredit(long paidOrders, long inquiryPaidBuyers) {
      return new AgentDay(shopId, agentId, date, receptions, repliedReceptions, inquiryBuyers,
          inquiryPaidBuyers, paidOrders, responseSecondsSum, answeredBuyerMessages,
          dsrServiceSum, dsrServiceCount, dsrDescriptionSum, dsrDescriptionCount,
          dsrLogisticsSum, dsrLogisticsCount);
    }
  }

  /**
   * Money credited to an agent in a month and category: sales by paid month, refunds and those
   * that required a return by completion month.
   */
  public record CategoryMoney(String shopId, String agentId, String month, String category,
      BigDecimal salesGross, BigDecimal refundAmount, BigDecimal returnRefundAmount) {}

  /** Silent (no agent credited) sales by paid month and their refunds by completion month. */
  public record SilentMoney(String shopId, String month, BigDecimal salesGross,
      BigDecimal refunds) {}

  /** A roster row of the canonical agents table. */
  public record RosterAgent(String agentId, String shopId, String team, String sourcing,
      String role, String employment, String city, Integer cityTier, LocalDate hiredOn,
      LocalDate leftOn) {}

  /** The category of money without one. */
  public static final String UNKNOWN_CATEGORY = "unknown";

  /**
   * From the collected tables of the row tier (kefu.facts): agent_daily (people only), credited
   * sales (shop_id, agent_id, month, category, sales_gross) and refunds (..., refund_amount,
   * return_refund_amount) by month, silent money (shop_id, month, silent_sales_gross,
   * silent_refunds; a null part counts 0), reception hours (shop_id, agent_id, month,
   * reception_hours) and the canonical agents table.
   */
  public static PayFacts of(LocalTable agentDaily, LocalTable sales, LocalTable refunds,
      LocalTable silent, LocalTable hours, LocalTable agents) {
    return new PayFacts(agentDays(agentDaily), categoryMonths(sales, refunds),
        silentMonths(silent), receptionHours(hours), roster(agents));
  }

  /** The rows of the agent_daily mart. */
  public static List<AgentDay> agentDays(LocalTable agentDaily) {
    List<AgentDay> days = new ArrayList<>(agentDaily.size());
    for (Row r : agentDaily.rows()) {
      days.add(new AgentDay(r.getAs("shop_id"), r.getAs("agent_id"), date(r, "business_date"),
          count(r, "receptions"), count(r, "replied_receptions"), count(r, "inquiry_buyers"),
          count(r, "inquiry_paid_buyers"), count(r, "paid_orders"),
          count(r, "response_seconds_sum"), count(r, "answered_buyer_messages"),
          count(r, "dsr_service_sum"), count(r, "dsr_service_count"),
          count(r, "dsr_description_sum"), count(r, "dsr_description_count"),
          count(r, "dsr_logistics_sum"), count(r, "dsr_logistics_count")));
    }
    return days;
  }

  /** Credited sales and refunds of the same agent, month and category on one row. */
  public static List<CategoryMoney> categoryMonths(LocalTable sales, LocalTable refunds) {
    Map<List<String>, BigDecimal[]> money = new java.util.LinkedHashMap<>();
    for (Row r : sales.rows()) {
      money.computeIfAbsent(key(r, "shop_id", "agent_id", "month", "category"), k -> zeros(3))
          [0] = r.getAs("sales_gross");
    }
    for (Row r : refunds.rows()) {
      BigDecimal[] m = money.computeIfAbsent(key(r, "shop_id", "agent_id", "month", "category"),
          k -> zeros(3));
      m[1] = r.getAs("refund_amount");
      m[2] = r.getAs("return_refund_amount");
    }
    List<CategoryMoney> out = new ArrayList<>(money.size());
    money.forEach((k, m) -> out.add(new CategoryMoney(k.get(0), k.get(1), k.get(2), k.get(3),
        m[0], m[1], m[2])));
    return out;
  }

  /** Silent sales and refunds of a shop-month on one row. */
  public static List<SilentMoney> silentMonths(LocalTable silent) {
    Map<List<String>, BigDecimal[]> money = new java.util.LinkedHashMap<>();
    for (Row r : silent.rows()) {
      BigDecimal[] m = money.computeIfAbsent(key(r, "shop_id", "month"), k -> zeros(2));
      BigDecimal sales = r.getAs("silent_sales_gross");
      BigDecimal refunds = r.getAs("silent_refunds");
      m[0] = sales == null ? m[0] : m[0].add(sales);
      m[1] = refunds == null ? m[1] : m[1].add(refunds);
    }
    List<SilentMoney> out = new ArrayList<>(money.size());
    money.forEach((k, m) -> out.add(new SilentMoney(k.get(0), k.get(1), m[0], m[1])));
    return out;
  }

  public static Map<String, Double> receptionHours(LocalTable hours) {
    Map<String, Double> receptionHours = new HashMap<>();
    for (Row r : hours.rows()) {
      receptionHours.put(AgentMonth.key(r.getAs("shop_id"), r.getAs("agent_id"),
          r.getAs("month")), r.getAs("reception_hours"));
    }
    return receptionHours;
  }

  public static List<RosterAgent> roster(LocalTable agents) {
    List<RosterAgent> roster = new ArrayList<>(agents.size());
    for (Row r : agents.rows()) {
      roster.add(new RosterAgent(r.getAs("agent_id"), r.getAs("shop_id"), r.getAs("team"),
          r.getAs("sourcing"), r.getAs("role"), r.getAs("employment"), r.getAs("city"),
          r.getAs("city_tier"), date(r, "hired_on"), date(r, "left_on")));
    }
    return roster;
  }

  private static List<String> key(Row r, String... columns) {
    List<String> key = new ArrayList<>(columns.length);
    for (String c : columns) {
      key.add(r.getAs(c));
    }
    return key;
  }

  private static BigDecimal[] zeros(int n) {
    BigDecimal[] z = new BigDecimal[n];
    java.util.Arrays.fill(z, BigDecimal.ZERO.setScale(2));
    return z;
  }

  private static long count(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? 0L : ((Number) v).longValue();
  }

  private static LocalDate date(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? null : v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
  }
}
