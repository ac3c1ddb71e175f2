package kefu.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes a run manifest as pretty JSON (UTF-8, 2-space indent, "\n" line ends, trailing
 * newline). Key order is deterministic: LinkedHashMap and SortedMap keep their order, any other
 * map is sorted by key. Values: String, Number, Boolean, null, List, Map (java.time values are
 * written as their ISO text; non-finite doubles as null). The file is replaced atomically.
 */
public final class ManifestWriter {
  private ManifestWriter() {}

  private static final ObjectWriter JSON = new ObjectMapper()
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .writer(new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  public static void write(Map<String, Object> manifest, Path file) {
    Path target = file.toAbsolutePath().normalize();
    Path tmp = null;
    try {
      String json = toJson(manifest);
      Files.createDirectories(target.getParent());
      tmp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
      Files.writeString(tmp, json, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write manifest " + target, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
  }

  /** The exact text {@link #write} puts in the file. */
  public static String toJson(Map<String, Object> manifest) {
    try {
      return JSON.writeValueAsString(normalise(manifest, "$")) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object normalise(Object v, String path) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof BigDecimal
        || v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
        || v instanceof java.math.BigInteger) {
      return v;
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d) ? v : null;
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (v instanceof CharSequence || v instanceof Character || v instanceof Enum<?>
        || v instanceof TemporalAccessor || v instanceof Path) {
      return v.toString();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = m instanceof LinkedHashMap<?, ?> || m instanceof SortedMap<?, ?>
          ? new LinkedHashMap<>() : new TreeMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String key = String.valueOf(e.getKey());
        out.put(key, normalise(e.getValue(), path + "." + key));
      }
      return out;
    }
    if (v instanceof Iterable<?> list) {
      List<Object> out = new ArrayList<>();
      int i = 0;
      for (Object item : list) {
        out.add(normalise(item, path + "[" + i++ + "]"));
      }
      return out;
    }
    if (v instanceof Object[] array) {
      return normalise(java.util.Arrays.asList(array), path);
    }
    throw new IllegalArgumentException(
        "manifest value at " + path + " has unsupported type " + v.getClass().getName());
  }
}
