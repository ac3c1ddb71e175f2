package kefu.pay;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default schemes written by {@code kefu init-config}: the seed rules (001, 002) and the
 * practice of domain brief Part 2 §3, with modern bases by city tier. The components' notes are
 * Chinese, as the scheme names: payslips show a note in brackets as the config writes it (input
 * text is never translated), so the default review (Chinese) reads Chinese there.
 */
final class DefaultPayConfig {
  private DefaultPayConfig() {}

  private static final String[] TIERS = {"city_tier=1", "city_tier=2", "city_tier>=3"};

  static PayConfig get() {
    List<SchemeDef> schemes = new ArrayList<>();
    List<ComponentDef> c = new ArrayList<>();
    BigDecimal cap = d("0.20");

    schemes.add(new SchemeDef("S1", "种子规则001（现行）",
        "底薪1,500 + 本人销售额2% − 本人退款4% + 静默销售额1%均分（seed 001）", "all", true, true,
        cap));
    c.add(base("S1", 1, null, "1500", "种子规则001 底薪"));
    c.add(comp("S1", 2, ComponentType.COMMISSION, "sales_gross", "0.02", null, null, null, null,
        null, null, "本人落实销售额的 2%"));
    c.add(comp("S1", 3, ComponentType.RETURN_DEDUCTION, "refunds", "0.04", null, null, null, null,
        null, null, "本人落实订单退款额的 4%"));
    c.add(comp("S1", 4, ComponentType.SILENT_POOL, "silent_sales_net", "0.01", null, null, null,
        null, null, null, "静默销售额的 1% 均分"));

    schemes.add(new SchemeDef("S2", "纯提成", "无底薪，净销售额4%（小店/兼职常见）", "all", false, true,
        cap));
    c.add(comp("S2", 1, ComponentType.COMMISSION, "sales_net", "0.04", null, null, null, null,
        null, null, "净销售额的 4%"));

    schemes.add(new SchemeDef("S3", "毛利分成", "城市档底薪 + 净毛利（销售额×类目毛利率）10%", "all", false,
        true, cap));
    tierBases(c, "S3", 1, "5000", "4000", "3000");
    c.add(comp("S3", 4, ComponentType.COMMISSION, "profit_net", "0.10", null, null, null, null,
        null, null, "净毛利的 10%"));

    schemes.add(new SchemeDef("S4", "阶梯销售提成", "城市档底薪 + 月净销售额累进提成 1%/2%/3%", "all", false,
        true, cap));
    tierBases(c, "S4", 1, "5000", "4000", "3000");
    c.add(comp("S4", 4, ComponentType.COMMISSION, "sales_net", null, "T_SALES_MONTHLY",
        ComponentDef.PROGRESSIVE, null, null, null, null, "按月销售额分档累进"));

    schemes.add(new SchemeDef("S5", "阶梯计件（种子002）",
        "底薪 + 每单计件，按日单量累进：≤50单1元，51–100单1.5元，>100单2元", "all", false, true, cap));
    tierBases(c, "S5", 1, "3500", "3000", "2500");
    c.add(comp("S5", 4, ComponentType.PIECE_RATE, "paid_orders", null, "T_DAILY_ORDERS",
        ComponentDef.PROGRESSIVE, null, null, null, null, "种子规则002 按日单量分档"));

    schemes.add(new SchemeDef("S6", "KPI绩效", "城市档底薪 + 1,500×绩效分/100 + 全勤200 + DSR≥4.8奖300",
        "all", false, true, cap));
    tierBases(c, "S6", 1, "6000", "5000", "4000");
    c.add(comp("S6", 4, ComponentType.BONUS_KPI, null, null, "KPI_PRESALE", null, null, null,
        "1500", null, "绩效奖 = 得分/100 × 1,500"));
    c.add(comp("S6", 5, ComponentType.BONUS_ATTENDANCE, null, null, null, null, null, null, "200",
        "22", "全勤奖：整月在职且出勤 ≥ 22 天"));
    c.add(comp("S6", 6, ComponentType.BONUS_DSR, "dsr_service", null, null, null, null, null,
        "300", "4.8", "服务态度 DSR ≥ 4.8"));

    schemes.add(new SchemeDef("S7", "兼职时薪", "兼职按接待时长计时：一线25元/时，二线18元/时，三线及以下12元/时",
        "employment=part_time", false, true, cap));
    String[] hourly = {"25", "18", "12"};
    for (int i = 0; i < 3; i++) {
      c.add(comp("S7", i + 1, ComponentType.HOURLY, "reception_hours", hourly[i], null, null, null,
          TIERS[i], null, null, "按城市档的时薪"));
    }

    schemes.add(new SchemeDef("S8", "分类目提成", "城市档底薪 + 按类目净销售额提成：低毛利3%，高毛利5–8%", "all",
        false, true, cap));
    tierBases(c, "S8", 1, "5000", "4000", "3000");
    String[][] byCategory = {{"electronics", "0.03"}, {"food", "0.03"}, {"home", "0.05"},
        {"apparel", "0.06"}, {"beauty", "0.08"}, {SalesCommission.OTHER_CATEGORIES, "0.04"}};
    int line = 4;
    for (String[] cat : byCategory) {
      c.add(comp("S8", line++, ComponentType.COMMISSION, "sales_net", cat[1], null, null, cat[0],
          null, null, null, "分类目提成"));
    }

    schemes.add(new SchemeDef("S9", "目标奖", "城市档底薪 + 销售额1% + 达成120%目标再加1% + 全勤200", "all",
        false, true, cap));
    tierBases(c, "S9", 1, "5000", "4000", "3000");
    c.add(comp("S9", 4, ComponentType.COMMISSION, "sales_gross", "0.01", null, null, null, null,
        null, null, "落实销售额的 1%"));
    c.add(comp("S9", 5, ComponentType.BONUS_TARGET, "sales_gross", "0.01", null, null, null, null,
        "80000", "1.2", "销售额 ≥ 月目标 80,000 的 120% 时加发销售额的 1%"));
    c.add(comp("S9", 6, ComponentType.BONUS_ATTENDANCE, null, null, null, null, null, null, "200",
        "22", "全勤奖"));

    schemes.add(new SchemeDef("S10", "团队目标奖",
        "城市档底薪 + 销售额1% + 团队（店铺内小组）月销售额达标奖：≥30万每人300，≥60万每人600", "all", false,
        true, cap));
    tierBases(c, "S10", 1, "5000", "4000", "3000");
    c.add(comp("S10", 4, ComponentType.COMMISSION, "sales_gross", "0.01", null, null, null, null,
        null, null, "落实销售额的 1%"));
    c.add(comp("S10", 5, ComponentType.BONUS_TEAM, "sales_gross", null, "T_TEAM_MONTHLY", null,
        null, null, null, null, "团队目标奖：团队达标时每名活跃客服得奖"));

    List<TierBand> tiers = List.of(
        new TierBand("T_SALES_MONTHLY", d("0"), d("50000"), d("0.01")),
        new TierBand("T_SALES_MONTHLY", d("50000"), d("150000"), d("0.02")),
        new TierBand("T_SALES_MONTHLY", d("150000"), null, d("0.03")),
        new TierBand("T_DAILY_ORDERS", d("0"), d("50"), d("1.0")),
        new TierBand("T_DAILY_ORDERS", d("50"), d("100"), d("1.5")),
        new TierBand("T_DAILY_ORDERS", d("100"), null, d("2.0")),
        new TierBand("T_TEAM_MONTHLY", d("0"), d("300000"), d("0")),
        new TierBand("T_TEAM_MONTHLY", d("300000"), d("600000"), d("300")),
        new TierBand("T_TEAM_MONTHLY", d("600000"), null, d("600")));

    List<KpiRule> kpi = new ArrayList<>();
    kpi(kpi, "inquiry_conversion", "0.35", ">=", new String[][] {{"0.55", "100"}, {"0.50", "80"},
        {"0.45", "60"}});
    kpi(kpi, "reply_rate", "0.15", ">=", new String[][] {{"0.99", "100"}, {"0.97", "80"},
        {"0.95", "60"}});
    kpi(kpi, "avg_response_seconds", "0.15", "<=", new String[][] {{"25", "100"}, {"30", "80"}});
    kpi(kpi, "dsr_service", "0.35", ">=", new String[][] {{"4.8", "100"}, {"4.7", "80"},
        {"4.6", "60"}});

    return new PayConfig(schemes, c, tiers, kpi, minimumWages(), margins(), settings());
  }

  private static List<MinimumWage> minimumWages() {
    String cb = "china-briefing.com minimum wages guide (Nov 2024), domain brief Part 2 §3";
    List<MinimumWage> rows2024 = List.of(
        new MinimumWage("上海|Shanghai", null, 2024, d("2690"), null, cb, "highest in China"),
        new MinimumWage("北京|Beijing", null, 2024, d("2420"), d("26.4"), cb,
            "hourly 26.4 per domain brief; monthly 2,420 (from 2023-09-01) is not in the brief: "
                + "verify"),
        new MinimumWage("深圳|Shenzhen", null, 2024, d("2360"), null, cb, null),
        new MinimumWage("杭州|Hangzhou|宁波|Ningbo", null, 2024, d("2490"), null, cb,
            "Zhejiang class 1 from 2024-01-01 (urban districts assumed class 1)"),
        new MinimumWage("*", 1, 2024, d("2490"), null, cb,
            "fallback for cities without a row: Zhejiang class 1"),
        new MinimumWage("*", 2, 2024, d("2260"), null, cb,
            "fallback for cities without a row: Zhejiang class 2"),
        new MinimumWage("*", 3, 2024, d("2010"), null, cb,
            "fallback for cities without a row (tier 3 and below): Zhejiang class 3"));
    List<MinimumWage> all = new ArrayList<>(rows2024);
    for (MinimumWage m : rows2024) {
      all.add(new MinimumWage(m.region(), m.cityTier(), 2025, m.monthlyMinWage(),
          m.hourlyMinWage(), "unsourced", "2025+: 2024 value carried forward (no sourced figure)"));
    }
    return all;
  }

  private static List<CategoryMargin> margins() {
    return List.of(
        new CategoryMargin("apparel", "服装", d("0.30")),
        new CategoryMargin("beauty", "美妆", d("0.45")),
        new CategoryMargin("food", "食品", d("0.15")),
        new CategoryMargin("home", "家居", d("0.25")),
        new CategoryMargin("electronics", "数码电子", d("0.10")));
  }

  private static Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put(PayConfig.Settings.BOOTSTRAP_SEED, "20240611");
    s.put(PayConfig.Settings.BOOTSTRAP_RESAMPLES, "1000");
    s.put(PayConfig.Settings.PEAK_MONTHS, "6,11,12");
    s.put(PayConfig.Settings.UNCHANGED_BAND, "0.01");
    s.put(PayConfig.Settings.DEFAULT_CITY_TIER, "2");
    return s;
  }

  static final Map<String, String> SETTING_NOTES = Map.of(
      PayConfig.Settings.BOOTSTRAP_SEED, "seed of the bootstrap intervals (median, Gini)",
      PayConfig.Settings.BOOTSTRAP_RESAMPLES, "bootstrap resamples per distribution row",
      PayConfig.Settings.PEAK_MONTHS, "months flagged season=peak (618, 双11, 双12); others normal",
      PayConfig.Settings.UNCHANGED_BAND, "|change| below this share of current pay = unchanged",
      PayConfig.Settings.DEFAULT_CITY_TIER, "city tier of agents without one in the roster");

  private static void tierBases(List<ComponentDef> c, String scheme, int firstLine, String t1,
      String t2, String t3) {
    String[] amounts = {t1, t2, t3};
    for (int i = 0; i < 3; i++) {
      c.add(base(scheme, firstLine + i, TIERS[i], amounts[i], "按城市档的底薪"));
    }
  }

  private static ComponentDef base(String scheme, int line, String condition, String amount,
      String note) {
    return comp(scheme, line, ComponentType.BASE, null, null, null, null, null, condition, amount,
        null, note);
  }

  private static ComponentDef comp(String scheme, int line, ComponentType type, String basis,
      String rate, String tierTable, String tierMode, String category, String condition,
      String amount, String threshold, String note) {
    return new ComponentDef(scheme, line, type, basis, rate == null ? null : d(rate), tierTable,
        tierMode, category, condition, amount == null ? null : d(amount),
        threshold == null ? null : d(threshold), note);
  }

  private static void kpi(List<KpiRule> kpi, String metric, String weight, String comparison,
      String[][] steps) {
    for (String[] s : steps) {
      kpi.add(new KpiRule("KPI_PRESALE", metric, d(weight), comparison, d(s[0]), d(s[1])));
    }
  }

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }
}
