package kefu.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** The single pass over one sorted partition, without Spark's shuffle deciding the neighbours. */
class ReceptionPartsTest {

  private static Row message(String shop, String buyer, long second, boolean isBuyer,
      String replyAgent) {
    // business day in a UTC+8 zone, as Spark's unix_date(to_date(sent_at)) gives it
    int day = (int) Math.floorDiv(second + 8 * 3600L, 86_400L);
    return RowFactory.create(shop, buyer, new Timestamp(second * 1000L), isBuyer,
        replyAgent != null, replyAgent, day);
  }

  private static List<Row> parts(Row... sorted) {
    List<Row> out = new ArrayList<>();
    new ReceptionParts(1800L).call(List.of(sorted).iterator()).forEachRemaining(out::add);
    return out;
  }

  @Test
  void aBuyerAfterAnotherInThePartitionStartsTheirOwnReceptionEvenWithinTheGap() {
    List<Row> out = parts(
        message("s1", "b1", 1_000, true, null),
        message("s1", "b1", 1_060, false, "a1"),
        // b2 and a buyer of an unknown shop write within seconds of b1's last message
        message("s1", "b2", 1_070, true, null),
        message(null, "b2", 1_080, true, null),
        message(null, "b2", 1_090, false, "a2"));
    assertEquals(3, out.size());
    assertEquals("b1", out.get(0).getString(1));
    assertEquals("a1", out.get(0).getString(4));
    assertEquals(60L, out.get(0).getLong(8));
    assertEquals("b2", out.get(1).getString(1));
    assertNull(out.get(1).getString(4));
    assertEquals(0L, out.get(1).getLong(7));
    assertNull(out.get(2).getString(0));
    assertEquals("a2", out.get(2).getString(4));
    assertEquals(10L, out.get(2).getLong(9));
  }

  @Test
  void aWaitingBuyerKeepsTheReceptionOpenOnlyUntilTheEndOfItsBusinessDay() {
    long midnight = 1_759_248_000L + 86_400L; // 2025-10-02 00:00 in UTC+8
    List<Row> out = parts(
        // b1 waits 35 minutes for a1 within one day: one reception, a slow response
        message("s1", "b1", midnight - 7_200, true, null),
        message("s1", "b1", midnight - 7_200 + 2_100, false, "a1"),
        // b2 writes at 23:50 and a2 answers 35 minutes later, on the next day: two receptions
        message("s1", "b2", midnight - 600, true, null),
        message("s1", "b2", midnight + 1_500, false, "a2"));
    assertEquals(3, out.size());
    assertEquals("a1", out.get(0).getString(4));
    assertEquals(2_100L, out.get(0).getLong(9));
    assertEquals(true, out.get(0).getBoolean(11));
    assertNull(out.get(1).getString(4));
    assertEquals(true, out.get(1).getBoolean(11));
    assertEquals("a2", out.get(2).getString(4));
    assertEquals(0L, out.get(2).getLong(6));
    assertEquals(false, out.get(2).getBoolean(11));
  }

  @Test
  void anEmptyPartitionHasNoParts() {
    assertEquals(List.of(), parts());
  }
}
