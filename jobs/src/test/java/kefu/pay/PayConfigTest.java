package kefu.pay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayConfigTest {
  @TempDir Path dir;

  @Test
  void writtenDefaultsReadBackWithAtLeastEightSchemesAndExactlyOneCurrent() {
    PayConfig.writeDefaults(dir);
    PayConfig read = PayConfig.read(dir);
    PayConfig defaults = PayConfig.defaults();
    assertTrue(read.schemes().size() >= 8);
    assertEquals(1, read.schemes().stream().filter(SchemeDef::isCurrent).count());
    assertEquals("S1", read.currentScheme().schemeId());
    assertEquals(defaults.components().size(), read.components().size());
    for (int i = 0; i < defaults.components().size(); i++) {
      ComponentDef d = defaults.components().get(i);
      ComponentDef r = read.components().get(i);
      assertEquals(d.type(), r.type());
      assertEquals(d.componentId(), r.componentId());
      assertEquals(d.rate() == null, r.rate() == null);
      if (d.rate() != null) {
        assertEquals(0, d.rate().compareTo(r.rate()), d.componentId());
      }
    }
    assertEquals(defaults.tiers().size(), read.tiers().size());
    assertEquals(defaults.minimumWages().size(), read.minimumWages().size());
    assertEquals(0, new BigDecimal("0.45").compareTo(read.categoryMargins().stream()
        .filter(m -> m.category().equals("beauty")).findFirst().get().marginRate()));
  }

  @Test
  void everyProblemIsReportedWithSheetAndCell() throws Exception {
    Path file = PayConfig.writeDefaults(dir);
    edit(file, wb -> {
      Sheet components = wb.getSheet("Components");
      // Row 3 = S1 line 2 (2% commission); column E = rate, C = type.
      components.getRow(2).getCell(4).setCellValue("2%%");
      components.getRow(3).getCell(2).setCellValue("BONUS_FOO");
      Sheet tiers = wb.getSheet("Tiers");
      tiers.getRow(0).getCell(3).setCellValue("pct");
    });
    PayConfigError e = assertThrows(PayConfigError.class, () -> PayConfig.read(dir));
    String message = e.getMessage();
    assertTrue(message.contains(
        "pay_schemes.xlsx!Components!E3: rate '2%%' is not a percentage"), message);
    assertTrue(message.contains(
        "pay_schemes.xlsx!Components!C4: unknown component type 'BONUS_FOO'"), message);
    assertTrue(message.contains("pay_schemes.xlsx!Tiers!1: column 'rate' is missing"), message);
    assertEquals(3, e.problems().size(), message);
  }

  @Test
  void columnsAreFoundByHeaderNameInAnyOrderAndPercentTextIsAccepted() throws Exception {
    Path file = PayConfig.writeDefaults(dir);
    edit(file, wb -> {
      Sheet margins = wb.getSheet("CategoryMargins");
      // Swap the columns: margin_rate first, category last.
      for (var row : margins) {
        String a = row.getCell(0).toString();
        var c = row.getCell(2);
        String rate = row.getRowNum() == 0 ? "margin_rate"
            : String.format("%.0f%%", c.getNumericCellValue() * 100);
        row.getCell(0).setCellValue(rate);
        row.removeCell(c);
        row.createCell(2).setCellValue(a);
      }
    });
    PayConfig read = PayConfig.read(dir);
    assertEquals(0, new BigDecimal("0.10").compareTo(read.categoryMargins().stream()
        .filter(m -> m.category().equals("electronics")).findFirst().get().marginRate()));
  }

  @Test
  void twoCurrentSchemesAndAnUnknownTierTableAreRejected() throws Exception {
    Path file = PayConfig.writeDefaults(dir);
    edit(file, wb -> {
      wb.getSheet("Schemes").getRow(2).getCell(4).setCellValue(true);
      Sheet components = wb.getSheet("Components");
      for (var row : components) {
        if (row.getRowNum() > 0 && "T_SALES_MONTHLY".equals(row.getCell(5) == null ? null
            : row.getCell(5).toString())) {
          row.getCell(5).setCellValue("T_NOPE");
        }
      }
    });
    PayConfigError e = assertThrows(PayConfigError.class, () -> PayConfig.read(dir));
    assertTrue(e.getMessage().contains("exactly one scheme must have is_current = TRUE (found 2"),
        e.getMessage());
    assertTrue(e.getMessage().contains("tier table 'T_NOPE' is not on sheet Tiers"),
        e.getMessage());
  }

  interface Edit {
    void apply(Workbook wb) throws Exception;
  }

  static void edit(Path file, Edit edit) throws Exception {
    Workbook wb;
    try (InputStream in = Files.newInputStream(file)) {
      wb = WorkbookFactory.create(in);
    }
    edit.apply(wb);
    try (OutputStream out = Files.newOutputStream(file)) {
      wb.write(out);
    }
    wb.close();
  }
}
