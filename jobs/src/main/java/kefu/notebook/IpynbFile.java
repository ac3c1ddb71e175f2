package kefu.notebook;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Blocks as a Jupyter notebook, nbformat 4.5: markdown cells (charts as cell attachments, so the
 * notebook is one self-contained file) and code cells without outputs. Cell ids are derived from
 * the position, keeping the file identical for identical runs.
 */
final class IpynbFile {
  private IpynbFile() {}

  static String render(List<Block> blocks, String language) {
    List<Object> cells = new ArrayList<>();
    for (Block b : blocks) {
      Map<String, Object> cell = new LinkedHashMap<>();
      cell.put("id", "kefu-" + cells.size());
      if (b instanceof Block.Code code) {
        cell.put("cell_type", "code");
        cell.put("execution_count", null);
        cell.put("metadata", Map.of());
        cell.put("outputs", List.of());
        cell.put("source", lines(code.source()));
      } else {
        cell.put("cell_type", "markdown");
        cell.put("metadata", Map.of());
        if (b instanceof Block.Image img) {
          cell.put("attachments", Map.of(img.name(),
              Map.of("image/png", Base64.getEncoder().encodeToString(img.png()))));
        }
        cell.put("source", lines(Markdown.of(b)));
      }
      cells.add(cell);
    }
    Map<String, Object> notebook = new LinkedHashMap<>();
    notebook.put("cells", cells);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("kernelspec", Map.of("name", "python3", "display_name", "Python 3",
        "language", "python"));
    metadata.put("language_info", Map.of("name", "python"));
    metadata.put("kefu", Map.of("report_language", language));
    notebook.put("metadata", metadata);
    notebook.put("nbformat", 4);
    notebook.put("nbformat_minor", 5);
    try {
      DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter(" ", "\n"));
      return new ObjectMapper().writer(pretty).writeValueAsString(notebook) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("notebook not serialisable", e);
    }
  }

  /** Jupyter stores source as lines, each but the last ending in a newline. */
  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>(Arrays.asList(text.split("(?<=\n)")));
    return out;
  }
}
