package kefu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** init-config writes what validate-config accepts; a broken cell is named and fails with 1. */
class ConfigCommandsTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = Kefu.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  private Path defaults() throws Exception {
    Path d = Files.createDirectories(dir.resolve("defaults"));
    Files.writeString(d.resolve("categories.csv"), "item_prefix,category\nAPP,apparel\n");
    kefu.calendar.PromotionCalendar.writeDefaults(d.resolve("calendar.xlsx"));
    return d;
  }

  @Test
  void initConfigWritesTheDefaultsAndValidateConfigAcceptsThem() throws Exception {
    Path cfg = dir.resolve("cfg");
    assertEquals(ExitCodes.OK, run("init-config", cfg.toString(),
        "--defaults", defaults().toString()), err.toString());
    assertTrue(Files.exists(cfg.resolve("pay_schemes.xlsx")));
    assertEquals("item_prefix,category\nAPP,apparel\n",
        Files.readString(cfg.resolve("categories.csv")));
    assertTrue(Files.exists(cfg.resolve("calendar.xlsx")));
    assertTrue(Files.exists(cfg.resolve("sourcing.xlsx")));
    assertEquals(ExitCodes.OK, run("validate-config", cfg.toString()), err.toString());
    assertTrue(out.toString().contains("current scheme S1"), out.toString());
    assertTrue(out.toString().contains("sourcing.xlsx: OK, 5 outsourcing quotes"),
        out.toString());
    // a second init keeps the analyst's edits
    assertEquals(ExitCodes.OK, run("init-config", cfg.toString(),
        "--defaults", defaults().toString()));
    assertTrue(out.toString().contains("kept"), out.toString());
  }

  @Test
  void validateConfigNamesEveryBrokenCellAndExitsWithOne() throws Exception {
    Path cfg = dir.resolve("cfg");
    run("init-config", cfg.toString(), "--defaults", defaults().toString());
    Path file = cfg.resolve("pay_schemes.xlsx");
    Workbook wb;
    try (InputStream in = Files.newInputStream(file)) {
      wb = WorkbookFactory.create(in);
    }
    // Components row 6 (S2's 4% commission), column rate (E): a percentage with a stray %
    wb.getSheet("Components").getRow(5).getCell(4).setCellValue("2%%");
    try (OutputStream o = Files.newOutputStream(file)) {
      wb.write(o);
    }
    wb.close();
    assertEquals(ExitCodes.BAD_INPUT, run("validate-config", cfg.toString()));
    assertTrue(out.toString().contains(
        "pay_schemes.xlsx!Components!E6: rate '2%%' is not a percentage"), out.toString());
    assertTrue(err.toString().contains("1 problem"), err.toString());
  }

  @Test
  void validateConfigNamesABrokenCalendarCell() throws Exception {
    Path cfg = dir.resolve("cfg");
    run("init-config", cfg.toString(), "--defaults", defaults().toString());
    Path file = cfg.resolve("calendar.xlsx");
    Workbook wb;
    try (InputStream in = Files.newInputStream(file)) {
      wb = WorkbookFactory.create(in);
    }
    wb.getSheet("calendar").getRow(6).getCell(2).setCellValue("soon");
    try (OutputStream o = Files.newOutputStream(file)) {
      wb.write(o);
    }
    wb.close();
    assertEquals(ExitCodes.BAD_INPUT, run("validate-config", cfg.toString()));
    assertTrue(out.toString().contains("calendar.xlsx!calendar!C7: start 'soon' is not a date"),
        out.toString());
    assertTrue(err.toString().contains("1 problem in"), err.toString());
  }

  @Test
  void validateConfigNamesABrokenSourcingCell() throws Exception {
    Path cfg = dir.resolve("cfg");
    run("init-config", cfg.toString(), "--defaults", defaults().toString());
    Path file = cfg.resolve("sourcing.xlsx");
    Workbook wb;
    try (InputStream in = Files.newInputStream(file)) {
      wb = WorkbookFactory.create(in);
    }
    // Staffing row 4 = shrinkage (B4); InHouse B3 = the tier-2 wage
    wb.getSheet("Staffing").getRow(3).getCell(1).setCellValue("lots");
    wb.getSheet("InHouse").getRow(2).getCell(1).setCellValue(-5);
    try (OutputStream o = Files.newOutputStream(file)) {
      wb.write(o);
    }
    wb.close();
    assertEquals(ExitCodes.BAD_INPUT, run("validate-config", cfg.toString()));
    assertTrue(out.toString().contains("sourcing.xlsx!Staffing!B4: shrinkage 'lots' is not "
        + "valid"), out.toString());
    assertTrue(out.toString().contains("sourcing.xlsx!InHouse!B3: monthly_wage '-5' is not "
        + "valid"), out.toString());
    assertTrue(err.toString().contains("2 problems in"), err.toString());
    assertTrue(err.toString().contains("sourcing.xlsx"), err.toString());
  }

  @Test
  void validateConfigOnAFolderWithoutConfigFailsUnlessDefaultsAreAllowed() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertEquals(ExitCodes.BAD_INPUT, run("validate-config", empty.toString()));
    assertTrue(out.toString().contains("checking " + empty.toAbsolutePath()
        + ": pay_schemes.xlsx, calendar.xlsx, sourcing.xlsx"), out.toString());
    assertTrue(err.toString().contains(empty + " holds no config file (none of pay_schemes.xlsx, "
        + "calendar.xlsx, sourcing.xlsx); write the defaults to edit with 'kefu init-config "
        + empty + "', or give --allow-defaults"), err.toString());

    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    assertEquals(ExitCodes.OK, run("validate-config", empty.toString(), "--allow-defaults"),
        err.toString());
    assertTrue(out.toString().contains("pay_schemes.xlsx: not present"), out.toString());
    assertTrue(out.toString().contains("calendar.xlsx: not present"), out.toString());
    assertTrue(out.toString().contains("sourcing.xlsx: not present"), out.toString());
  }

  @Test
  void validateConfigNamesEachFileItChecked() throws Exception {
    Path cfg = dir.resolve("cfg");
    run("init-config", cfg.toString(), "--defaults", defaults().toString());
    Files.delete(cfg.resolve("sourcing.xlsx"));
    out.getBuffer().setLength(0);
    assertEquals(ExitCodes.OK, run("validate-config", cfg.toString()), err.toString());
    List<String> lines = out.toString().lines().toList();
    assertEquals(4, lines.size(), out.toString());
    assertTrue(lines.get(0).startsWith("checking " + cfg.toAbsolutePath()), lines.get(0));
    assertTrue(lines.get(1).startsWith("pay_schemes.xlsx: OK"), lines.get(1));
    assertTrue(lines.get(2).startsWith("calendar.xlsx: OK"), lines.get(2));
    assertTrue(lines.get(3).startsWith("sourcing.xlsx: not present"), lines.get(3));
  }

  @Test
  void initConfigWritesEveryFileWithTheSamePermissions() throws Exception {
    Path cfg = dir.resolve("cfg");
    assertEquals(ExitCodes.OK, run("init-config", cfg.toString(),
        "--defaults", defaults().toString()), err.toString());
    for (String name : List.of("pay_schemes.xlsx", "sourcing.xlsx", "categories.csv",
        "calendar.xlsx")) {
      assertEquals("rw-r--r--", PosixFilePermissions.toString(
          Files.getPosixFilePermissions(cfg.resolve(name))), name);
    }
  }

  @Test
  void missingDefaultsAreAnInputError() {
    assertEquals(ExitCodes.BAD_INPUT, run("init-config", dir.resolve("cfg").toString(),
        "--defaults", dir.resolve("nowhere").toString()));
    assertTrue(err.toString().contains("default config file not found"), err.toString());
  }
}
