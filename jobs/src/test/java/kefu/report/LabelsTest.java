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
  void categoriesShowTheirConfiguredNamesInChineseAndTheirCodesInEnglish() {
    java.util.Map<String, String> names = java.util.Map.of("apparel", "服装");
    Labels zh = Labels.of("zh").withCategoryNames(names);
    assertEquals("服装", zh.category("apparel"));
    assertEquals("toys", zh.category("toys"), "a code the config does not name");
    assertEquals("未知类目", zh.category("unknown"));
    assertEquals("未知类目", zh.category(null));
    Labels en = Labels.of("en").withCategoryNames(names);
    assertEquals("apparel", en.category("apparel"));
    assertEquals("unknown", en.category(null));
  }

  @Test
  void looksUpTheRunLanguage() {
    assertEquals("中文", Labels.of("zh").get("lang.name"));
    assertEquals("English", Labels.of("en").get("lang.name"));
  }

  /** Excel: a sheet name has 1 to 31 characters, none of []:*?/\ and no leading apostrophe. */
  @Test
  void sheetNamesAreValidInEveryLanguage() {
    for (String lang : new String[] {"zh", "en"}) {
      Labels labels = Labels.of(lang);
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (String key : labels.keys()) {
        if (!key.contains(".sheet.")) {
          continue;
        }
        String name = labels.get(key);
        org.junit.jupiter.api.Assertions.assertTrue(!name.isBlank() && name.length() <= 31
            && !name.matches(".*[\\[\\]:*?/\\\\].*") && !name.startsWith("'"),
            lang + " " + key + " = " + name);
        org.junit.jupiter.api.Assertions.assertTrue(seen.add(name.toLowerCase(
            java.util.Locale.ROOT)), lang + " duplicate sheet name " + name);
      }
    }
  }

  @Test
  void aMissingKeyIsAnErrorNotABlank() {
    assertThrows(MissingResourceException.class, () -> Labels.chinese().get("no.such.key"));
    assertThrows(IllegalArgumentException.class, () -> Labels.of("fr"));
  }
}
