package kefu.sourcing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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

/** Writes a {@link SourcingConfig} as sourcing.xlsx: typed cells, rates as percentages. */
final class SourcingConfigWorkbook {
  private SourcingConfigWorkbook() {}

  private static final List<String> README = List.of(
      "kefu 自营与外包 (in-house vs outsourced) configuration. Columns are read by header name.",
      "Staffing: key/value; percentages as 90% or 0.9. Concurrency: chats → speed-up factor.",
      "InHouse: monthly cost of one in-house agent by city tier; turnover = hire_cost ÷ "
          + "average_tenure_months per head and month.",
      "Outsourcing: one row per option: dedicated_flat (seat_fee), dedicated_commission (seat_fee "
          + "+ commission_rate of sales), shared_seat (base_fee + unit_price per message), "
          + "tiered_inquiry and hybrid (tier_table of PriceTiers, per inquiry by inquiries/day).",
      "  peak_surcharge on event days (promotion calendar), night_surcharge on night hours, "
          + "minimum_monthly_fee tops the bill up, min_seats for seat models.",
      "  hybrid: an in-house core (InHouse costs) sized for normal days' covered daytime hours; "
          + "night and uncovered hours and event/holiday days' excess outsourced per inquiry.",
      "  A partial month (history covers part of it) pro-rates monthly fees, minimums and wages "
          + "by covered days.",
      "PriceTiers: contiguous bands [lower, upper) of inquiries per day; upper empty = no limit.",
      "Staffing outsourced_conversion_factor is an assumption (no source gives a figure): "
          + "outsourced agents' conversion relative to in-house agents'; the cheapest option is "
          + "the lowest cost per ¥100 of the agent-credited sales it keeps.",
      "See jobs/src/main/java/kefu/sourcing/README.md.");

  private record Pct(double value) {}

  static Path write(SourcingConfig config, Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".sourcing", ".tmp");
      try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(tmp)) {
        CellStyle header = wb.createCellStyle();
        Font bold = wb.createFont();
        bold.setBold(true);
        header.setFont(bold);
        CellStyle percent = wb.createCellStyle();
        percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
        Sheet readme = wb.createSheet(SourcingConfigSheets.README);
        for (int i = 0; i < README.size(); i++) {
          readme.createRow(i).createCell(0).setCellValue(README.get(i));
        }
        readme.setColumnWidth(0, 150 * 256);
        StaffingParameters s = config.staffing();
        Object[] values = {new Pct(s.serviceLevelTarget()), s.serviceLevelSeconds(),
            new Pct(s.shrinkage()), new Pct(s.maxOccupancy()), s.minimumAgents(),
            s.minimumAgentsPerCoveredHour(), s.coveredFrom(), s.coveredTo(), s.nightFrom(),
            s.nightTo(), s.shiftHours(), s.contractedHoursPerMonth(), s.concurrentChats(),
            s.cityTier(), s.payrollScheme(), s.messageBasis(), s.breakEvenMaxPerDay(),
            s.outsourcedConversionFactor()};
        List<List<Object>> staffing = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
          String[] key = SourcingConfigSheets.STAFFING_KEYS.get(i);
          staffing.add(Arrays.asList(key[0], values[i], key[1]));
        }
        table(wb, header, percent, SourcingConfigSheets.STAFFING, staffing);
        table(wb, header, percent, SourcingConfigSheets.CONCURRENCY, config.concurrency().stream()
            .map(c -> Arrays.<Object>asList(c.chats(), c.factor())).toList());
        table(wb, header, percent, SourcingConfigSheets.IN_HOUSE, config.inHouse().stream()
            .map(c -> Arrays.<Object>asList(c.cityTier(), c.monthlyWage(),
                new Pct(c.socialInsuranceRate()), c.equipment(), c.office(), c.software(),
                c.management(), c.hireCost(), c.averageTenureMonths())).toList());
        table(wb, header, percent, SourcingConfigSheets.OUTSOURCING, config.quotes().stream()
            .map(q -> Arrays.<Object>asList(q.option(), q.name(), q.seatFee(), q.baseFee(),
                new Pct(q.commissionRate()), q.unitPrice(), q.tierTable(),
                q.minimumMonthlyFee(), q.minSeats(), new Pct(q.peakSurcharge()),
                new Pct(q.nightSurcharge()), q.note())).toList());
        table(wb, header, percent, SourcingConfigSheets.PRICE_TIERS, config.priceBands().stream()
            .map(b -> Arrays.<Object>asList(b.tierTable(), b.lower(), b.upper(), b.unitPrice()))
            .toList());
        wb.write(out);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void table(Workbook wb, CellStyle headerStyle, CellStyle percent,
      SourcingConfigSheets.Sheet def, List<List<Object>> rows) {
    Sheet sheet = wb.createSheet(def.name());
    Row header = sheet.createRow(0);
    for (int c = 0; c < def.columns().size(); c++) {
      var cell = header.createCell(c);
      cell.setCellValue(def.columns().get(c));
      cell.setCellStyle(headerStyle);
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
          cell.setCellValue(p.value());
          cell.setCellStyle(percent);
        } else if (v instanceof Number n) {
          cell.setCellValue(n.doubleValue());
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
  }
}
