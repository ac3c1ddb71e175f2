package kefu.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestWriterTest {

  @Test
  void writesPrettyJsonWithDeterministicKeyOrder(@TempDir Path tmp) throws IOException {
    Map<String, Object> inputs = new HashMap<>(); // no order of its own: sorted
    inputs.put("orders", Map.of("rows", 1000L, "rejected", 10));
    inputs.put("chats", Map.of("rows", 5L, "rejected", 0));
    Map<String, Object> manifest = new LinkedHashMap<>(); // insertion order kept
    manifest.put("run_id", "r-42");
    manifest.put("generated_at", "2026-01-05T02:00:00Z");
    manifest.put("inputs", inputs);
    manifest.put("payroll", new BigDecimal("12345.60"));
    manifest.put("outputs", List.of("review.xlsx", "charts/转化率.png"));
    manifest.put("ok", true);
    manifest.put("note", null);
    manifest.put("ratio", Double.NaN);
    Path file = tmp.resolve("run/manifest.json");
    ManifestWriter.write(manifest, file);

    String expected = """
        {
          "run_id" : "r-42",
          "generated_at" : "2026-01-05T02:00:00Z",
          "inputs" : {
            "chats" : {
              "rejected" : 0,
              "rows" : 5
            },
            "orders" : {
              "rejected" : 10,
              "rows" : 1000
            }
          },
          "payroll" : 12345.60,
          "outputs" : [
            "review.xlsx",
            "charts/转化率.png"
          ],
          "ok" : true,
          "note" : null,
          "ratio" : null
        }
        """;
    assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8));
    ManifestWriter.write(manifest, file); // replacing is fine and leaves no temp file
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void rejectsValuesThatAreNotJson(@TempDir Path tmp) {
    Map<String, Object> manifest = Map.of("bad", Arrays.asList(1, new Object()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ManifestWriter.write(manifest, tmp.resolve("m.json")));
    assertEquals(true, e.getMessage().contains("$.bad[1]"));
  }
}
