package kefu.pay;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Reads pay_schemes.xlsx by header name and validates all of it before any Spark work. Every
 * problem is collected as {@code file!Sheet!A1: what is wrong (what was expected)}; if there is
 * any, a {@link PayConfigError} lists them all.
 */
final class PayConfigReader {
  private final String file;
  private final List<String> problems = new ArrayList<>();
  /** Sheets missing or missing a column: references into them are not checked again. */
  private final Set<String> brokenSheets = new HashSet<>();

  private PayConfigReader(String file) {
    this.file = file;
  }

  static final Set<String> COMMISSION_BASES =
      Set.of("sales_gross", "sales_net", "profit_gross", "profit_net");
  static final Set<String> KPI_METRICS = Set.of("inquiry_conversion", "reply_rate",
      "avg_response_seconds", "dsr_service", "dsr_description", "dsr_logistics");

  static PayConfig read(Path path) {
    PayConfigReader reader = new PayConfigReader(path.getFileName().toString());
    if (!Files.isRegularFile(path)) {
      throw new PayConfigError(List.of(reader.file + ": file not found at " + path
          + " (write the defaults with: kefu init-config DIR)"));
    }
    try (InputStream in = Files.newInputStream(path); Workbook wb = WorkbookFactory.create(in)) {
      return reader.read(wb);
    } catch (IOException | RuntimeException e) {
      if (e instanceof PayConfigError p) {
        throw p;
      }
      throw new PayConfigError(List.of(reader.file + ": not a readable .xlsx workbook ("
          + e.getMessage() + ")"));
    }
  }

  /** A sheet's data rows with cells looked up by header name. */
  private final class Table {
    final String sheetName;
    final Sheet sheet;
    final Map<String, Integer> columns = new HashMap<>();

    Table(String sheetName, Sheet sheet) {
      this.sheetName = sheetName;
      this.sheet = sheet;
    }

    List<Row> rows() {
      List<Row> rows = new ArrayList<>();
      if (sheet == null) {
        return rows;
      }
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row != null && !isBlankRow(row)) {
          rows.add(row);
        }
      }
      return rows;
    }

    boolean isBlankRow(Row row) {
      for (int c : columns.values()) {
        if (!text(row, c).isEmpty()) {
          return false;
        }
      }
      return true;
    }

    boolean has(String column) {
      return columns.containsKey(column);
    }

    String where(Row row, String column) {
      int c = columns.getOrDefault(column, 0);
      return file + "!" + sheetName + "!" + CellReference.convertNumToColString(c)
          + (row.getRowNum() + 1);
    }

    String text(Row row, String column) {
      Integer c = columns.get(column);
      return c == null ? "" : text(row, c);
    }

    String text(Row row, int c) {
      return kefu.config.CellText.of(row.getCell(c));
    }

    String optionalText(Row row, String column) {
      String t = text(row, column);
      return t.isEmpty() ? null : t;
    }

    String requiredText(Row row, String column) {
      String t = text(row, column);
      if (t.isEmpty() && has(column)) {
        problem(row, column, column + " is empty (a value is required)");
        return null;
      }
      return t;
    }

    /** A plain number, or null (blank). Reports a problem when not a number. */
    BigDecimal number(Row row, String column, boolean required) {
      String t = text(row, column);
      if (t.isEmpty()) {
        if (required && has(column)) {
          problem(row, column, column + " is empty (a number is required)");
        }
        return null;
      }
      try {
        return new BigDecimal(t.replace(",", "").replace("，", ""));
      } catch (NumberFormatException e) {
        problem(row, column, column + " '" + t + "' is not a number");
        return null;
      }
    }

    /** A fraction from 0 to 1 written as 0.02 or 2%. */
    BigDecimal percentage(Row row, String column, boolean required) {
      String t = text(row, column);
      if (t.isEmpty()) {
        if (required && has(column)) {
          problem(row, column, column + " is empty (a percentage like 2% or 0.02 is required)");
        }
        return null;
      }
      BigDecimal v = parsePercentage(t);
      if (v == null || v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
        problem(row, column, column + " '" + t + "' is not a percentage (expected 0%–100%, "
            + "e.g. 2% or 0.02)");
        return null;
      }
      return v;
    }

    Boolean bool(Row row, String column, Boolean defaultValue) {
      String t = text(row, column).toLowerCase(Locale.ROOT);
      if (t.isEmpty()) {
        if (defaultValue == null && has(column)) {
          problem(row, column, column + " is empty (TRUE or FALSE is required)");
        }
        return defaultValue;
      }
      switch (t) {
        case "true": case "yes": case "y": case "1": case "是": case "√": return true;
        case "false": case "no": case "n": case "0": case "否": return false;
        default:
          problem(row, column, column + " '" + t + "' is not TRUE or FALSE");
          return defaultValue;
      }
    }

    Integer integer(Row row, String column, boolean required) {
      BigDecimal v = number(row, column, required);
      if (v == null) {
        return null;
      }
      try {
        return v.intValueExact();
      } catch (ArithmeticException e) {
        problem(row, column, column + " '" + text(row, column) + "' is not a whole number");
        return null;
      }
    }

    void problem(Row row, String column, String what) {
      problems.add(where(row, column) + ": " + what);
    }
  }

  static BigDecimal parsePercentage(String t) {
    String s = t.strip().replace("％", "%");
    boolean percent = s.endsWith("%");
    if (percent) {
      s = s.substring(0, s.length() - 1).strip();
    }
    try {
      BigDecimal v = new BigDecimal(s);
      return percent ? v.movePointLeft(2) : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private Table table(Workbook wb, ConfigSheets.Sheet def) {
    Sheet sheet = wb.getSheet(def.name());
    Table table = new Table(def.name(), sheet);
    if (sheet == null) {
      brokenSheets.add(def.name());
      problems.add(file + ": sheet '" + def.name() + "' is missing (expected columns "
          + String.join(", ", def.columns()) + ")");
      return table;
    }
    Row header = sheet.getRow(0);
    if (header != null) {
      for (Cell cell : header) {
        String name = table.text(header, cell.getColumnIndex()).toLowerCase(Locale.ROOT)
            .replace(' ', '_');
        if (!name.isEmpty()) {
          table.columns.putIfAbsent(name, cell.getColumnIndex());
        }
      }
    }
    for (String column : def.columns()) {
      if (!table.columns.containsKey(column) && !def.optional().contains(column)) {
        brokenSheets.add(def.name());
        problems.add(file + "!" + def.name() + "!1: column '" + column + "' is missing "
            + "(expected header row: " + String.join(", ", def.columns()) + ")");
      }
    }
    return table;
  }

  private PayConfig read(Workbook wb) {
    Map<String, Table> tables = new LinkedHashMap<>();
    for (ConfigSheets.Sheet def : ConfigSheets.ALL) {
      tables.put(def.name(), table(wb, def));
    }
    List<CategoryMargin> margins = readMargins(tables.get("CategoryMargins"));
    Map<String, String> settings = readSettings(tables.get("Settings"));
    List<TierBand> tiers = readTiers(tables.get("Tiers"));
    List<KpiRule> kpi = readKpi(tables.get("KPI"));
    List<MinimumWage> wages = readMinimumWages(tables.get("MinimumWage"));
    List<SchemeDef> schemes = readSchemes(tables.get("Schemes"));
    List<ComponentDef> components = readComponents(tables.get("Components"), schemes, tiers, kpi,
        margins);
    if (!problems.isEmpty()) {
      throw new PayConfigError(problems);
    }
    return new PayConfig(schemes, components, tiers, kpi, wages, margins, settings);
  }

  private List<SchemeDef> readSchemes(Table t) {
    List<SchemeDef> schemes = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    List<String> current = new ArrayList<>();
    for (Row row : t.rows()) {
      String id = t.requiredText(row, "scheme_id");
      if (id != null && !ids.add(id)) {
        t.problem(row, "scheme_id", "scheme_id '" + id + "' appears twice (ids must be unique)");
      }
      String name = t.requiredText(row, "name");
      String appliesTo = t.text(row, "applies_to");
      for (String p : AgentFilter.problems(appliesTo)) {
        t.problem(row, "applies_to", "applies_to: " + p);
      }
      Boolean isCurrent = t.bool(row, "is_current", false);
      Boolean guard = t.bool(row, "min_wage_guard", true);
      BigDecimal cap = t.percentage(row, "deduction_cap_rate", false);
      if (Boolean.TRUE.equals(isCurrent)) {
        current.add(id);
      }
      if (id != null) {
        schemes.add(new SchemeDef(id, name, t.optionalText(row, "description"),
            appliesTo.isEmpty() ? "all" : appliesTo, Boolean.TRUE.equals(isCurrent),
            !Boolean.FALSE.equals(guard), cap == null ? new BigDecimal("0.20") : cap));
      }
    }
    if (t.sheet != null && t.has("is_current") && current.size() != 1) {
      problems.add(file + "!Schemes: exactly one scheme must have is_current = TRUE (found "
          + current.size() + (current.isEmpty() ? "" : ": " + current) + ")");
    }
    return schemes;
  }

  private List<ComponentDef> readComponents(Table t, List<SchemeDef> schemes,
      List<TierBand> tiers, List<KpiRule> kpi, List<CategoryMargin> margins) {
    Set<String> schemeIds = new HashSet<>();
    schemes.forEach(s -> schemeIds.add(s.schemeId()));
    Set<String> tierTables = new HashSet<>();
    tiers.forEach(b -> tierTables.add(b.tierTable()));
    Set<String> kpiTables = new HashSet<>();
    kpi.forEach(k -> kpiTables.add(k.kpiTable()));
    Set<String> categories = new HashSet<>();
    margins.forEach(m -> categories.add(m.category()));
    Set<String> lines = new HashSet<>();
    Set<String> schemesWithComponents = new HashSet<>();
    List<ComponentDef> components = new ArrayList<>();
    for (Row row : t.rows()) {
      String schemeId = t.requiredText(row, "scheme_id");
      if (schemeId != null && !schemeIds.contains(schemeId)
          && !brokenSheets.contains("Schemes")) {
        t.problem(row, "scheme_id", "scheme_id '" + schemeId + "' is not on sheet Schemes");
      }
      Integer line = t.integer(row, "line", false);
      if (line == null) {
        line = row.getRowNum();
      }
      if (schemeId != null && !lines.add(schemeId + "-" + line)) {
        t.problem(row, "line", "line " + line + " appears twice in scheme " + schemeId);
      }
      String typeText = t.requiredText(row, "type");
      ComponentType type = null;
      if (typeText != null) {
        try {
          type = ComponentType.valueOf(typeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          t.problem(row, "type", "unknown component type '" + typeText + "' (expected one of "
              + Arrays.toString(ComponentType.values()) + ")");
        }
      }
      String basis = t.optionalText(row, "basis");
      String tierTable = t.optionalText(row, "tier_table");
      String tierMode = t.optionalText(row, "tier_mode");
      String category = t.optionalText(row, "category");
      String condition = t.optionalText(row, "condition");
      for (String p : AgentFilter.problems(condition)) {
        t.problem(row, "condition", "condition: " + p);
      }
      if (tierMode != null && !tierMode.equals(ComponentDef.PROGRESSIVE)
          && !tierMode.equals(ComponentDef.WHOLE)) {
        t.problem(row, "tier_mode", "tier_mode '" + tierMode + "' is not progressive or whole");
      }
      BigDecimal amount = t.number(row, "amount", false);
      BigDecimal threshold = t.number(row, "threshold", false);
      BigDecimal rate = null;
      if (type != null) {
        rate = type.rateIsFraction() ? t.percentage(row, "rate", false)
            : t.number(row, "rate", false);
        basis = checkBasis(t, row, type, basis);
        checkComponent(t, row, type, basis, rate, tierTable, category, amount, threshold,
            tierTables, kpiTables, categories);
      }
      if (schemeId != null) {
        schemesWithComponents.add(schemeId);
      }
      if (type != null && schemeId != null) {
        components.add(new ComponentDef(schemeId, line, type, basis, rate, tierTable, tierMode,
            category, condition, amount, threshold, t.optionalText(row, "note")));
      }
    }
    if (t.sheet != null) {
      for (SchemeDef s : schemes) {
        if (!schemesWithComponents.contains(s.schemeId())) {
          problems.add(file + "!Components: scheme '" + s.schemeId() + "' has no components");
        }
      }
    }
    return components;
  }

  private String checkBasis(Table t, Row row, ComponentType type, String basis) {
    Set<String> allowed;
    String defaultBasis;
    switch (type) {
      case COMMISSION: allowed = COMMISSION_BASES; defaultBasis = null; break;
      case RETURN_DEDUCTION: allowed = Set.of("refunds", "returns"); defaultBasis = "refunds";
        break;
      case SILENT_POOL: allowed = Set.of("silent_sales_net", "silent_sales_gross");
        defaultBasis = "silent_sales_net"; break;
      case PIECE_RATE: allowed = Set.of("paid_orders"); defaultBasis = "paid_orders"; break;
      case HOURLY: allowed = Set.of("reception_hours", "scheduled_hours");
        defaultBasis = "reception_hours"; break;
      case BONUS_DSR: allowed = Set.of("dsr_service", "dsr_description", "dsr_logistics");
        defaultBasis = "dsr_service"; break;
      case BONUS_TARGET: case BONUS_TEAM: allowed = Set.of("sales_gross", "sales_net");
        defaultBasis = "sales_gross"; break;
      default: return basis;
    }
    if (basis == null) {
      if (defaultBasis == null) {
        t.problem(row, "basis", "basis is empty (expected one of "
            + new java.util.TreeSet<>(allowed) + ")");
      }
      return defaultBasis;
    }
    if (!allowed.contains(basis)) {
      t.problem(row, "basis", "basis '" + basis + "' is not valid for " + type
          + " (expected one of " + new java.util.TreeSet<>(allowed) + ")");
    }
    return basis;
  }

  private void checkComponent(Table t, Row row, ComponentType type, String basis,
      BigDecimal rate, String tierTable, String category, BigDecimal amount, BigDecimal threshold,
      Set<String> tierTables, Set<String> kpiTables, Set<String> categories) {
    boolean tiered = type == ComponentType.COMMISSION || type == ComponentType.PIECE_RATE;
    boolean needsRate = tiered || type == ComponentType.RETURN_DEDUCTION
        || type == ComponentType.SILENT_POOL || type == ComponentType.HOURLY
        || type == ComponentType.BONUS_TARGET;
    if (tierTable != null) {
      if (type == ComponentType.BONUS_KPI) {
        if (!kpiTables.contains(tierTable) && !brokenSheets.contains("KPI")) {
          t.problem(row, "tier_table", "KPI table '" + tierTable + "' is not on sheet KPI");
        }
      } else if (!tiered && type != ComponentType.BONUS_TEAM) {
        t.problem(row, "tier_table", "tier_table is only used by COMMISSION, PIECE_RATE, "
            + "BONUS_KPI and BONUS_TEAM, not " + type);
      } else if (!tierTables.contains(tierTable) && !brokenSheets.contains("Tiers")) {
        t.problem(row, "tier_table", "tier table '" + tierTable + "' is not on sheet Tiers");
      }
      if (tiered && rate != null) {
        t.problem(row, "rate", "give either a rate or a tier_table, not both");
      }
    } else if (type == ComponentType.BONUS_KPI) {
      t.problem(row, "tier_table", "BONUS_KPI needs tier_table = a table of sheet KPI");
    } else if (type == ComponentType.BONUS_TEAM) {
      // flat: a target and a bonus per agent
      if (amount == null && t.text(row, "amount").isEmpty()) {
        t.problem(row, "amount", "amount is empty (BONUS_TEAM without tier_table needs the RMB "
            + "bonus per agent)");
      }
      if (threshold == null && t.text(row, "threshold").isEmpty()) {
        t.problem(row, "threshold", "threshold is empty (BONUS_TEAM without tier_table needs "
            + "the team's monthly sales target)");
      }
    } else if (needsRate && rate == null && t.text(row, "rate").isEmpty()) {
      t.problem(row, "rate", "rate is empty (" + type + " needs "
          + (type.rateIsFraction() ? "a percentage)" : "RMB per unit)"));
    }
    if (rate != null && rate.signum() < 0) {
      t.problem(row, "rate", "rate '" + t.text(row, "rate") + "' is negative");
    }
    if (type == ComponentType.BONUS_TEAM && rate != null) {
      t.problem(row, "rate", "BONUS_TEAM takes no rate (amount + threshold, or tier_table)");
    }
    if (type == ComponentType.BONUS_TEAM && threshold != null && threshold.signum() < 0) {
      t.problem(row, "threshold", "threshold '" + threshold + "' is a negative sales target");
    }
    if (category != null) {
      if (type != ComponentType.COMMISSION && type != ComponentType.RETURN_DEDUCTION) {
        t.problem(row, "category", "category is only used by COMMISSION and RETURN_DEDUCTION");
      } else if (!categories.contains(category) && !brokenSheets.contains("CategoryMargins")
          && !category.equals(SalesCommission.OTHER_CATEGORIES)) {
        t.problem(row, "category", "category '" + category + "' is not on sheet CategoryMargins "
            + "(or 'other')");
      }
    }
    boolean needsAmount = type == ComponentType.BASE || type == ComponentType.BONUS_ATTENDANCE
        || type == ComponentType.BONUS_DSR || type == ComponentType.BONUS_KPI
        || type == ComponentType.BONUS_TARGET;
    if (needsAmount && amount == null && t.text(row, "amount").isEmpty()) {
      t.problem(row, "amount", "amount is empty (" + type + " needs "
          + (type == ComponentType.BONUS_TARGET ? "the monthly sales target" : "an RMB amount")
          + ")");
    }
    if (amount != null && amount.signum() < 0) {
      t.problem(row, "amount", "amount '" + t.text(row, "amount") + "' is negative");
    }
    boolean needsThreshold = type == ComponentType.BONUS_ATTENDANCE
        || type == ComponentType.BONUS_DSR || type == ComponentType.BONUS_TARGET
        || (type == ComponentType.HOURLY && "scheduled_hours".equals(basis));
    if (needsThreshold && threshold == null && t.text(row, "threshold").isEmpty()) {
      t.problem(row, "threshold", "threshold is empty (" + type + " needs "
          + thresholdMeaning(type) + ")");
    }
    if (threshold != null) {
      if (type == ComponentType.BONUS_ATTENDANCE
          && (threshold.signum() <= 0 || threshold.compareTo(BigDecimal.valueOf(31)) > 0)) {
        t.problem(row, "threshold", "threshold '" + threshold + "' is not a day count 1–31");
      }
      if (type == ComponentType.BONUS_DSR
          && (threshold.compareTo(BigDecimal.ONE) < 0 || threshold.compareTo(BigDecimal.valueOf(5))
          > 0)) {
        t.problem(row, "threshold", "threshold '" + threshold + "' is not a DSR score 1–5");
      }
    }
  }

  private static String thresholdMeaning(ComponentType type) {
    switch (type) {
      case BONUS_ATTENDANCE: return "the minimum number of active days";
      case BONUS_DSR: return "the minimum average DSR score";
      case BONUS_TARGET: return "the attainment ratio, e.g. 1.2";
      default: return "hours per active day";
    }
  }

  private List<TierBand> readTiers(Table t) {
    List<TierBand> bands = new ArrayList<>();
    Map<String, List<Row>> rowsByTable = new TreeMap<>();
    for (Row row : t.rows()) {
      String table = t.requiredText(row, "tier_table");
      BigDecimal lower = t.number(row, "lower", true);
      BigDecimal upper = t.number(row, "upper", false);
      BigDecimal rate = t.number(row, "rate", true);
      if (lower != null && lower.signum() < 0) {
        t.problem(row, "lower", "lower '" + lower + "' is negative");
      }
      if (lower != null && upper != null && upper.compareTo(lower) <= 0) {
        t.problem(row, "upper", "upper '" + upper + "' is not above lower '" + lower + "'");
      }
      if (rate != null && rate.signum() < 0) {
        t.problem(row, "rate", "rate '" + rate + "' is negative");
      }
      if (table != null && lower != null && rate != null) {
        bands.add(new TierBand(table, lower, upper, rate));
        rowsByTable.computeIfAbsent(table, k -> new ArrayList<>()).add(row);
      }
    }
    // Bands of a table must follow each other without gaps or overlaps.
    for (var e : rowsByTable.entrySet()) {
      List<TierBand> sorted = new ArrayList<>();
      for (TierBand b : bands) {
        if (b.tierTable().equals(e.getKey())) {
          sorted.add(b);
        }
      }
      sorted.sort((a, b) -> a.lower().compareTo(b.lower()));
      for (int i = 0; i + 1 < sorted.size(); i++) {
        BigDecimal upper = sorted.get(i).upper();
        if (upper == null || upper.compareTo(sorted.get(i + 1).lower()) != 0) {
          problems.add(file + "!Tiers: tier table '" + e.getKey() + "' band from "
              + sorted.get(i).lower().toPlainString() + " ends at " + (upper == null ? "(no upper)"
              : upper.toPlainString()) + " but the next band starts at "
              + sorted.get(i + 1).lower().toPlainString() + " (bands must be contiguous)");
        }
      }
    }
    return bands;
  }

  private List<KpiRule> readKpi(Table t) {
    List<KpiRule> rules = new ArrayList<>();
    Map<String, BigDecimal> weightByMetric = new LinkedHashMap<>();
    for (Row row : t.rows()) {
      String table = t.requiredText(row, "kpi_table");
      String metric = t.requiredText(row, "metric");
      if (metric != null && !KPI_METRICS.contains(metric)) {
        t.problem(row, "metric", "metric '" + metric + "' is unknown (expected one of "
            + new java.util.TreeSet<>(KPI_METRICS) + ")");
      }
      BigDecimal weight = t.percentage(row, "weight", true);
      String comparison = t.requiredText(row, "comparison");
      if (comparison != null && !comparison.equals(">=") && !comparison.equals("<=")) {
        t.problem(row, "comparison", "comparison '" + comparison + "' is not >= or <=");
      }
      BigDecimal threshold = metric != null && metric.endsWith("rate")
          || "inquiry_conversion".equals(metric)
          ? t.percentage(row, "threshold", true) : t.number(row, "threshold", true);
      BigDecimal points = t.number(row, "points", true);
      if (points != null
          && (points.signum() < 0 || points.compareTo(BigDecimal.valueOf(100)) > 0)) {
        t.problem(row, "points", "points '" + points + "' is not between 0 and 100");
      }
      if (table != null && metric != null && weight != null) {
        BigDecimal previous = weightByMetric.putIfAbsent(table + "\u0000" + metric, weight);
        if (previous != null && previous.compareTo(weight) != 0) {
          t.problem(row, "weight", "weight of " + metric + " differs from an earlier row ("
              + previous.toPlainString() + ")");
        }
      }
      if (table != null && metric != null && weight != null && comparison != null
          && threshold != null && points != null) {
        rules.add(new KpiRule(table, metric, weight, comparison, threshold, points));
      }
    }
    Map<String, BigDecimal> sums = new TreeMap<>();
    weightByMetric.forEach((k, w) -> sums.merge(k.substring(0, k.indexOf('\u0000')), w,
        BigDecimal::add));
    sums.forEach((table, sum) -> {
      if (sum.subtract(BigDecimal.ONE).abs().compareTo(new BigDecimal("0.001")) > 0) {
        problems.add(file + "!KPI: weights of KPI table '" + table + "' add up to "
            + sum.movePointRight(2).stripTrailingZeros().toPlainString() + "% (expected 100%)");
      }
    });
    return rules;
  }

  private List<MinimumWage> readMinimumWages(Table t) {
    List<MinimumWage> wages = new ArrayList<>();
    for (Row row : t.rows()) {
      String region = t.requiredText(row, "region");
      Integer tier = t.integer(row, "city_tier", false);
      if ("*".equals(region) && tier == null && t.text(row, "city_tier").isEmpty()) {
        t.problem(row, "city_tier", "city_tier is empty (region * is the fallback by city tier)");
      }
      Integer year = t.integer(row, "year", true);
      if (year != null && (year < 2000 || year > 2100)) {
        t.problem(row, "year", "year '" + year + "' is not a year 2000–2100");
      }
      BigDecimal monthly = t.number(row, "monthly_min_wage", true);
      if (monthly != null && monthly.signum() <= 0) {
        t.problem(row, "monthly_min_wage", "monthly_min_wage '" + monthly + "' is not positive");
      }
      BigDecimal hourly = t.number(row, "hourly_min_wage", false);
      if (region != null && year != null && monthly != null) {
        wages.add(new MinimumWage(region, tier, year, monthly, hourly,
            t.optionalText(row, "source"), t.optionalText(row, "note")));
      }
    }
    return wages;
  }

  private List<CategoryMargin> readMargins(Table t) {
    List<CategoryMargin> margins = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Row row : t.rows()) {
      String category = t.requiredText(row, "category");
      if (category != null && !seen.add(category)) {
        t.problem(row, "category", "category '" + category + "' appears twice");
      }
      BigDecimal margin = t.percentage(row, "margin_rate", true);
      if (category != null && margin != null) {
        margins.add(new CategoryMargin(category, t.optionalText(row, "category_name"), margin));
      }
    }
    return margins;
  }

  private Map<String, String> readSettings(Table t) {
    Map<String, String> settings = new LinkedHashMap<>();
    Set<String> known = Set.of(PayConfig.Settings.BOOTSTRAP_SEED,
        PayConfig.Settings.BOOTSTRAP_RESAMPLES, PayConfig.Settings.PEAK_MONTHS,
        PayConfig.Settings.UNCHANGED_BAND, PayConfig.Settings.DEFAULT_CITY_TIER);
    for (Row row : t.rows()) {
      String key = t.requiredText(row, "key");
      String value = t.text(row, "value");
      if (key == null) {
        continue;
      }
      if (!known.contains(key)) {
        t.problem(row, "key", "unknown setting '" + key + "' (expected one of "
            + new java.util.TreeSet<>(known) + ")");
        continue;
      }
      boolean ok;
      switch (key) {
        case PayConfig.Settings.PEAK_MONTHS:
          ok = value.matches("\\s*(\\d{1,2}\\s*[,，\\s]\\s*)*\\d{0,2}\\s*");
          break;
        case PayConfig.Settings.UNCHANGED_BAND:
          ok = parsePercentage(value) != null;
          if (ok) {
            value = parsePercentage(value).toPlainString();
          }
          break;
        default:
          ok = value.matches("\\d+");
      }
      if (!ok) {
        t.problem(row, "value", "value '" + value + "' of " + key + " is not valid");
      }
      settings.put(key, value);
    }
    return settings;
  }
}
