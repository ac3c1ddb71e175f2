package kefu.reliability;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import kefu.ingest.IngestOptions;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The bad-input corpus: small committed files under {@code src/test/resources/corpus/}, and the
 * binary or large cases generated here at run time (random bytes, a 10 MB cell, a 1 MB line,
 * workbooks, a zip bomb) so that the repository stays small.
 */
final class Corpus {
  private Corpus() {}

  static final String ORDER_HEADER = "订单编号,买家会员名,买家实付金额,订单状态,买家下单时间,买家付款时间,宝贝标题,店铺名称";
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  static IngestOptions options() {
    return new IngestOptions("Asia/Shanghai", KEY, null, null, false, false);
  }

  /** Copies {@code corpus/<name>} from the test resources to {@code dir/<name>}. */
  static Path copy(String name, Path dir) {
    try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no corpus file " + name);
      }
      Path target = dir.resolve(name);
      Files.createDirectories(target.getParent());
      Files.copy(in, target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Random bytes (with NULs) under a .csv name: a binary file someone renamed. */
  static Path binaryGarbage(Path file, boolean withNul) {
    byte[] bytes = new byte[64 * 1024];
    new Random(42).nextBytes(bytes);
    for (int i = 0; i < bytes.length; i++) {
      if (!withNul && bytes[i] == 0) {
        bytes[i] = (byte) 0xFF;
      }
    }
    return write(file, bytes);
  }

  /** Order BC1 whose 宝贝标题 is one quoted 10 MB cell (with commas and newlines), then BC2. */
  static Path bigCell(Path file) {
    try (Writer w = Files.newBufferedWriter(mkdirs(file), StandardCharsets.UTF_8)) {
      w.write(ORDER_HEADER + "\r\n");
      w.write("BC1,买家,10,交易成功,2016/5/23 22:02,,\"");
      char[] chunk = "很长的标题,含逗号\n和换行 ".repeat(1024).toCharArray();
      for (long written = 0; written < 10L * 1024 * 1024; written += chunk.length) {
        w.write(chunk);
      }
      w.write("\",旗舰店\r\n");
      w.write("BC2,买家,10,交易成功,2016/5/23 22:02,,T恤,旗舰店\r\n");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** LL1: a 1 MB line of 500,000 cells; LL2: a 1 MB line that is one unquoted cell; LL3 fine. */
  static Path longLines(Path file) {
    try (Writer w = Files.newBufferedWriter(mkdirs(file), StandardCharsets.UTF_8)) {
      w.write(ORDER_HEADER + "\r\n");
      w.write("LL1,买家,10,交易成功,2016/5/23 22:02,,T恤,旗舰店");
      w.write(",x".repeat(500_000));
      w.write("\r\nLL2,买家,10,交易成功,2016/5/23 22:02,,");
      w.write("y".repeat(1024 * 1024));
      w.write(",旗舰店\r\n");
      w.write("LL3,买家,10,交易成功,2016/5/23 22:02,,T恤,旗舰店\r\n");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A workbook as shops send it: a notes sheet first, then the orders sheet under a merged title
   * row, with a merged header cell, real date cells (Excel serials), formulas with cached values,
   * a formula without one, an error formula and formula-like text.
   */
  static Path workbook(Path file) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet notes = wb.createSheet("说明");
      notes.createRow(0).createCell(0).setCellValue("本报表由店铺后台导出");
      Sheet orders = wb.createSheet("订单");
      orders.createRow(0).createCell(0).setCellValue("订单报表 2016年5月");
      orders.addMergedRegion(new CellRangeAddress(0, 0, 0, 8));
      Row header = orders.createRow(1);
      String[] names = ORDER_HEADER.split(",");
      for (int i = 0; i < names.length; i++) {
        header.createCell(i).setCellValue(names[i]);
      }
      // 店铺名称 spans two columns; the second one has no header of its own.
      header.createCell(names.length).setCellValue("");
      orders.addMergedRegion(new CellRangeAddress(1, 1, names.length - 1, names.length));
      CellStyle dateStyle = wb.createCellStyle();
      dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d h:mm"));
      // X1: formula amount with its cached value, date cells.
      Row x1 = orderRow(orders, 2, "X1", "交易成功");
      x1.createCell(2).setCellFormula("60+40");
      dateCell(x1, 4, 42513.91805555556, dateStyle);
      dateCell(x1, 5, 42513.92013888889, dateStyle);
      // X2: formula amount never calculated (no cached value).
      Row x2 = orderRow(orders, 3, "X2", "交易成功");
      x2.createCell(2).setCellFormula("A1*2");
      dateCell(x2, 4, 42513.91805555556, dateStyle);
      // X3: formula amount that evaluates to an error (#DIV/0!).
      Row x3 = orderRow(orders, 4, "X3", "交易成功");
      x3.createCell(2).setCellFormula("1/0");
      dateCell(x3, 4, 42513.91805555556, dateStyle);
      // X4: text that looks like a formula stays text.
      Row x4 = orderRow(orders, 5, "X4", "=1+1");
      x4.createCell(2).setCellValue(10);
      x4.createCell(4).setCellValue("2016/5/23 22:02");
      wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(x1.getCell(2));
      wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(x3.getCell(2));
      return save(wb, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Orders on two sheets (one per month): reading only one would drop the other's rows. */
  static Path twoOrderSheets(Path file) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      for (String month : List.of("5月", "6月")) {
        Sheet s = wb.createSheet(month);
        Row header = s.createRow(0);
        String[] names = ORDER_HEADER.split(",");
        for (int i = 0; i < names.length; i++) {
          header.createCell(i).setCellValue(names[i]);
        }
        Row r = orderRow(s, 1, "T" + month, "交易成功");
        r.createCell(2).setCellValue(10);
        r.createCell(4).setCellValue("2016/5/23 22:02");
      }
      return save(wb, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A valid small workbook whose sheet XML is padded with 64 MB of whitespace: about 64 KB on
   * disk, an inflate ratio far below POI's 1% limit.
   */
  static Path zipBomb(Path file) {
    ByteArrayOutputStream small = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet s = wb.createSheet("订单");
      String[] names = ORDER_HEADER.split(",");
      Row header = s.createRow(0);
      for (int i = 0; i < names.length; i++) {
        header.createCell(i).setCellValue(names[i]);
      }
      wb.write(small);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(small.toByteArray()));
        ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(
            Files.newOutputStream(mkdirs(file))))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        out.putNextEntry(new ZipEntry(e.getName()));
        byte[] content = in.readAllBytes();
        String text = new String(content, StandardCharsets.UTF_8);
        int at = text.indexOf("<sheetData>");
        if (e.getName().startsWith("xl/worksheets/") && at >= 0) {
          int split = at + "<sheetData>".length();
          out.write(text.substring(0, split).getBytes(StandardCharsets.UTF_8));
          byte[] spaces = " ".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
          for (int i = 0; i < 64; i++) {
            out.write(spaces);
          }
          out.write(text.substring(split).getBytes(StandardCharsets.UTF_8));
        } else {
          out.write(content);
        }
        out.closeEntry();
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Row orderRow(Sheet s, int index, String id, String status) {
    Row r = s.createRow(index);
    r.createCell(0).setCellValue(id);
    r.createCell(1).setCellValue("买家");
    r.createCell(3).setCellValue(status);
    r.createCell(6).setCellValue("宝贝");
    r.createCell(7).setCellValue("旗舰店");
    return r;
  }

  private static void dateCell(Row r, int column, double serial, CellStyle style) {
    Cell c = r.createCell(column);
    c.setCellValue(serial);
    c.setCellStyle(style);
  }

  /**
   * {@code content} gzip-compressed into {@code file}, cut to {@code share} of its compressed
   * bytes (1 for the whole file): an export kept compressed, or its download cut short.
   */
  static Path gzip(Path file, byte[] content, double share) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
      out.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] whole = bytes.toByteArray();
    return write(file, java.util.Arrays.copyOf(whole, (int) (whole.length * share)));
  }

  /** The bytes of corpus file {@code name}. */
  static byte[] bytes(String name) {
    try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no corpus file " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path save(XSSFWorkbook wb, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(mkdirs(file))) {
      wb.write(out);
    }
    return file;
  }

  private static Path write(Path file, byte[] bytes) {
    try {
      return Files.write(mkdirs(file), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path mkdirs(Path file) {
    try {
      Files.createDirectories(file.getParent());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
