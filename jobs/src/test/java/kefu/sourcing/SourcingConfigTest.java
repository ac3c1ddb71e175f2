package kefu.sourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcingConfigTest {
  @TempDir
  Path dir;

  @Test
  void theCommittedWorkbookReadsBackEqualToTheDefaults() {
    assertEquals(SourcingConfig.defaults(), SourcingConfig.read(configDir()));
  }

  @Test
  void writtenDefaultsReadBackEqual() {
    SourcingConfig.writeDefaults(dir);
    assertEquals(SourcingConfig.defaults(), SourcingConfig.read(dir));
    assertEquals(SourcingConfig.defaults(), SourcingConfig.readOrDefaults(dir.resolve("none")));
  }

  @Test
  void aBadCellIsNamedWithWhatWasExpectedAndFound() throws Exception {
    SourcingConfig.writeDefaults(dir);
    edit(wb -> {
      // Staffing row 4 = shrinkage (B4); InHouse B3 = tier-2 wage; Outsourcing A2 option id
      wb.getSheet("Staffing").getRow(3).getCell(1).setCellValue("lots");
      wb.getSheet("InHouse").getRow(2).getCell(1).setCellValue(-5);
      wb.getSheet("Outsourcing").getRow(1).getCell(0).setCellValue("dedicated_flt");
      wb.getSheet("PriceTiers").getRow(1).getCell(2).setCellValue(250);
    });
    SourcingConfigError e = assertThrows(SourcingConfigError.class,
        () -> SourcingConfig.read(dir));
    String all = String.join("\n", e.problems());
    assertTrue(all.contains("sourcing.xlsx!Staffing!B4: shrinkage 'lots' is not valid "
        + "(expected a percentage 0%–90%"), all);
    assertTrue(all.contains("sourcing.xlsx!InHouse!B3: monthly_wage '-5' is not valid "
        + "(expected a number ≥ 0)"), all);
    assertTrue(all.contains("sourcing.xlsx!Outsourcing!A2: option 'dedicated_flt' is unknown"),
        all);
    assertTrue(all.contains("option 'dedicated_flat' is missing"), all);
    assertTrue(all.contains("tier table 'T_INQUIRY' band from 0 ends at 250 but the next starts "
        + "at 200"), all);
  }

  @Test
  void theOutsourcedConversionFactorIsAnOptionalCellDefaulting09() throws Exception {
    SourcingConfig.writeDefaults(dir);
    // row 19 (B19) is the last Staffing key: outsourced_conversion_factor
    edit(wb -> wb.getSheet("Staffing").getRow(18).getCell(1).setCellValue("80%"));
    assertEquals(0.8, SourcingConfig.read(dir).staffing().outsourcedConversionFactor(), 1e-12);
    // a workbook written before the key existed reads with the documented default
    edit(wb -> wb.getSheet("Staffing").removeRow(wb.getSheet("Staffing").getRow(18)));
    assertEquals(0.9, SourcingConfig.read(dir).staffing().outsourcedConversionFactor(), 1e-12);
    assertEquals(SourcingConfig.defaults(), SourcingConfig.read(dir));
  }

  @Test
  void aZeroConversionFactorIsRefusedWithItsCell() throws Exception {
    SourcingConfig.writeDefaults(dir);
    edit(wb -> wb.getSheet("Staffing").getRow(18).getCell(1).setCellValue(0));
    SourcingConfigError e = assertThrows(SourcingConfigError.class,
        () -> SourcingConfig.read(dir));
    assertTrue(String.join("\n", e.problems()).contains("sourcing.xlsx!Staffing!B19: "
        + "outsourced_conversion_factor must be above 0"), e.problems().toString());
  }

  @Test
  void concurrencyFactorsInterpolateBetweenTableRows() {
    SourcingConfig c = SourcingConfig.defaults();
    assertEquals(1.0, c.concurrencyFactor(1), 1e-12);
    assertEquals(1.7, c.concurrencyFactor(2), 1e-12);
    assertEquals(2.1, c.concurrencyFactor(2.5), 1e-12);
    assertEquals(3.5, c.concurrencyFactor(9), 1e-12);
    assertEquals(1.0, c.concurrencyFactor(0.4), 1e-12);
    assertEquals(1.8, c.unitPrice("T_INQUIRY", 199.9), 1e-12);
    assertEquals(1.35, c.unitPrice("T_INQUIRY", 200), 1e-12);
    assertEquals(1.0, c.unitPrice("T_INQUIRY", 5000), 1e-12);
  }

  private void edit(java.util.function.Consumer<Workbook> change) throws Exception {
    Path file = dir.resolve(SourcingConfig.FILE_NAME);
    Workbook wb;
    try (InputStream in = Files.newInputStream(file)) {
      wb = WorkbookFactory.create(in);
    }
    change.accept(wb);
    try (OutputStream out = Files.newOutputStream(file)) {
      wb.write(out);
    }
    wb.close();
  }

  static Path configDir() {
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("data/config/pay_schemes.xlsx"))) {
        return p.resolve("data/config");
      }
    }
    throw new AssertionError("data/config not found");
  }
}
