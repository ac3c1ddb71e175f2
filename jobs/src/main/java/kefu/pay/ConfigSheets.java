package kefu.pay;

import java.util.List;
import java.util.Set;

/** Sheet names and column headers of pay_schemes.xlsx (read by header name, any order). */
final class ConfigSheets {
  private ConfigSheets() {}

  record Sheet(String name, List<String> columns, Set<String> optional) {}

  static final Sheet SCHEMES = new Sheet("Schemes",
      List.of("scheme_id", "name", "description", "applies_to", "is_current", "min_wage_guard",
          "deduction_cap_rate"),
      Set.of("description", "min_wage_guard", "deduction_cap_rate"));

  static final Sheet COMPONENTS = new Sheet("Components",
      List.of("scheme_id", "line", "type", "basis", "rate", "tier_table", "tier_mode", "category",
          "condition", "amount", "threshold", "note"),
      Set.of("note"));

  static final Sheet TIERS = new Sheet("Tiers",
      List.of("tier_table", "lower", "upper", "rate"), Set.of());

  static final Sheet KPI = new Sheet("KPI",
      List.of("kpi_table", "metric", "weight", "comparison", "threshold", "points"), Set.of());

  static final Sheet MINIMUM_WAGE = new Sheet("MinimumWage",
      List.of("region", "city_tier", "year", "monthly_min_wage", "hourly_min_wage", "source",
          "note"),
      Set.of("hourly_min_wage", "source", "note"));

  static final Sheet CATEGORY_MARGINS = new Sheet("CategoryMargins",
      List.of("category", "category_name", "margin_rate"), Set.of("category_name"));

  static final Sheet SETTINGS = new Sheet("Settings", List.of("key", "value", "note"),
      Set.of("note"));

  static final List<Sheet> ALL =
      List.of(SCHEMES, COMPONENTS, TIERS, KPI, MINIMUM_WAGE, CATEGORY_MARGINS, SETTINGS);

  /** Sheet with explanations for people editing the workbook; never read. */
  static final String README = "说明";
}
