package kefu.pay;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes a {@link PayConfig} as pay_schemes.xlsx: typed cells, percent-formatted rates. */
final class PayConfigWorkbook {
  private PayConfigWorkbook() {}

  private static final List<String> README_LINES = List.of(
      "kefu 薪酬方案配置 (pay schemes). Edit in Excel/WPS; columns are read by header name.",
      "Schemes: one row per scheme; applies_to: all | role=pre_sales | employment=part_time | "
          + "sourcing=in_house | city_tier<=2 (clauses joined by &); "
          + "exactly one is_current=TRUE.",
      "Components: one row per payslip component; type = " + Arrays.toString(ComponentType.values()),
      "  rate: a fraction or percent (2% or 0.02) for COMMISSION, RETURN_DEDUCTION, SILENT_POOL, "
          + "BONUS_TARGET; RMB per order/hour for PIECE_RATE, HOURLY.",
      "  basis: COMMISSION sales_gross|sales_net|profit_gross|profit_net; RETURN_DEDUCTION "
          + "refunds|returns; SILENT_POOL silent_sales_net|silent_sales_gross; HOURLY "
          + "reception_hours|scheduled_hours; BONUS_DSR dsr_service|dsr_description|dsr_logistics; "
          + "BONUS_TARGET, BONUS_TEAM sales_gross|sales_net.",
      "  tier_table: a table of sheet Tiers (COMMISSION on monthly basis, PIECE_RATE per day) or "
          + "of sheet KPI (BONUS_KPI); BONUS_TEAM: bands' lower = team sales targets, rate = RMB "
          + "per agent (highest reached band pays); "
          + "tier_mode progressive (each band its rate, default) | whole.",
      "  category: COMMISSION/RETURN_DEDUCTION only; 'other' = categories no other row names.",
      "  amount: BASE monthly amount, bonus amount (BONUS_TEAM: per active agent of the team), "
          + "BONUS_TARGET monthly sales target.",
      "  threshold: BONUS_ATTENDANCE min active days, BONUS_DSR min score, BONUS_TARGET "
          + "attainment (1.2 = 120%), BONUS_TEAM the team's monthly sales target (flat), "
          + "HOURLY scheduled_hours hours per active day.",
      "Guards per scheme: full-time pay topped up to the local minimum wage (prorated); "
          + "deductions capped at deduction_cap_rate of gross pay.",
      "MinimumWage: region = city names separated by | or * (fallback by city_tier); a year's "
          + "value holds until a later row. 2025+ rows are 2024 carried forward (unsourced).",
      "See jobs/src/main/java/kefu/pay/README.md for every component and mart column.");

  static Path write(PayConfig config, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".pay_schemes", ".tmp");
      try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(tmp)) {
        Styles st = new Styles(wb);
        Sheet readme = wb.createSheet(ConfigSheets.README);
        for (int i = 0; i < README_LINES.size(); i++) {
          readme.createRow(i).createCell(0).setCellValue(README_LINES.get(i));
        }
        readme.setColumnWidth(0, 150 * 256);
        writeSchemes(wb, st, config);
        writeComponents(wb, st, config);
        writeTable(wb, st, ConfigSheets.TIERS, rows(config.tiers(), t -> Arrays.asList(
            t.tierTable(), t.lower(), t.upper(), t.rate())), Set2.of(3));
        writeTable(wb, st, ConfigSheets.KPI, rows(config.kpiRules(), k -> Arrays.asList(
            k.kpiTable(), k.metric(), pct(k.weight()), k.comparison(), k.threshold(),
            k.points())), Set2.of(2));
        writeTable(wb, st, ConfigSheets.MINIMUM_WAGE, rows(config.minimumWages(),
            m -> Arrays.asList(m.region(), m.cityTier(), m.year(), m.monthlyMinWage(),
                m.hourlyMinWage(), m.source(), m.note())), Set2.of());
        writeTable(wb, st, ConfigSheets.CATEGORY_MARGINS, rows(config.categoryMargins(),
            m -> Arrays.asList(m.category(), m.categoryName(), pct(m.marginRate()))), Set2.of(2));
        List<List<Object>> settings = new ArrayList<>();
        config.settings().forEach((k, v) -> settings.add(Arrays.asList(k, v,
            DefaultPayConfig.SETTING_NOTES.getOrDefault(k, ""))));
        writeTable(wb, st, ConfigSheets.SETTINGS, settings, Set2.of());
        wb.write(out);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void writeSchemes(Workbook wb, Styles st, PayConfig config) {
    writeTable(wb, st, ConfigSheets.SCHEMES, rows(config.schemes(), s -> Arrays.asList(
        s.schemeId(), s.name(), s.description(), s.appliesTo(), s.isCurrent(), s.minWageGuard(),
        pct(s.deductionCapRate()))), Set2.of(6));
  }

  private static void writeComponents(Workbook wb, Styles st, PayConfig config) {
    Sheet sheet = writeTable(wb, st, ConfigSheets.COMPONENTS, rows(config.components(),
        c -> Arrays.asList(c.schemeId(), c.line(), c.type().name(), c.basis(), c.rate(),
            c.tierTable(), c.tierMode(), c.category(), c.condition(), c.amount(), c.threshold(),
            c.note())), Set2.of());
    // Rates that are fractions show as percentages; RMB rates as numbers.
    for (int i = 0; i < config.components().size(); i++) {
      ComponentDef c = config.components().get(i);
      if (c.rate() != null && c.type().rateIsFraction()) {
        sheet.getRow(i + 1).getCell(4).setCellStyle(st.percent);
      }
    }
  }

  /** A marker that a value is a fraction to be shown as a percentage. */
  private record Pct(BigDecimal value) {}

  private static Object pct(BigDecimal value) {
    return value == null ? null : new Pct(value);
  }

  private static <T> List<List<Object>> rows(List<T> items,
      java.util.function.Function<T, List<Object>> f) {
    List<List<Object>> out = new ArrayList<>();
    for (T t : items) {
      out.add(f.apply(t));
    }
    return out;
  }

  private static Sheet writeTable(Workbook wb, Styles st, ConfigSheets.Sheet def,
      List<List<Object>> rows, java.util.Set<Integer> percentColumns) {
    Sheet sheet = wb.createSheet(def.name());
    Row header = sheet.createRow(0);
    for (int c = 0; c < def.columns().size(); c++) {
      var cell = header.createCell(c);
      cell.setCellValue(def.columns().get(c));
      cell.setCellStyle(st.header);
      sheet.setColumnWidth(c, Math.max(12, def.columns().get(c).length() + 4) * 256);
    }
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(r + 1);
      List<Object> values = rows.get(r);
      for (int c = 0; c < values.size(); c++) {
        Object v = values.get(c);
        if (v == null) {
          continue;
        }
        var cell = row.createCell(c);
        if (v instanceof Pct p) {
          cell.setCellValue(p.value().doubleValue());
          cell.setCellStyle(st.percent);
        } else if (v instanceof BigDecimal b) {
          cell.setCellValue(b.doubleValue());
        } else if (v instanceof Number n) {
          cell.setCellValue(n.doubleValue());
        } else if (v instanceof Boolean b) {
          cell.setCellValue(b);
        } else {
          cell.setCellValue(v.toString());
          int width = Math.min(80, v.toString().length() * 2 + 2);
          if (sheet.getColumnWidth(c) < width * 256) {
            sheet.setColumnWidth(c, width * 256);
          }
        }
      }
    }
    sheet.createFreezePane(0, 1);
    return sheet;
  }

  private static final class Set2 {
    static java.util.Set<Integer> of(Integer... values) {
      return java.util.Set.of(values);
    }
  }

  private static final class Styles {
    final CellStyle header;
    final CellStyle percent;

    Styles(Workbook wb) {
      header = wb.createCellStyle();
      Font bold = wb.createFont();
      bold.setBold(true);
      header.setFont(bold);
      percent = wb.createCellStyle();
      percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
    }
  }
}
