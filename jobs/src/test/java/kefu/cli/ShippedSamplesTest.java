package kefu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import kefu.ingest.InputPaths;
import kefu.ingest.ListedInputs;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The real samples committed in data/samples are what the README's examples read: each must be
 * recognised as its table's export before Spark starts, stay small, and carry its source note.
 */
class ShippedSamplesTest {
  static final Path SAMPLES = Paths.get(System.getProperty("kefu.repo.dir", ".."), "data/samples");

  @Test
  void theSamplesAreRecognisedAsAnOrderExportAndTwitterChats() {
    Path orders = SAMPLES.resolve("tmall_order_report.csv");
    ListedInputs listed = ListedInputs.check(new InputPaths(List.of(orders.toString()),
        List.of(), List.of(), List.of(SAMPLES.resolve("twcs_slice.csv").toString()), List.of()),
        new Configuration());
    // the Tmall export names no shop: the README's examples give --shop for that reason
    assertEquals(List.of(new ListedInputs.FileNamedShop(orders.toAbsolutePath().toString(),
        "tmall_order_report")), listed.shopFromFileName());
  }

  @Test
  void theSamplesStaySmallAndNameTheirSourceAndLicence() throws IOException {
    long bytes;
    try (Stream<Path> files = Files.list(SAMPLES)) {
      bytes = files.mapToLong(f -> f.toFile().length()).sum();
    }
    assertTrue(bytes < 2_100_000, bytes + " bytes in " + SAMPLES);
    String readme = Files.readString(SAMPLES.resolve("README.md"));
    for (String fact : List.of("tmall_order_report.csv", "415466095/echarts", "none stated",
        "twcs_slice.csv", "thoughtvector", "CC BY-NC-SA 4.0")) {
      assertTrue(readme.contains(fact), "data/samples/README.md does not say " + fact);
    }
  }
}
