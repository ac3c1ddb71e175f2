package kefu.sourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kefu.calendar.PromotionCalendar;
import kefu.calendar.PromotionEvent;
import kefu.derive.Tables;
import kefu.facts.CreditFacts;
import kefu.table.LocalTable;
import kefu.testing.Local;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The four marts end to end on one small shop (seed 004: ~50 inquiries a day). The history runs
 * 2024-10-15 .. 2024-11-30: October is a partial month (17 of 31 days), November whole with one
 * 双11 day of 600 inquiries. Every buyer makes one 3-minute chat and is one inquiry; chats are
 * spread over 09:00–20:59 (双11: 08:00–23:59); agents are planned at 3 chats at once, so one
 * agent online covers a normal hour. Payroll: two tier-2 in-house agents at 4,000 (scheme S1).
 */
class SourcingMartsTest {
  static final LocalDate FIRST = LocalDate.of(2024, 10, 15);
  static final LocalDate LAST = LocalDate.of(2024, 11, 30);
  static final LocalDate DOUBLE_11 = LocalDate.of(2024, 11, 11);

  static LocalTable demand;
  static LocalTable payroll;
  static LocalTable shopSales;
  static SourcingConfig config = threeChatsAtOnce();

  /** The defaults with agents planned at 3 chats at once (factor 2.5). */
  static SourcingConfig threeChatsAtOnce() {
    SourcingConfig d = SourcingConfig.defaults();
    StaffingParameters s = d.staffing();
    return new SourcingConfig(new StaffingParameters(s.serviceLevelTarget(),
        s.serviceLevelSeconds(), s.shrinkage(), s.maxOccupancy(), s.minimumAgents(),
        s.minimumAgentsPerCoveredHour(), s.coveredFrom(), s.coveredTo(), s.nightFrom(),
        s.nightTo(), s.shiftHours(), s.contractedHoursPerMonth(), "3", s.cityTier(),
        s.payrollScheme(), s.messageBasis(), s.breakEvenMaxPerDay()), d.concurrency(),
        d.inHouse(), d.quotes(), d.priceBands());
  }

  @BeforeAll
  static void tables() {
    List<String[]> receptions = new ArrayList<>();
    List<String[]> inquiries = new ArrayList<>();
    List<String[]> paid = new ArrayList<>();
    for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
      boolean event = d.equals(DOUBLE_11);
      int n = event ? 600 : 50;
      int firstHour = event ? 8 : 9;
      int hours = event ? 16 : 12;
      for (int i = 0; i < n; i++) {
        int minuteOfSpan = i * hours * 60 / n;
        String start = String.format("%s %02d:%02d:00", d, firstHour + minuteOfSpan / 60,
            minuteOfSpan % 60);
        String agentStart = start.substring(0, 17) + "10";
        String end = String.format("%s %02d:%02d:00", d, firstHour + (minuteOfSpan + 3) / 60,
            (minuteOfSpan + 3) % 60);
        if (firstHour + (minuteOfSpan + 3) / 60 >= 24) {
          end = d + " 23:59:59";
        }
        String id = d + "-" + i;
        receptions.add(Tables.row(id, "s1", "b" + id, "a" + (i % 2), start, end, agentStart,
            d.toString(), "3", "3", "30", "10", "3", "true"));
        inquiries.add(Tables.row("s1", "a" + (i % 2), "b" + id, d.toString(), "true", "true",
            "100", "shoes"));
        if (i % 5 == 0) {
          // every second paid order is credited to an agent, the rest are silent sales
          paid.add(Tables.row("s1", "o" + id, d.toString(), "100.00", i % 10 == 0 ? "a0" : null));
        }
      }
    }
    Dataset<Row> rec = Tables.of(DemandTest.RECEPTIONS, receptions.toArray(new String[0][]));
    Dataset<Row> inq = Tables.of(DemandTest.INQUIRIES, inquiries.toArray(new String[0][]));
    PromotionCalendar calendar = new PromotionCalendar(List.of(
        new PromotionEvent("双11", "sale", DOUBLE_11, DOUBLE_11)));
    demand = DemandTest.demand(rec, inq, calendar);
    shopSales = Local.table(CreditFacts.shopSales(Tables.of("shop_id STRING, order_id STRING, "
        + "paid_date DATE, amount_paid DECIMAL(14,2), credited_agent_id STRING",
        paid.toArray(new String[0][]))));
    List<String[]> pay = new ArrayList<>();
    for (String month : List.of("2024-10", "2024-11")) {
      for (String agent : List.of("a0", "a1")) {
        pay.add(Tables.row("s1", agent, month, "S1", "true", "in_house", "2", "4000.00"));
        pay.add(Tables.row("s1", agent, month, "S2", "false", "in_house", "2", "9999.00"));
      }
    }
    payroll = Local.table(Tables.of("shop_id STRING, agent_id STRING, month STRING, "
        + "scheme_id STRING, is_current_scheme BOOLEAN, sourcing STRING, city_tier INT, "
        + "net_pay DECIMAL(14,2)", pay.toArray(new String[0][])));
  }

  @Test
  void sourcingCostHasOneRowPerShopMonthOptionAndOneCheapest() {
    LocalTable cost = SourcingCost.table(SourcingCost.costs(months(), config));
    assertEquals(List.of("shop_id", "month", "option", "cost", "wage", "social_insurance",
        "overhead", "turnover", "seat_fees", "base_fee", "commission", "volume_fees",
        "peak_surcharge", "night_surcharge", "minimum_top_up", "staff", "wage_source",
        "inquiries", "receptions", "paid_orders", "sales", "cost_per_inquiry",
        "cost_per_paid_order", "cost_share_of_sales", "is_cheapest", "in_house_inquiries",
        "outsourced_inquiries", "covered_days", "days_in_month", "note", "credited_sales",
        "conversion_factor", "expected_credited_sales", "credited_sales_lost",
        "cost_per_100_credited_sales", "is_best_value"),
        Arrays.asList(cost.schema().fieldNames()));
    List<Row> rows = cost.rows();
    // shops s1 and "all" × 2 months × 6 options
    assertEquals(2 * 2 * 6, rows.size());
    Map<String, Integer> perKey = new HashMap<>();
    Map<String, Integer> cheapest = new HashMap<>();
    Map<String, Integer> bestValue = new HashMap<>();
    Map<String, Row> s1 = new HashMap<>();
    for (Row r : rows) {
      String shopMonth = r.getAs("shop_id") + "/" + r.getAs("month");
      perKey.merge(shopMonth + "/" + r.getAs("option"), 1, Integer::sum);
      cheapest.merge(shopMonth, r.<Boolean>getAs("is_cheapest") ? 1 : 0, Integer::sum);
      bestValue.merge(shopMonth, r.<Boolean>getAs("is_best_value") ? 1 : 0, Integer::sum);
      double cost1 = r.<java.math.BigDecimal>getAs("cost").doubleValue();
      double inquiries = r.getAs("inquiries");
      assertEquals(cost1 / inquiries, r.<Double>getAs("cost_per_inquiry"), 0.01 / inquiries);
      assertEquals(inquiries, r.<Double>getAs("in_house_inquiries")
          + r.<Double>getAs("outsourced_inquiries"), 1e-6);
      if ("s1".equals(r.getAs("shop_id"))) {
        s1.put(r.getAs("month") + "/" + r.getAs("option"), r);
      }
    }
    assertTrue(perKey.values().stream().allMatch(n -> n == 1), perKey.toString());
    assertEquals(4, bestValue.size());
    assertTrue(bestValue.values().stream().allMatch(n -> n == 1), bestValue.toString());
    assertEquals(4, cheapest.size());
    assertTrue(cheapest.values().stream().allMatch(n -> n == 1), cheapest.toString());

    Row novInHouse = s1.get("2024-11/in_house");
    Row novFlat = s1.get("2024-11/dedicated_flat");
    assertEquals(29 * 50 + 600, novInHouse.<Double>getAs("inquiries"), 1e-6);
    assertEquals(2.0, novInHouse.<Double>getAs("staff"));
    assertEquals("payroll", novInHouse.getAs("wage_source"));
    assertEquals(8000.0, novInHouse.<java.math.BigDecimal>getAs("wage").doubleValue(), 1e-9);
    // seed 004: a dedicated outsourced agent (~5,000) beats the two-agent in-house team (~10k+)
    double flat = novFlat.<java.math.BigDecimal>getAs("cost").doubleValue();
    double inHouse = novInHouse.<java.math.BigDecimal>getAs("cost").doubleValue();
    assertTrue(flat < inHouse, flat + " vs " + inHouse);
    assertTrue(flat >= 5000 && flat < 7000, "" + flat);
    assertTrue(inHouse > 10_000, "" + inHouse);
    assertEquals(1.0, novFlat.<Double>getAs("staff"));
    // the 双11 month pays the peak surcharge, the month without an event day does not
    for (String option : List.of("tiered_inquiry", "shared_seat", "hybrid")) {
      assertTrue(money(s1.get("2024-11/" + option), "peak_surcharge") > 0, option);
      assertEquals(0.0, money(s1.get("2024-10/" + option), "peak_surcharge"), option);
    }
    // October: 17 of 31 days covered, the seat fee pro-rated, the note says so
    Row octFlat = s1.get("2024-10/dedicated_flat");
    assertEquals(17, octFlat.<Integer>getAs("covered_days"));
    assertEquals(31, octFlat.<Integer>getAs("days_in_month"));
    assertEquals(5000 * 17 / 31.0, money(octFlat, "seat_fees"), 0.01);
    assertTrue(octFlat.<String>getAs("note").startsWith("partial month: 17 of 31"));
    assertEquals(30, s1.get("2024-11/dedicated_flat").<Integer>getAs("covered_days"));
    assertTrue(s1.get("2024-11/in_house").<String>getAs("note").contains("tier 2 ×2"));
    assertEquals(0.02 * 2050 / 5 * 100, money(s1.get("2024-11/dedicated_commission"),
        "commission"), 0.01);
    // November: 410 paid orders of 100, every second credited to an agent: 20,500; an
    // outsourced agent keeps 90% of it (18,450) and loses 2,050; in-house keeps it all
    assertEquals(20_500.0, money(novFlat, "credited_sales"), 1e-9);
    assertEquals(0.9, novFlat.<Double>getAs("conversion_factor"), 1e-12);
    assertEquals(18_450.0, money(novFlat, "expected_credited_sales"), 1e-9);
    assertEquals(2_050.0, money(novFlat, "credited_sales_lost"), 1e-9);
    // (the cost column is rounded to cents, the rate is not)
    assertEquals(flat / 18_450 * 100, novFlat.<Double>getAs("cost_per_100_credited_sales"),
        1e-4);
    assertEquals(1.0, novInHouse.<Double>getAs("conversion_factor"), 1e-12);
    assertEquals(0.0, money(novInHouse, "credited_sales_lost"), 1e-9);
    assertEquals(inHouse / 20_500 * 100, novInHouse.<Double>getAs(
        "cost_per_100_credited_sales"), 1e-4);
  }

  @Test
  void staffingMartsCoverEveryDemandHour() {
    Staffing.Marts marts = Staffing.build(Staffing.plans(ShopMonths.of(demand, null, null,
        config), config), config);
    assertEquals(List.of("shop_id", "month", "day_type", "hour", "days", "is_covered",
        "is_night", "arrivals_per_hour", "aht_seconds", "concurrency_factor",
        "effective_aht_seconds", "traffic_erlangs", "required_agents", "expected_service_level",
        "occupancy", "agent_hours", "hybrid_in_house_share"),
        Arrays.asList(marts.hourly().schema().fieldNames()));
    assertEquals(List.of("shop_id", "month", "days", "receptions", "inquiries", "agent_hours",
        "shifts", "fte_required", "fte", "headcount", "peak_agents", "core_agent_hours",
        "core_fte", "core_headcount", "covered_days", "days_in_month"),
        Arrays.asList(marts.monthly().schema().fieldNames()));
    // 2 shops × (October: normal; November: normal + 双11) × 24 hours
    assertEquals(2 * 3 * 24, marts.hourly().size());
    List<Row> monthly = marts.monthly().filter(r -> "s1".equals(r.getAs("shop_id")))
        .sorted("month").rows();
    assertEquals(2, monthly.size());
    assertEquals(17, monthly.get(0).<Integer>getAs("days"));
    assertEquals(17, monthly.get(0).<Integer>getAs("covered_days"));
    assertEquals(30, monthly.get(1).<Integer>getAs("days"));
    assertTrue(monthly.get(1).<Integer>getAs("headcount") >= 2);
    assertTrue(monthly.get(1).<Integer>getAs("peak_agents") > 1);
    Row eventNoon = marts.hourly().filter(r -> "s1".equals(r.getAs("shop_id"))
        && "双11:sale".equals(r.getAs("day_type")) && (int) r.getAs("hour") == 12).rows().get(0);
    double share = eventNoon.getAs("hybrid_in_house_share");
    assertTrue(share > 0 && share < 1, "" + share);
    Row normalNoon = marts.hourly().filter(r -> "s1".equals(r.getAs("shop_id"))
        && "2024-11".equals(r.getAs("month")) && "normal".equals(r.getAs("day_type"))
        && (int) r.getAs("hour") == 12).rows().get(0);
    assertEquals(1.0, normalNoon.<Double>getAs("hybrid_in_house_share"));
  }

  @Test
  void breakEvenComparesEveryPairOnTheWholeMonth() {
    LocalTable be = BreakEven.table(BreakEven.points(ShopMonths.of(demand, null, null, config),
        config));
    assertEquals(List.of("shop_id", "reference_month", "option_a", "option_b",
        "break_even_inquiries_per_day", "cost_at_break_even", "cheaper_below", "cheaper_above",
        "crossings", "range_max_per_day"), Arrays.asList(be.schema().fieldNames()));
    List<Row> rows = be.filter(r -> "s1".equals(r.getAs("shop_id"))).rows();
    assertEquals(15, rows.size());
    for (Row r : rows) {
      assertEquals("2024-11", r.getAs("reference_month"));
      if (r.<Integer>getAs("crossings") == 0) {
        assertNull(r.getAs("break_even_inquiries_per_day"));
      }
    }
    Row flatVsInHouse = rows.stream().filter(r -> r.getAs("option_a").equals("in_house")
        && r.getAs("option_b").equals("dedicated_flat")).findFirst().orElseThrow();
    assertEquals("dedicated_flat", flatVsInHouse.getAs("cheaper_below"));
  }

  @Test
  void sensitivitySwingsEachDriverByTwentyPercent() {
    LocalTable sens = SourcingSensitivity.table(SourcingSensitivity.swings(months(), config));
    assertEquals(List.of("shop_id", "option", "driver", "months", "base_cost", "low_cost",
        "high_cost", "low_change", "high_change", "low_factor", "high_factor"),
        Arrays.asList(sens.schema().fieldNames()));
    assertEquals(2 * 6 * 4, sens.size());
    Map<String, Row> s1 = new HashMap<>();
    for (Row r : sens.filter(x -> "s1".equals(x.getAs("shop_id"))).rows()) {
      s1.put(r.getAs("option") + "/" + r.getAs("driver"), r);
      assertEquals(2, r.<Integer>getAs("months"));
    }
    Row flatPrice = s1.get("dedicated_flat/outsourcing_price");
    assertEquals(1.2 * money(flatPrice, "base_cost"), money(flatPrice, "high_cost"), 0.02);
    assertTrue(money(s1.get("in_house/wage"), "high_change") > 0);
    assertEquals(0.0, money(s1.get("in_house/outsourcing_price"), "high_change"));
    assertEquals(0.0, money(s1.get("tiered_inquiry/wage"), "low_change"));
  }

  @Test
  void shopMonthsDoNotDependOnTheOrderOfTheDemandRows() {
    List<Row> rows = new ArrayList<>(demand.rows());
    java.util.Collections.reverse(rows);
    assertEquals(months(), ShopMonths.of(new LocalTable(demand.schema(), rows), payroll,
        shopSales, config));
  }

  private static List<ShopMonth> months() {
    return ShopMonths.of(demand, payroll, shopSales, config);
  }

  private static double money(Row r, String column) {
    return r.<java.math.BigDecimal>getAs(column).doubleValue();
  }
}
