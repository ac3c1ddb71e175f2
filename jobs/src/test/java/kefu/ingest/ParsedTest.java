package kefu.ingest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ParsedTest {
  @Test
  void aDataRowCanOnlyFillColumnsItsTableKeeps() {
    Parsed.Builder chat = new Parsed.Builder(Parsed.ROW, "chats", "chat_export", "c.csv", 2L);
    chat.set("sender", "buyer").set("amount", null);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> chat.set("amount", BigDecimal.ONE));
    assertEquals("amount is not a column of chats rows", e.getMessage());
  }

  @Test
  void rejectsAndFileRowsCarryTheirOwnFields() {
    assertDoesNotThrow(() -> new Parsed.Builder(Parsed.REJECT, "chats", "chat_export", "c.csv", 2L)
        .set("reject_reason", "missing required value"));
    assertDoesNotThrow(() -> new Parsed.Builder(Parsed.FILE, "chats", "chat_export", "c.csv", 0L)
        .set("rows_read", 1L));
  }
}
