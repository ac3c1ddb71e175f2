package kefu.generate;

import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Column;

/**
 * The agents of every shop over the period, built on the driver. Each shop has seats (pre-sales,
 * after-sales, optionally an outsourced 外包部门 team and a part-time seat); a seat is held by a
 * sequence of agents, each staying a heavy-tailed tenure (most leave after months: turnover).
 */
final class AgentRoster {

  record Agent(int index, int shop, String agentId, String nick, String displayName, String team,
      boolean outsourced, boolean preSales, boolean partTime, String city, int cityTier,
      LocalDate hiredOn, LocalDate leftOn, double skill, double conversion,
      double responseSeconds) {

    boolean activeOn(LocalDate day, boolean peakDay) {
      boolean employed = !day.isBefore(hiredOn) && (leftOn == null || !day.isAfter(leftOn));
      if (!employed) {
        return false;
      }
      // Part-timers cover weekends and promotion days only.
      if (partTime) {
        DayOfWeek dow = day.getDayOfWeek();
        return peakDay || dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
      }
      return true;
    }

    /** New hires convert less for their first month. */
    double conversionOn(LocalDate day) {
      long daysIn = day.toEpochDay() - hiredOn.toEpochDay();
      return daysIn < 30 ? conversion * 0.8 : conversion;
    }

    double capacity() {
      return partTime ? 0.6 : 1.0;
    }
  }

  private static final String[] NICKS = {"小美", "阿杰", "晓雯", "木子", "安安", "小鹿", "橙子", "七七", "大白",
      "糖糖", "阿宁", "若曦", "米粒", "小鱼", "豆豆", "可乐", "西西", "果果", "小雨", "乐乐", "阿澈", "南风",
      "小满", "一一", "朵朵", "阿May", "Coco", "Amy", "小K", "芒果", "栗子", "布丁", "青青", "星星", "暖暖", "悠悠"};
  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
      "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
  private static final String[] GIVEN = {"丽", "婷", "静", "敏", "燕", "芳", "佳", "琳", "浩", "宇", "杰", "磊",
      "欣怡", "子涵", "雨萱", "晨", "梦琪", "思远", "嘉怡", "文博"};
  private static final String[][] OUTSOURCING_CITIES = {{"宿迁", "3"}, {"合肥", "2"}, {"赣州", "3"},
      {"南昌", "2"}};

  final List<Agent> agents;

  private AgentRoster(List<Agent> agents) {
    this.agents = List.copyOf(agents);
  }

  private record Seat(String team, boolean outsourced, boolean preSales, boolean partTime) {}

  static AgentRoster build(List<ShopProfile> shops, LocalDate from, LocalDate to, long seed) {
    List<Agent> agents = new ArrayList<>();
    for (ShopProfile shop : shops) {
      SplittableRandom rng = new SplittableRandom(seed * 7_777_777L + shop.index() * 65_537L + 3);
      List<String> nicks = new ArrayList<>(List.of(NICKS));
      for (int i = nicks.size() - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        String t = nicks.get(i);
        nicks.set(i, nicks.get(j));
        nicks.set(j, t);
      }
      int nickUse = 0;
      for (Seat seat : seats(shop)) {
        String outsourcingCity = null;
        int outsourcingTier = 0;
        if (seat.outsourced()) {
          String[] c = OUTSOURCING_CITIES[shop.index() % OUTSOURCING_CITIES.length];
          outsourcingCity = c[0];
          outsourcingTier = Integer.parseInt(c[1]);
        }
        LocalDate start = from.minusDays(rng.nextInt(420));
        while (!start.isAfter(to)) {
          long tenure = rng.nextDouble() < 0.72
              ? Math.round(180 * Math.exp(0.55 * gaussian(rng)))
              : 500 + rng.nextInt(1000);
          tenure = Math.max(35, tenure);
          LocalDate left = start.plusDays(tenure);
          LocalDate leftOn = left.isAfter(to) ? null : left;
          if (leftOn == null || !leftOn.isBefore(from)) {
            String nick = nicks.get(nickUse % nicks.size())
                + (nickUse >= nicks.size() ? String.valueOf(nickUse / nicks.size() + 1) : "");
            nickUse++;
            double skill = seat.outsourced() ? 0.1 + 0.6 * rng.nextDouble() : rng.nextDouble();
            double conversion = 0.30 + 0.32 * skill + 0.03 * gaussian(rng);
            double response = 55 - 38 * skill + (seat.outsourced() ? 8 : 0)
                + (seat.partTime() ? 6 : 0) + 4 * gaussian(rng);
            agents.add(new Agent(agents.size(), shop.index(), shop.name() + ":" + nick, nick,
                SURNAMES[rng.nextInt(SURNAMES.length)] + GIVEN[rng.nextInt(GIVEN.length)],
                seat.team(), seat.outsourced(), seat.preSales(), seat.partTime(),
                seat.outsourced() ? outsourcingCity : seat.partTime() && rng.nextBoolean()
                    ? "赣州" : shop.city(),
                seat.outsourced() ? outsourcingTier : seat.partTime() ? 3 : shop.cityTier(),
                start, leftOn, skill, Math.min(0.68, Math.max(0.25, conversion)),
                Math.max(8, response)));
          }
          if (leftOn == null) {
            break;
          }
          // The seat is refilled after a short vacancy.
          start = left.plusDays(1 + rng.nextInt(10));
        }
      }
    }
    return new AgentRoster(agents);
  }

  private static List<Seat> seats(ShopProfile shop) {
    List<Seat> seats = new ArrayList<>();
    int preSeats = 2 + (int) Math.floor(shop.size() * 2.2);
    for (int i = 0; i < preSeats; i++) {
      seats.add(new Seat(i % 2 == 0 ? "售前一组" : "售前二组", false, true, false));
    }
    seats.add(new Seat("售后组", false, false, false));
    if (shop.size() > 0.6) {
      seats.add(new Seat("售后组", false, false, false));
    }
    if (shop.outsourcedTeam()) {
      seats.add(new Seat("外包部门", true, true, false));
      seats.add(new Seat("外包部门", true, true, false));
    }
    if (shop.partTimeSeat()) {
      seats.add(new Seat("兼职组", false, true, true));
    }
    return seats;
  }

  private static double gaussian(SplittableRandom rng) {
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  List<Agent> activeOn(int shop, LocalDate day, boolean peakDay, boolean preSales) {
    List<Agent> active = new ArrayList<>();
    for (Agent a : agents) {
      if (a.shop() == shop && a.preSales() == preSales && a.activeOn(day, peakDay)) {
        active.add(a);
      }
    }
    return active;
  }

  Column agentId(Column agent) {
    return element_at(lit(agents.stream().map(Agent::agentId).toArray(String[]::new)),
        agent.plus(1));
  }

  Column skill(Column agent) {
    return element_at(lit(agents.stream().mapToDouble(Agent::skill).toArray()), agent.plus(1));
  }

  Column responseSeconds(Column agent) {
    return element_at(lit(agents.stream().mapToDouble(Agent::responseSeconds).toArray()),
        agent.plus(1));
  }

  /** agents.csv in the roster format of docs/formats.md (UTF-8, English headers). */
  String csv() {
    StringBuilder out = new StringBuilder(
        "agent_id,shop_id,display_name,team,sourcing,role,employment,city,city_tier,hired_on,"
            + "left_on\n");
    for (Agent a : agents) {
      String shopName = a.agentId().substring(0, a.agentId().indexOf(':'));
      out.append(a.agentId()).append(',').append(shopName).append(',').append(a.displayName())
          .append(',').append(a.team()).append(',')
          .append(a.outsourced() ? "outsourced" : "in_house").append(',')
          .append(a.preSales() ? "pre_sales" : "after_sales").append(',')
          .append(a.partTime() ? "part_time" : "full_time").append(',')
          .append(a.city()).append(',').append(a.cityTier()).append(',')
          .append(a.hiredOn()).append(',').append(a.leftOn() == null ? "" : a.leftOn())
          .append('\n');
    }
    return out.toString();
  }
}
