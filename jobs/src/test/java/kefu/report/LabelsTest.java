package kefu.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.MissingResourceException;
import org.junit.jupiter.api.Test;

class LabelsTest {
  @Test
  void everyKeyExistsInBothLanguages() {
    assertEquals(Labels.of("zh").keys(), Labels.of("en").keys());
  }

  @Test
  void looksUpTheRunLanguage() {
    assertEquals("中文", Labels.of("zh").get("lang.name"));
    assertEquals("English", Labels.of("en").get("lang.name"));
  }

  @Test
  void aMissingKeyIsAnErrorNotABlank() {
    assertThrows(MissingResourceException.class, () -> Labels.chinese().get("no.such.key"));
    assertThrows(IllegalArgumentException.class, () -> Labels.of("fr"));
  }
}
