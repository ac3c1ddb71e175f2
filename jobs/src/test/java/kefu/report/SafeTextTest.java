package kefu.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SafeTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx",
      "＝1+1"})
  void formulaStartersNeedAQuotePrefix(String s) {
    assertTrue(SafeText.needsQuotePrefix(s));
  }

  @ParameterizedTest
  @ValueSource(strings = {"小美", "1+1", "a=b", " =x", ""})
  void ordinaryTextDoesNot(String s) {
    assertFalse(SafeText.needsQuotePrefix(s));
  }

  @Test
  void stripsControlCharactersButKeepsTabAndNewline() {
    assertEquals("a\tb\nc", SafeText.cell("a\tb\nc\u0000\u0007\r\u001b"));
    assertEquals("=1", SafeText.cell("=1"));
    assertNull(SafeText.cell(null));
  }

  @Test
  void truncatesToTheExcelCellLimitWithoutSplittingSurrogates() {
    assertEquals(SafeText.MAX_CELL_CHARS, SafeText.cell("客".repeat(40_000)).length());
    String emoji = "a" + "😀".repeat(20_000); // 1 + 40,000 chars
    String cut = SafeText.cell(emoji);
    assertEquals(SafeText.MAX_CELL_CHARS, cut.length()); // 1 + 16,383 pairs
    assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 1)));
    assertEquals("ab", SafeText.cell("a\uD800b")); // a lone surrogate cannot be written
  }
}
