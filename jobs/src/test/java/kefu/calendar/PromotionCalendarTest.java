package kefu.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromotionCalendarTest {
  @TempDir Path dir;

  /** The repository's data/config, found from the module or the root as working directory. */
  static Path configDir() {
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("data/config/" + PromotionCalendar.FILE_NAME))) {
        return p.resolve("data/config");
      }
    }
    throw new AssertionError("data/config/" + PromotionCalendar.FILE_NAME + " not found");
  }

  @Test
  void theCommittedCalendarEqualsTheDefaults() {
    // regenerate with: kefu init-config data/config --force (or PromotionCalendar.writeDefaults)
    assertEquals(PromotionCalendar.defaults(), PromotionCalendar.readOrDefaults(configDir()));
  }

  @Test
  void writtenDefaultsReadBackAndAbsentFileMeansDefaults() {
    PromotionCalendar.writeDefaults(dir.resolve(PromotionCalendar.FILE_NAME));
    assertEquals(PromotionCalendar.defaults(), PromotionCalendar.readOrDefaults(dir));
    assertEquals(PromotionCalendar.defaults(),
        PromotionCalendar.readOrDefaults(dir.resolve("empty")));
  }

  @Test
  void defaultsHaveEveryEventFor2024And2025() {
    PromotionCalendar calendar = PromotionCalendar.defaults();
    for (int year : new int[] {2024, 2025}) {
      Set<String> events = calendar.events().stream()
          .filter(e -> e.start().getYear() == year)
          .map(PromotionEvent::event)
          .collect(Collectors.toSet());
      assertTrue(events.containsAll(Set.of("双11", "618", "年货节", "春节物流暂停", "38节", "88", "双12")),
          year + ": " + events);
    }
  }

  @Test
  void onFindsThePhaseOfADay() {
    PromotionCalendar calendar = PromotionCalendar.defaults();
    assertEquals("day", calendar.on(LocalDate.of(2024, 11, 11)).orElseThrow().phase());
    assertEquals("双11", calendar.on(LocalDate.of(2024, 10, 25)).orElseThrow().event());
    assertEquals("main", calendar.on(LocalDate.of(2024, 5, 20)).orElseThrow().phase());
    assertEquals("presale", calendar.on(LocalDate.of(2023, 5, 26)).orElseThrow().phase());
    assertEquals("pause", calendar.on(LocalDate.of(2025, 1, 29)).orElseThrow().phase());
    assertTrue(calendar.on(LocalDate.of(2024, 9, 10)).isEmpty());
    // 年货节 2023 (listed first) overlaps the logistics pause on 17-18 Jan: the first listed wins
    assertEquals("年货节", calendar.on(LocalDate.of(2023, 1, 17)).orElseThrow().event());
  }

  @Test
  void validationNamesEveryBadCell() throws Exception {
    Path file = dir.resolve(PromotionCalendar.FILE_NAME);
    PromotionCalendar.writeDefaults(file);
    edit(file, sheet -> {
      sheet.getRow(6).getCell(2).setCellValue("2019-13-40");   // C7: not a date
      sheet.getRow(2).getCell(3).setBlank();                    // D3: missing end
      Row r4 = sheet.getRow(3);                                 // 38节 main 2019: end before start
      r4.getCell(3).setCellValue(LocalDate.of(2019, 2, 1));
      sheet.getRow(4).getCell(1).setCellValue("mainsale");      // B5: unknown phase
      sheet.getRow(5).getCell(0).setCellValue("");              // A6: empty event
    });
    CalendarConfigError error = assertThrows(CalendarConfigError.class,
        () -> PromotionCalendar.readOrDefaults(dir));
    List<String> problems = error.problems();
    assertTrue(problems.contains("calendar.xlsx!calendar!C7: start '2019-13-40' is not a date "
        + "(expected a date cell or yyyy-mm-dd)"), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("calendar.xlsx!calendar!D3: end is "
        + "empty")), problems.toString());
    assertTrue(problems.contains("calendar.xlsx!calendar!D4: end 2019-02-01 is before start "
        + "2019-03-01 (expected end on or after start)"), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("calendar.xlsx!calendar!B5: phase "
        + "'mainsale' is unknown")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("calendar.xlsx!calendar!A6: event "
        + "is empty")), problems.toString());
    assertEquals(5, problems.size(), problems.toString());
  }

  @Test
  void overlappingPhasesOfOneEventAndYearAreAnError() throws Exception {
    Path file = dir.resolve(PromotionCalendar.FILE_NAME);
    PromotionCalendar.writeDefaults(file);
    // row 6: 618 presale 2019-05-24..05-31; row 7: 618 main from 06-01 -> move it to 05-30
    edit(file, sheet -> sheet.getRow(6).getCell(2).setCellValue(LocalDate.of(2019, 5, 30)));
    CalendarConfigError error = assertThrows(CalendarConfigError.class,
        () -> PromotionCalendar.readOrDefaults(dir));
    assertEquals(List.of("calendar.xlsx!calendar!7: phase 618/main 2019-05-30..2019-06-17 overlaps "
        + "618/presale 2019-05-24..2019-05-31 on row 6 (expected phases of one event and year "
        + "not to overlap)"), error.problems());
  }

  private interface SheetEdit {
    void apply(Sheet sheet);
  }

  private static void edit(Path file, SheetEdit edit) throws Exception {
    Workbook wb;
    try (InputStream in = Files.newInputStream(file)) {
      wb = WorkbookFactory.create(in);
    }
    edit.apply(wb.getSheet("calendar"));
    try (OutputStream out = Files.newOutputStream(file)) {
      wb.write(out);
    }
    wb.close();
  }
}
