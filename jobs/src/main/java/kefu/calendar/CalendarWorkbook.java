package kefu.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * calendar.xlsx: sheet {@code calendar} with columns event, phase, start, end, note (read by
 * header name), one row per event x phase x year, dates as real date cells (ISO text also
 * accepted). Reading validates everything first and names each bad cell as
 * {@code calendar.xlsx!calendar!C7: what was expected (what was found)}.
 */
final class CalendarWorkbook {
  private CalendarWorkbook() {}

  static final String SHEET = "calendar";
  static final String README = "说明";
  static final List<String> COLUMNS = List.of("event", "phase", "start", "end", "note");
  /** Phase names the analyses know; 'all' is reserved for the whole event window. */
  static final Set<String> PHASES = Set.of("presale", "presale2", "main", "wave1", "wave2",
      "wave3", "day", "pause", "post");

  private static final List<String> README_LINES = List.of(
      "kefu 大促日历 (promotion calendar). One row per event x phase x year; start and end inclusive.",
      "Columns (by header name): event, phase, start, end, note. Dates as Excel dates or yyyy-mm-dd.",
      "phase: one of " + String.join(", ", PHASES.stream().sorted().toList())
          + " ('all' is computed: the whole event window).",
      "Phases of the same event and year must not overlap. Different events may overlap: "
          + "a day then belongs to the event listed first.",
      "Dates marked 'guess' in note are unsourced; edit them to your shop's actual dates.");

  static PromotionCalendar read(Path path) {
    String file = path.getFileName().toString();
    try (InputStream in = Files.newInputStream(path); Workbook wb = WorkbookFactory.create(in)) {
      return read(wb, file);
    } catch (IOException | RuntimeException e) {
      if (e instanceof CalendarConfigError c) {
        throw c;
      }
      throw new CalendarConfigError(List.of(file + ": not a readable .xlsx workbook ("
          + e.getMessage() + ")"));
    }
  }

  private static PromotionCalendar read(Workbook wb, String file) {
    List<String> problems = new ArrayList<>();
    Sheet sheet = wb.getSheet(SHEET);
    if (sheet == null) {
      throw new CalendarConfigError(List.of(file + ": sheet '" + SHEET + "' is missing "
          + "(expected columns " + String.join(", ", COLUMNS) + ")"));
    }
    DataFormatter formatter = new DataFormatter(Locale.ROOT);
    Map<String, Integer> columns = new HashMap<>();
    Row header = sheet.getRow(0);
    if (header != null) {
      for (Cell cell : header) {
        String name = formatter.formatCellValue(cell).strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty()) {
          columns.putIfAbsent(name, cell.getColumnIndex());
        }
      }
    }
    for (String c : COLUMNS.subList(0, 4)) {
      if (!columns.containsKey(c)) {
        problems.add(file + "!" + SHEET + "!1: column '" + c + "' is missing (expected header "
            + "row: " + String.join(", ", COLUMNS) + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw new CalendarConfigError(problems);
    }
    List<PromotionEvent> events = new ArrayList<>();
    List<String> where = new ArrayList<>();
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (row == null) {
        continue;
      }
      String event = text(row, columns.get("event"), formatter);
      String phase = text(row, columns.get("phase"), formatter);
      String startText = text(row, columns.get("start"), formatter);
      String endText = text(row, columns.get("end"), formatter);
      if (event.isEmpty() && phase.isEmpty() && startText.isEmpty() && endText.isEmpty()) {
        continue;
      }
      int before = problems.size();
      if (event.isEmpty()) {
        problems.add(cell(file, columns.get("event"), r)
            + ": event is empty (an event name such as 双11 is required)");
      }
      if (phase.isEmpty()) {
        problems.add(cell(file, columns.get("phase"), r) + ": phase is empty (expected one of "
            + String.join(", ", PHASES.stream().sorted().toList()) + ")");
      } else if (!PHASES.contains(phase)) {
        problems.add(cell(file, columns.get("phase"), r) + ": phase '" + phase
            + "' is unknown (expected one of " + String.join(", ", PHASES.stream().sorted()
            .toList()) + ")");
      }
      LocalDate start = date(row, columns.get("start"), "start", file, r, problems);
      LocalDate end = date(row, columns.get("end"), "end", file, r, problems);
      if (start != null && end != null && end.isBefore(start)) {
        problems.add(cell(file, columns.get("end"), r) + ": end " + end + " is before start "
            + start + " (expected end on or after start)");
      }
      if (problems.size() == before) {
        events.add(new PromotionEvent(event, phase, start, end));
        where.add(file + "!" + SHEET + "!" + (r + 1));
      }
    }
    for (int i = 0; i < events.size(); i++) {
      for (int j = i + 1; j < events.size(); j++) {
        PromotionEvent a = events.get(i);
        PromotionEvent b = events.get(j);
        if (a.event().equals(b.event()) && a.start().getYear() == b.start().getYear()
            && !a.end().isBefore(b.start()) && !b.end().isBefore(a.start())) {
          problems.add(where.get(j) + ": phase " + b.event() + "/" + b.phase() + " " + b.start()
              + ".." + b.end() + " overlaps " + a.event() + "/" + a.phase() + " " + a.start()
              + ".." + a.end() + " on row " + where.get(i).substring(where.get(i)
              .lastIndexOf('!') + 1) + " (expected phases of one event and year not to overlap)");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new CalendarConfigError(problems);
    }
    return new PromotionCalendar(events);
  }

  private static String cell(String file, int column, int rowIndex) {
    return file + "!" + SHEET + "!" + CellReference.convertNumToColString(column) + (rowIndex + 1);
  }

  private static String text(Row row, int column, DataFormatter formatter) {
    Cell cell = row.getCell(column);
    return cell == null ? "" : formatter.formatCellValue(cell).strip();
  }

  private static LocalDate date(Row row, int column, String name, String file, int r,
      List<String> problems) {
    Cell cell = row.getCell(column);
    CellType type = cell == null ? CellType.BLANK : cell.getCellType() == CellType.FORMULA
        ? cell.getCachedFormulaResultType() : cell.getCellType();
    if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
      return cell.getLocalDateTimeCellValue().toLocalDate();
    }
    String found = type == CellType.BLANK ? ""
        : new DataFormatter(Locale.ROOT).formatCellValue(cell).strip();
    if (found.isEmpty()) {
      problems.add(cell(file, column, r) + ": " + name + " is empty (a date like 2024-11-11 is "
          + "required)");
      return null;
    }
    try {
      return LocalDate.parse(found.replace('/', '-'));
    } catch (DateTimeParseException e) {
      problems.add(cell(file, column, r) + ": " + name + " '" + found + "' is not a date "
          + "(expected a date cell or yyyy-mm-dd)");
      return null;
    }
  }

  /** Writes the calendar atomically; notes per event come from {@code notes} (may be shorter). */
  static Path write(List<PromotionEvent> events, List<String> notes, Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".calendar", ".tmp");
      try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(tmp)) {
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle headerStyle = wb.createCellStyle();
        headerStyle.setFont(bold);
        CellStyle dateStyle = wb.createCellStyle();
        dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        Sheet sheet = wb.createSheet(SHEET);
        Row header = sheet.createRow(0);
        for (int c = 0; c < COLUMNS.size(); c++) {
          Cell cell = header.createCell(c);
          cell.setCellValue(COLUMNS.get(c));
          cell.setCellStyle(headerStyle);
        }
        for (int i = 0; i < events.size(); i++) {
          PromotionEvent e = events.get(i);
          Row row = sheet.createRow(i + 1);
          row.createCell(0).setCellValue(e.event());
          row.createCell(1).setCellValue(e.phase());
          Cell start = row.createCell(2);
          start.setCellValue(e.start());
          start.setCellStyle(dateStyle);
          Cell end = row.createCell(3);
          end.setCellValue(e.end());
          end.setCellStyle(dateStyle);
          row.createCell(4).setCellValue(i < notes.size() ? notes.get(i) : "");
        }
        sheet.setColumnWidth(0, 14 * 256);
        sheet.setColumnWidth(1, 10 * 256);
        sheet.setColumnWidth(2, 12 * 256);
        sheet.setColumnWidth(3, 12 * 256);
        sheet.setColumnWidth(4, 60 * 256);
        sheet.createFreezePane(0, 1);
        Sheet readme = wb.createSheet(README);
        for (int i = 0; i < README_LINES.size(); i++) {
          readme.createRow(i).createCell(0).setCellValue(README_LINES.get(i));
        }
        readme.setColumnWidth(0, 120 * 256);
        wb.write(out);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
