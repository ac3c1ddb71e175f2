package kefu.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The report layer receives plain records: it must not depend on Spark. */
class ReportLayerTest {

  @Test
  void reportSourcesDoNotImportSpark() throws IOException {
    Path main = Path.of("src/main/java/kefu/report");
    try (Stream<Path> files = Files.walk(main)) {
      List<Path> offenders = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> usesSpark(read(p)))
          .toList();
      assertEquals(List.of(), offenders);
    }
  }

  /** A code line (not a comment) naming a Spark package, in an import or fully qualified. */
  private static boolean usesSpark(String source) {
    return source.lines().map(String::strip)
        .filter(l -> !l.startsWith("*") && !l.startsWith("//") && !l.startsWith("/*"))
        .anyMatch(l -> l.contains("org.apache.spark."));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
