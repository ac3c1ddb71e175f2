package kefu.sourcing;

import java.util.List;

/** Sheet names and headers of sourcing.xlsx (columns read by header name, any order). */
final class SourcingConfigSheets {
  private SourcingConfigSheets() {}

  record Sheet(String name, List<String> columns) {}

  static final Sheet STAFFING = new Sheet("Staffing", List.of("key", "value", "note"));
  static final Sheet CONCURRENCY = new Sheet("Concurrency", List.of("chats", "factor"));
  static final Sheet IN_HOUSE = new Sheet("InHouse", List.of("city_tier", "monthly_wage",
      "social_insurance_rate", "equipment", "office", "software", "management", "hire_cost",
      "average_tenure_months"));
  static final Sheet OUTSOURCING = new Sheet("Outsourcing", List.of("option", "name", "seat_fee",
      "base_fee", "commission_rate", "unit_price", "tier_table", "minimum_monthly_fee",
      "min_seats", "peak_surcharge", "night_surcharge", "note"));
  static final Sheet PRICE_TIERS = new Sheet("PriceTiers",
      List.of("tier_table", "lower", "upper", "unit_price"));

  static final List<Sheet> ALL = List.of(STAFFING, CONCURRENCY, IN_HOUSE, OUTSOURCING, PRICE_TIERS);

  /** Columns that may be absent or blank. */
  static final List<String> OPTIONAL = List.of("note", "name", "upper", "tier_table");

  static final String README = "说明";

  /** Staffing keys, their meaning (the note column) in workbook order. */
  static final List<String[]> STAFFING_KEYS = List.of(
      new String[] {"service_level_target", "share answered within service_level_seconds (90%)"},
      new String[] {"service_level_seconds", "first-response target in seconds"},
      new String[] {"shrinkage", "paid time not on chat: breaks, training, leave (30%)"},
      new String[] {"max_occupancy", "highest share of time an agent is kept busy (85%)"},
      new String[] {"minimum_agents", "in-house team never smaller (seed 004: 2, holidays covered)"},
      new String[] {"minimum_agents_per_covered_hour", "someone online in every covered hour"},
      new String[] {"covered_from", "first covered hour (0–23)"},
      new String[] {"covered_to", "end of cover (1–24, exclusive)"},
      new String[] {"night_from", "night surcharge from this hour"},
      new String[] {"night_to", "night surcharge until this hour (exclusive; wraps midnight)"},
      new String[] {"shift_hours", "hours per shift"},
      new String[] {"contracted_hours_per_month", "paid hours of one full-time agent per month"},
      new String[] {"concurrent_chats", "observed (from the chats) or a number 1–5"},
      new String[] {"city_tier", "in-house cost row used (sheet InHouse)"},
      new String[] {"payroll_scheme", "current or a scheme_id: whose pay is the in-house wage"},
      new String[] {"message_basis", "shared_seat per-message basis: receptions | buyer_messages"},
      new String[] {"break_even_max_per_day", "break-even search range 0–this inquiries/day"},
      new String[] {"outsourced_conversion_factor", "ASSUMPTION, no source: an outsourced "
          + "agent's conversion relative to an in-house agent's (0.9 = 10% fewer agent-credited "
          + "sales); options are ranked by cost per ¥100 of the sales they keep"});

  /** Staffing keys a workbook may omit (written by later versions; their default applies). */
  static final java.util.Set<String> OPTIONAL_STAFFING_KEYS =
      java.util.Set.of("outsourced_conversion_factor");
}
