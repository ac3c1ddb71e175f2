package kefu.pay;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kefu.pay.AgentMonth.Activity;
import kefu.pay.AgentMonth.Credit;
import kefu.pay.AgentMonth.PayMonth;
import kefu.pay.AgentMonth.Roster;
import kefu.pay.PayFacts.AgentDay;
import kefu.pay.PayFacts.CategoryMoney;
import kefu.pay.PayFacts.RosterAgent;
import kefu.pay.PayFacts.SilentMoney;

/**
 * The agent-months of the paid months, and the finer facts some components read: credited money
 * per category ({@link SalesCommission}, {@link ReturnDeduction}), each day's paid orders
 * ({@link PieceRate}) and the shop's silent money ({@link SilentPool}); and what the facts cannot
 * tell ({@link PayGaps}: a review from the per-agent exports without chats).
 *
 * <p>Paid agent-months: roster agents for the months they were employed (in the roster's shop,
 * else the first shop they worked in), plus agents seen in the data but missing from the roster.
 */
public record PayInputs(
    List<AgentMonth> agentMonths,
    Map<String, List<CategoryMoney>> categoryMonths,
    Map<String, List<Long>> dailyPaidOrders,
    Map<String, SilentMoney> silentMonths,
    PayGaps gaps) {

  /** The category money of an agent-month (empty when it has none). */
  List<CategoryMoney> categoryMoney(AgentMonth m) {
    return categoryMonths.getOrDefault(m.key(), List.of());
  }

  /** Every day's credited paid orders of an agent-month (empty when it has no agent_daily day). */
  List<Long> paidOrdersByDay(AgentMonth m) {
    return dailyPaidOrders.getOrDefault(m.key(), List.of());
  }

  SilentMoney silent(String shopId, String month) {
    return silentMonths.get(shopId + "\u0000" + month);
  }

  /** The inputs of {@code months} ('YYYY-MM'), from facts that tell everything (chats). */
  public static PayInputs build(PayConfig config, PayFacts facts, List<String> months) {
    return build(config, facts, months, PayGaps.NONE);
  }

  /** The inputs of {@code months} ('YYYY-MM'); {@code gaps} says what the facts cannot tell. */
  public static PayInputs build(PayConfig config, PayFacts facts, List<String> months,
      PayGaps gaps) {
    Map<String, PayMonth> monthTable = monthTable(config, months);

    Map<String, AgentMonthKey> activeKeys = new LinkedHashMap<>();
    Map<String, List<AgentDay>> daysByKey = new HashMap<>();
    Map<String, List<Long>> dailyPaidOrders = new HashMap<>();
    for (AgentDay d : facts.agentDays()) {
      if (monthTable.containsKey(d.month())) {
        String key = AgentMonth.key(d.shopId(), d.agentId(), d.month());
        activeKeys.putIfAbsent(key, new AgentMonthKey(d.shopId(), d.agentId(), d.month()));
        daysByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
        dailyPaidOrders.computeIfAbsent(key, k -> new ArrayList<>()).add(d.paidOrders());
      }
    }
    Map<String, List<CategoryMoney>> categoryMonths = new HashMap<>();
    for (CategoryMoney c : facts.categoryMonths()) {
      if (monthTable.containsKey(c.month())) {
        categoryMonths.computeIfAbsent(AgentMonth.key(c.shopId(), c.agentId(), c.month()),
            k -> new ArrayList<>()).add(c);
      }
    }
    Map<String, SilentMoney> silent = new HashMap<>();
    for (SilentMoney s : facts.silentMonths()) {
      if (monthTable.containsKey(s.month())) {
        silent.put(s.shopId() + "\u0000" + s.month(), s);
      }
    }

    MinimumWages wages = new MinimumWages(config);
    List<AgentMonth> agentMonths = new ArrayList<>();
    for (Employed e : employed(config, facts.roster(), activeKeys.values(), monthTable)) {
      String key = AgentMonth.key(e.shopId(), e.agentId(), e.month().label());
      agentMonths.add(new AgentMonth(e.shopId(), e.agentId(), e.month(), e.roster(),
          e.employedDays(), activity(daysByKey.get(key)), credit(categoryMonths.get(key)),
          facts.receptionHours().getOrDefault(key, 0.0),
          wages.monthly(e.month().year(), e.roster().city(), e.roster().cityTier())));
    }
    return new PayInputs(agentMonths, categoryMonths, dailyPaidOrders, silent, gaps);
  }

  /** month, year, quarter, season, first and last day for the paid months. */
  static Map<String, PayMonth> monthTable(PayConfig config, List<String> months) {
    Map<String, PayMonth> table = new TreeMap<>();
    for (String m : new TreeSet<>(months)) {
      YearMonth ym = YearMonth.parse(m);
      table.put(m, new PayMonth(m, ym.getYear(),
          ym.getYear() + "Q" + ((ym.getMonthValue() - 1) / 3 + 1),
          config.peakMonths().contains(ym.getMonthValue()) ? "peak" : "normal", ym.atDay(1),
          ym.atEndOfMonth(), ym.lengthOfMonth()));
    }
    return table;
  }

  private record AgentMonthKey(String shopId, String agentId, String month) {}

  private record Employed(String shopId, String agentId, PayMonth month, Roster roster,
      int employedDays) {}

  /**
   * Roster agents in every month they were employed (hired_on and left_on inclusive), and agents
   * with activity but no roster row, employed all month with the defaults.
   */
  private static List<Employed> employed(PayConfig config, List<RosterAgent> roster,
      Iterable<AgentMonthKey> active, Map<String, PayMonth> months) {
    Map<String, String> dataShop = new HashMap<>();
    for (AgentMonthKey k : active) {
      dataShop.merge(k.agentId(), k.shopId(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
    int defaultTier = config.defaultCityTier();
    List<Employed> out = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (RosterAgent a : roster) {
      listed.add(a.agentId());
      String shop = a.shopId() != null ? a.shopId() : dataShop.get(a.agentId());
      if (shop == null) {
        continue;
      }
      Roster attributes = new Roster(a.team(), orElse(a.sourcing(), "in_house"),
          orElse(a.role(), "pre_sales"), orElse(a.employment(), "full_time"), a.city(),
          a.cityTier() != null ? a.cityTier() : defaultTier, a.hiredOn(), a.leftOn());
      for (PayMonth m : months.values()) {
        LocalDate start = a.hiredOn() == null || a.hiredOn().isBefore(m.start()) ? m.start()
            : a.hiredOn();
        LocalDate end = a.leftOn() == null || a.leftOn().isAfter(m.end()) ? m.end() : a.leftOn();
        long days = Math.max(0, ChronoUnit.DAYS.between(start, end) + 1);
        if (days > 0) {
          out.add(new Employed(shop, a.agentId(), m, attributes, (int) days));
        }
      }
    }
    Roster unlisted = new Roster(null, "in_house", "pre_sales", "full_time", null, defaultTier,
        null, null);
    for (AgentMonthKey k : active) {
      if (!listed.contains(k.agentId())) {
        PayMonth m = months.get(k.month());
        out.add(new Employed(k.shopId(), k.agentId(), m, unlisted, m.days()));
      }
    }
    return out;
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }

  private static Activity activity(List<AgentDay> days) {
    if (days == null) {
      return Activity.NONE;
    }
    long active = 0;
    long[] s = new long[13];
    for (AgentDay d : days) {
      active += d.isActive() ? 1 : 0;
      s[0] += d.receptions();
      s[1] += d.repliedReceptions();
      s[2] += d.inquiryBuyers();
      s[3] += d.inquiryPaidBuyers();
      s[4] += d.paidOrders();
      s[5] += d.responseSecondsSum();
      s[6] += d.answeredBuyerMessages();
      s[7] += d.dsrServiceSum();
      s[8] += d.dsrServiceCount();
      s[9] += d.dsrDescriptionSum();
      s[10] += d.dsrDescriptionCount();
      s[11] += d.dsrLogisticsSum();
      s[12] += d.dsrLogisticsCount();
    }
    return new Activity(active, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9],
        s[10], s[11], s[12]);
  }

  /** The month's credited money and the category of most of its sales (ties: the last name). */
  private static Credit credit(List<CategoryMoney> money) {
    if (money == null) {
      return Credit.NONE;
    }
    BigDecimal sales = BigDecimal.ZERO;
    BigDecimal refunds = BigDecimal.ZERO;
    BigDecimal returns = BigDecimal.ZERO;
    CategoryMoney main = null;
    for (CategoryMoney c : money) {
      sales = sales.add(c.salesGross());
      refunds = refunds.add(c.refundAmount());
      returns = returns.add(c.returnRefundAmount());
      if (main == null || c.salesGross().compareTo(main.salesGross()) > 0
          || c.salesGross().compareTo(main.salesGross()) == 0
              && c.category().compareTo(main.category()) > 0) {
        main = c;
      }
    }
    return new Credit(Money.fen(sales), Money.fen(refunds), Money.fen(returns),
        main.category());
  }
}
