package kefu.sourcing;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/**
 * Reads sourcing.xlsx by header name and validates all of it; every problem is reported as
 * {@code sourcing.xlsx!Sheet!B4: what was found (what was expected)} in one
 * {@link SourcingConfigError}.
 */
final class SourcingConfigReader {
  private final String file;
  private final List<String> problems = new ArrayList<>();

  private SourcingConfigReader(String file) {
    this.file = file;
  }

  static SourcingConfig read(Path path) {
    SourcingConfigReader reader = new SourcingConfigReader(path.getFileName().toString());
    if (!Files.isRegularFile(path)) {
      throw new SourcingConfigError(List.of(reader.file + ": file not found at " + path));
    }
    try (InputStream in = Files.newInputStream(path); Workbook wb = WorkbookFactory.create(in)) {
      return reader.read(wb);
    } catch (SourcingConfigError e) {
      throw e;
    } catch (Exception e) {
      throw new SourcingConfigError(List.of(reader.file + ": not a readable .xlsx workbook ("
          + e.getMessage() + ")"));
    }
  }

  /** A sheet's non-blank data rows with cells looked up by header name. */
  private final class Table {
    final String name;
    final Sheet sheet;
    final Map<String, Integer> columns = new HashMap<>();
    boolean broken;

    Table(Workbook wb, SourcingConfigSheets.Sheet def) {
      name = def.name();
      sheet = wb.getSheet(def.name());
      if (sheet == null) {
        broken = true;
        problems.add(file + ": sheet '" + name + "' is missing (expected columns "
            + String.join(", ", def.columns()) + ")");
        return;
      }
      Row header = sheet.getRow(0);
      if (header != null) {
        for (Cell cell : header) {
          String h = text(header, cell.getColumnIndex()).toLowerCase(Locale.ROOT).replace(' ', '_');
          if (!h.isEmpty()) {
            columns.putIfAbsent(h, cell.getColumnIndex());
          }
        }
      }
      for (String c : def.columns()) {
        if (!columns.containsKey(c) && !SourcingConfigSheets.OPTIONAL.contains(c)) {
          broken = true;
          problems.add(file + "!" + name + "!1: column '" + c + "' is missing (expected header "
              + "row: " + String.join(", ", def.columns()) + ")");
        }
      }
    }

    List<Row> rows() {
      List<Row> rows = new ArrayList<>();
      if (sheet == null || broken) {
        return rows;
      }
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row != null && columns.values().stream().anyMatch(c -> !text(row, c).isEmpty())) {
          rows.add(row);
        }
      }
      return rows;
    }

    String where(Row row, String column) {
      return file + "!" + name + "!"
          + CellReference.convertNumToColString(columns.getOrDefault(column, 0))
          + (row.getRowNum() + 1);
    }

    /** What a value is called in messages: its column, or on sheet Staffing its key. */
    String label(Row row, String column) {
      return column.equals("value") && columns.containsKey("key") ? text(row, "key") : column;
    }

    void problem(Row row, String column, String what) {
      problems.add(where(row, column) + ": " + what);
    }

    String text(Row row, String column) {
      Integer c = columns.get(column);
      return c == null ? "" : text(row, c);
    }

    String text(Row row, int c) {
      return kefu.config.CellText.of(row.getCell(c));
    }

    /** A number within [min, max] (max null = unbounded), or null after reporting why not. */
    Double number(Row row, String column, double min, Double max, boolean required) {
      String t = text(row, column);
      if (t.isEmpty()) {
        if (required) {
          problem(row, column, label(row, column) + " is empty (expected " + range(min, max) + ")");
        }
        return null;
      }
      Double v = parseNumber(t);
      if (v == null || v < min || (max != null && v > max)) {
        problem(row, column, label(row, column) + " '" + t + "' is not valid (expected " + range(min, max)
            + ")");
        return null;
      }
      return v;
    }

    Double percentage(Row row, String column, double max, boolean required) {
      String t = text(row, column);
      if (t.isEmpty()) {
        if (required) {
          problem(row, column, label(row, column) + " is empty (expected a percentage like 30% or 0.3)");
        }
        return null;
      }
      Double v = parsePercentage(t);
      if (v == null || v < 0 || v > max) {
        problem(row, column, label(row, column) + " '" + t + "' is not valid (expected a percentage 0%–"
            + Math.round(max * 100) + "%, e.g. 30% or 0.3)");
        return null;
      }
      return v;
    }

    Integer integer(Row row, String column, int min, int max) {
      Double v = number(row, column, min, (double) max, true);
      if (v == null) {
        return null;
      }
      if (v != Math.rint(v)) {
        problem(row, column, label(row, column) + " '" + text(row, column) + "' is not valid (expected a "
            + "whole number " + min + "–" + max + ")");
        return null;
      }
      return v.intValue();
    }
  }

  private static String range(double min, Double max) {
    return max == null ? "a number ≥ " + fmt(min) : "a number " + fmt(min) + "–" + fmt(max);
  }

  private static String fmt(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  static Double parseNumber(String t) {
    try {
      return new BigDecimal(t.replace(",", "").replace("，", "")).doubleValue();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Double parsePercentage(String t) {
    String s = t.strip().replace("％", "%");
    boolean percent = s.endsWith("%");
    Double v = parseNumber(percent ? s.substring(0, s.length() - 1).strip() : s);
    return v == null ? null : percent ? v / 100 : v;
  }

  private SourcingConfig read(Workbook wb) {
    Map<String, Table> t = new LinkedHashMap<>();
    for (SourcingConfigSheets.Sheet def : SourcingConfigSheets.ALL) {
      t.put(def.name(), new Table(wb, def));
    }
    StaffingParameters staffing = readStaffing(t.get("Staffing"));
    List<ConcurrencyFactor> concurrency = readConcurrency(t.get("Concurrency"));
    List<InHouseCost> inHouse = readInHouse(t.get("InHouse"));
    List<PriceBand> bands = readBands(t.get("PriceTiers"));
    List<OutsourcingQuote> quotes = readQuotes(t.get("Outsourcing"), bands,
        t.get("PriceTiers").broken);
    if (staffing != null && !inHouse.isEmpty() && inHouse.stream()
        .noneMatch(c -> c.cityTier() == staffing.cityTier())) {
      problems.add(file + "!InHouse: no row for city_tier " + staffing.cityTier()
          + " (Staffing city_tier)");
    }
    if (!problems.isEmpty()) {
      throw new SourcingConfigError(problems);
    }
    return new SourcingConfig(staffing, concurrency, inHouse, quotes, bands);
  }

  private StaffingParameters readStaffing(Table t) {
    Map<String, Row> byKey = new LinkedHashMap<>();
    Set<String> known = new HashSet<>();
    SourcingConfigSheets.STAFFING_KEYS.forEach(k -> known.add(k[0]));
    for (Row row : t.rows()) {
      String key = t.text(row, "key");
      if (!known.contains(key)) {
        t.problem(row, "key", "unknown key '" + key + "' (expected one of " + new java.util
            .TreeSet<>(known) + ")");
      } else if (byKey.put(key, row) != null) {
        t.problem(row, "key", "key '" + key + "' appears twice");
      }
    }
    if (t.broken) {
      return null;
    }
    boolean complete = true;
    for (String k : known) {
      if (!byKey.containsKey(k) && !SourcingConfigSheets.OPTIONAL_STAFFING_KEYS.contains(k)) {
        problems.add(file + "!Staffing: key '" + k + "' is missing");
        complete = false;
      }
    }
    if (!complete) {
      return null;
    }
    Double sl = t.percentage(byKey.get("service_level_target"), "value", 0.999, true);
    Double slSec = t.number(byKey.get("service_level_seconds"), "value", 1, 3600.0, true);
    Double shrink = t.percentage(byKey.get("shrinkage"), "value", 0.9, true);
    Double occ = t.percentage(byKey.get("max_occupancy"), "value", 1.0, true);
    if (occ != null && occ < 0.3) {
      t.problem(byKey.get("max_occupancy"), "value", "max_occupancy below 30% is not a plan");
      occ = null;
    }
    Integer minAgents = t.integer(byKey.get("minimum_agents"), "value", 0, 1000);
    Integer minHour = t.integer(byKey.get("minimum_agents_per_covered_hour"), "value", 0, 1000);
    Integer cf = t.integer(byKey.get("covered_from"), "value", 0, 23);
    Integer ct = t.integer(byKey.get("covered_to"), "value", 1, 24);
    Integer nf = t.integer(byKey.get("night_from"), "value", 0, 24);
    Integer nt = t.integer(byKey.get("night_to"), "value", 0, 24);
    Double shift = t.number(byKey.get("shift_hours"), "value", 1, 24.0, true);
    Double contracted = t.number(byKey.get("contracted_hours_per_month"), "value", 1, 744.0,
        true);
    Row chatsRow = byKey.get("concurrent_chats");
    String chats = t.text(chatsRow, "value");
    if (!chats.equalsIgnoreCase(StaffingParameters.OBSERVED)) {
      Double n = parseNumber(chats);
      if (n == null || n < 1 || n > 10) {
        t.problem(chatsRow, "value", "concurrent_chats '" + chats + "' is not valid (expected "
            + "observed or a number 1–10)");
      }
    }
    Integer tier = t.integer(byKey.get("city_tier"), "value", 1, 9);
    String scheme = t.text(byKey.get("payroll_scheme"), "value");
    if (scheme.isEmpty()) {
      t.problem(byKey.get("payroll_scheme"), "value", "payroll_scheme is empty (expected current "
          + "or a scheme_id)");
    }
    Row basisRow = byKey.get("message_basis");
    String basis = t.text(basisRow, "value");
    if (!basis.equals("receptions") && !basis.equals("buyer_messages")) {
      t.problem(basisRow, "value", "message_basis '" + basis + "' is not valid (expected "
          + "receptions or buyer_messages)");
    }
    Double breakEven = t.number(byKey.get("break_even_max_per_day"), "value", 10, 1e6, true);
    Row conversionRow = byKey.get("outsourced_conversion_factor");
    Double conversion = conversionRow == null
        ? Double.valueOf(StaffingParameters.DEFAULT_OUTSOURCED_CONVERSION)
        : t.percentage(conversionRow, "value", 2.0, true);
    if (conversion != null && conversion <= 0) {
      t.problem(conversionRow, "value", "outsourced_conversion_factor must be above 0 (1 = "
          + "outsourced agents convert as well as in-house ones)");
      conversion = null;
    }
    if (cf != null && ct != null && ct <= cf) {
      t.problem(byKey.get("covered_to"), "value", "covered_to " + ct + " is not after "
          + "covered_from " + cf);
      ct = null;
    }
    if (sl == null || slSec == null || shrink == null || occ == null || minAgents == null
        || minHour == null || cf == null || ct == null || nf == null || nt == null
        || shift == null || contracted == null || tier == null || breakEven == null
        || conversion == null) {
      return null;
    }
    return new StaffingParameters(sl, slSec, shrink, occ, minAgents, minHour, cf, ct, nf, nt,
        shift, contracted, chats.toLowerCase(Locale.ROOT).equals(StaffingParameters.OBSERVED)
        ? StaffingParameters.OBSERVED : chats, tier, scheme, basis, breakEven, conversion);
  }

  private List<ConcurrencyFactor> readConcurrency(Table t) {
    List<ConcurrencyFactor> out = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (Row row : t.rows()) {
      Integer chats = t.integer(row, "chats", 1, 20);
      Double factor = t.number(row, "factor", 0.1, 20.0, true);
      if (chats != null && !seen.add(chats)) {
        t.problem(row, "chats", "chats " + chats + " appears twice");
      }
      if (chats != null && factor != null && factor > chats) {
        t.problem(row, "factor", "factor '" + t.text(row, "factor") + "' is not valid "
            + "(expected at most the number of chats, " + chats + ")");
      }
      if (chats != null && factor != null) {
        out.add(new ConcurrencyFactor(chats, factor));
      }
    }
    if (!t.broken && out.isEmpty()) {
      problems.add(file + "!Concurrency: no rows (expected at least chats 1 → factor 1)");
    }
    return out;
  }

  private List<InHouseCost> readInHouse(Table t) {
    List<InHouseCost> out = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (Row row : t.rows()) {
      Integer tier = t.integer(row, "city_tier", 1, 9);
      if (tier != null && !seen.add(tier)) {
        t.problem(row, "city_tier", "city_tier " + tier + " appears twice");
      }
      Double wage = t.number(row, "monthly_wage", 0, null, true);
      Double si = t.percentage(row, "social_insurance_rate", 0.6, true);
      Double eq = t.number(row, "equipment", 0, null, true);
      Double office = t.number(row, "office", 0, null, true);
      Double sw = t.number(row, "software", 0, null, true);
      Double mgmt = t.number(row, "management", 0, null, true);
      Double hire = t.number(row, "hire_cost", 0, null, true);
      Double tenure = t.number(row, "average_tenure_months", 0.5, 120.0, true);
      if (tier != null && wage != null && si != null && eq != null && office != null
          && sw != null && mgmt != null && hire != null && tenure != null) {
        out.add(new InHouseCost(tier, wage, si, eq, office, sw, mgmt, hire, tenure));
      }
    }
    return out;
  }

  private List<PriceBand> readBands(Table t) {
    List<PriceBand> out = new ArrayList<>();
    Map<String, List<PriceBand>> byTable = new TreeMap<>();
    for (Row row : t.rows()) {
      String table = t.text(row, "tier_table");
      if (table.isEmpty()) {
        t.problem(row, "tier_table", "tier_table is empty (expected a table name)");
      }
      Double lower = t.number(row, "lower", 0, null, true);
      Double upper = t.number(row, "upper", 0, null, false);
      Double price = t.number(row, "unit_price", 0, null, true);
      if (lower != null && upper != null && upper <= lower) {
        t.problem(row, "upper", "upper '" + t.text(row, "upper") + "' is not valid (expected "
            + "above lower " + fmt(lower) + ")");
        continue;
      }
      if (!table.isEmpty() && lower != null && price != null) {
        PriceBand b = new PriceBand(table, lower, upper, price);
        out.add(b);
        byTable.computeIfAbsent(table, k -> new ArrayList<>()).add(b);
      }
    }
    byTable.forEach((table, bands) -> {
      bands.sort((a, b) -> Double.compare(a.lower(), b.lower()));
      if (bands.get(0).lower() != 0) {
        problems.add(file + "!PriceTiers: tier table '" + table + "' starts at "
            + fmt(bands.get(0).lower()) + " (expected 0)");
      }
      for (int i = 0; i < bands.size(); i++) {
        Double upper = bands.get(i).upper();
        boolean last = i == bands.size() - 1;
        if (last && upper != null) {
          problems.add(file + "!PriceTiers: tier table '" + table + "' ends at " + fmt(upper)
              + " (expected the last band's upper empty = no limit)");
        } else if (!last && (upper == null || upper != bands.get(i + 1).lower())) {
          problems.add(file + "!PriceTiers: tier table '" + table + "' band from "
              + fmt(bands.get(i).lower()) + " ends at " + (upper == null ? "(no upper)"
              : fmt(upper)) + " but the next starts at " + fmt(bands.get(i + 1).lower())
              + " (expected contiguous bands)");
        }
      }
    });
    return out;
  }

  private List<OutsourcingQuote> readQuotes(Table t, List<PriceBand> bands,
      boolean bandsBroken) {
    List<OutsourcingQuote> out = new ArrayList<>();
    Set<String> tables = new HashSet<>();
    bands.forEach(b -> tables.add(b.tierTable()));
    Set<String> seen = new HashSet<>();
    for (Row row : t.rows()) {
      String option = t.text(row, "option");
      if (!SourcingConfig.QUOTED.contains(option)) {
        t.problem(row, "option", "option '" + option + "' is unknown (expected one of "
            + SourcingConfig.QUOTED + ")");
        continue;
      }
      if (!seen.add(option)) {
        t.problem(row, "option", "option '" + option + "' appears twice");
      }
      boolean seat = option.startsWith("dedicated");
      boolean tiered = option.equals(SourcingConfig.TIERED_INQUIRY)
          || option.equals(SourcingConfig.HYBRID);
      Double seatFee = t.number(row, "seat_fee", 0, null, seat);
      Double baseFee = t.number(row, "base_fee", 0, null, option.equals(SourcingConfig.SHARED_SEAT));
      Double commission = t.percentage(row, "commission_rate", 0.5,
          option.equals(SourcingConfig.DEDICATED_COMMISSION));
      Double unit = t.number(row, "unit_price", 0, null, option.equals(SourcingConfig.SHARED_SEAT));
      String table = t.text(row, "tier_table");
      if (tiered && table.isEmpty()) {
        t.problem(row, "tier_table", "tier_table is empty (expected a table of sheet PriceTiers "
            + "for " + option + ")");
      } else if (tiered && !tables.contains(table) && !bandsBroken) {
        t.problem(row, "tier_table", "tier_table '" + table + "' is not on sheet PriceTiers");
      }
      Double minimum = t.number(row, "minimum_monthly_fee", 0, null, false);
      Double minSeatsValue = t.text(row, "min_seats").isEmpty() ? Double.valueOf(0)
          : t.number(row, "min_seats", 0, 1000.0, false);
      if (minSeatsValue != null && minSeatsValue != Math.rint(minSeatsValue)) {
        t.problem(row, "min_seats", "min_seats '" + t.text(row, "min_seats") + "' is not valid "
            + "(expected a whole number)");
        minSeatsValue = null;
      }
      Double peak = t.percentage(row, "peak_surcharge", 3.0, true);
      Double night = t.percentage(row, "night_surcharge", 3.0, true);
      if (minSeatsValue != null && peak != null && night != null && (seatFee != null || !seat)
          && (commission != null || !option.equals(SourcingConfig.DEDICATED_COMMISSION))) {
        out.add(new OutsourcingQuote(option, t.text(row, "name"), orZero(seatFee),
            orZero(baseFee), orZero(commission), orZero(unit), table.isEmpty() ? null : table,
            orZero(minimum), minSeatsValue.intValue(), peak, night,
            t.text(row, "note").isEmpty() ? null : t.text(row, "note")));
      }
    }
    if (!t.broken) {
      for (String option : SourcingConfig.QUOTED) {
        if (!seen.contains(option)) {
          problems.add(file + "!Outsourcing: option '" + option + "' is missing (one row per "
              + "option " + SourcingConfig.QUOTED + ")");
        }
      }
    }
    return out;
  }

  private static double orZero(Double v) {
    return v == null ? 0.0 : v;
  }
}
