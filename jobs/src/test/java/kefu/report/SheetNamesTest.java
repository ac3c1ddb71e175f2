package kefu.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SheetNamesTest {

  @Test
  void namesAreValidUniqueAndContinuationsFitExcelsLimit() {
    SheetNames names = new SheetNames();
    assertEquals("客服", names.unique("客服"));
    assertEquals("客服 (2)", names.unique("客服"));
    assertEquals("a_b", names.unique("a/b"));
    String longName = "x".repeat(40);
    String first = names.unique(longName);
    assertEquals(31, first.length());
    String continued = names.continuation(first, 12);
    assertEquals(31, continued.length());
    assertTrue(continued.endsWith(" (12)"));
  }

  @Test
  void wideCharactersCountDouble() {
    assertEquals(4, ColumnWidths.textWidth("客服"));
    assertEquals(5, ColumnWidths.textWidth("ab客\nxyzuv"));
    assertEquals("¥1,234.50".length(), ColumnWidths.width(1234.5, CellKind.MONEY));
  }
}
