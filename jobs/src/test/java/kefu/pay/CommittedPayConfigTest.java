package kefu.pay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * data/config/pay_schemes.xlsx is what analysts copy and edit; it must say exactly what the code's
 * defaults say (regenerate it with {@code kefu init-config data/config --force}).
 */
class CommittedPayConfigTest {

  @Test
  void theCommittedWorkbookReadsBackEqualToTheDefaults() {
    PayConfig committed = PayConfig.read(configDir());
    PayConfig defaults = PayConfig.defaults();
    assertEquals(normalised(defaults.schemes()), normalised(committed.schemes()));
    assertEquals(normalised(defaults.components()), normalised(committed.components()));
    assertEquals(normalised(defaults.tiers()), normalised(committed.tiers()));
    assertEquals(normalised(defaults.kpiRules()), normalised(committed.kpiRules()));
    assertEquals(normalised(defaults.minimumWages()), normalised(committed.minimumWages()));
    assertEquals(normalised(defaults.categoryMargins()),
        normalised(committed.categoryMargins()));
    assertEquals(defaults.settings(), committed.settings());
    assertTrue(committed.schemes().size() >= 8);
  }

  /** The repository's data/config, found from the module or the root as working directory. */
  static Path configDir() {
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("data/config/" + PayConfig.FILE_NAME))) {
        return p.resolve("data/config");
      }
    }
    throw new AssertionError("data/config/" + PayConfig.FILE_NAME + " not found");
  }

  /** Records as lists of their fields, numbers compared by value (2.0 = 2.00). */
  private static List<List<Object>> normalised(List<? extends Record> records) {
    List<List<Object>> result = new ArrayList<>();
    for (Record r : records) {
      List<Object> fields = new ArrayList<>();
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        try {
          Object v = c.getAccessor().invoke(r);
          fields.add(v instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : v);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
      result.add(fields);
    }
    return result;
  }
}
