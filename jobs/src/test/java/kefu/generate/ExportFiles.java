package kefu.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reads the generator's CSV folders back in plain Java (strict GBK decoding, gzip or not). */
final class ExportFiles {
  private ExportFiles() {}

  static final Charset GBK = Charset.forName("GBK");

  static List<Path> csvFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().matches(".*\\.csv(\\.gz)?"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String decode(Path file, Charset charset) throws CharacterCodingException {
    try {
      return charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Path file) throws IOException {
    if (!file.getFileName().toString().endsWith(".gz")) {
      return Files.readAllBytes(file);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    }
  }

  static boolean isUtf8(Path file) {
    try {
      decode(file, StandardCharsets.UTF_8);
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  static List<String> lines(Path file) {
    try {
      return List.of(decode(file, GBK).split("\r?\n"));
    } catch (CharacterCodingException e) {
      throw new IllegalStateException(file + " is not GBK", e);
    }
  }

  /** Data rows of every file of a folder, keyed by header. */
  static List<Map<String, String>> rows(Path folder) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Path file : csvFiles(folder)) {
      List<String> lines = lines(file);
      String[] header = lines.get(0).split(",", -1);
      for (String line : lines.subList(1, lines.size())) {
        if (line.isEmpty()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (cells.length != header.length) {
          throw new IllegalStateException(file + ": " + cells.length + " cells in " + line);
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], cells[i]);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** All data lines of a folder, sorted (content equality regardless of file split). */
  static List<String> sortedContent(Path folder) {
    List<String> all = new ArrayList<>();
    for (Path file : csvFiles(folder)) {
      List<String> lines = lines(file);
      all.addAll(lines.subList(1, lines.size()));
    }
    all.sort(String::compareTo);
    return all;
  }

  static String unguard(String id) {
    String s = id.trim();
    if (s.startsWith("=")) {
      s = s.substring(1);
    }
    return s.replace("\"", "").replace("'", "");
  }
}
