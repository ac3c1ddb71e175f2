package kefu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  private static List<RawRecord> read(String text) {
    List<RawRecord> out = new ArrayList<>();
    new CsvReader(new StringReader(text)).forEachRemaining(out::add);
    return out;
  }

  @Test
  void quotedFieldsKeepCommasQuotesAndNewlinesAndLinesAreTracked() {
    List<RawRecord> r = read("a,b\r\n\"x,1\",\"say \"\"hi\"\"\"\n\"multi\nline\",2\n\n3,4");
    assertEquals(5, r.size());
    assertEquals(List.of("x,1", "say \"hi\""), r.get(1).cells());
    assertEquals(2, r.get(1).line());
    assertEquals(List.of("multi\nline", "2"), r.get(2).cells());
    assertEquals(3, r.get(2).line());
    assertEquals(5, r.get(3).line());
    assertEquals(List.of("3", "4"), r.get(4).cells());
    assertEquals(6, r.get(4).line());
    assertNull(r.get(4).problem());
  }

  @Test
  void bareCarriageReturnIsData() {
    List<RawRecord> r = read("a,b\nx\r\ry,2\n");
    assertEquals(List.of("x\r\ry", "2"), r.get(1).cells());
  }

  @Test
  void unterminatedQuoteIsReportedOnTheRecord() {
    List<RawRecord> r = read("a,b\n1,\"oops\n2,3\n");
    assertEquals(2, r.size());
    assertEquals("unterminated quoted field", r.get(1).problem());
  }

  @Test
  void headersNormaliseQuirks() {
    Headers h = new Headers(List.of("\uFEFF=\"订单编号\"", "订单付款时间 ", "手工退款_系统退款"));
    assertEquals(0, h.index("订单编号"));
    assertEquals(1, h.index("订单付款时间"));
    assertEquals(2, h.index("手工退款/系统退款"));
  }

  @Test
  void twitterSignOffsNameTheAgent() {
    assertEquals("JK", TwcsMapper.signOff("@115716 No thank you. ^JK"));
    assertEquals("HSB", TwcsMapper.signOff("How can we help?\n^HSB"));
    assertEquals("Becky", TwcsMapper.signOff("more here: https://t.co/Ax7W1Dx3Y9 -Becky"));
    assertEquals("KC", TwcsMapper.signOff("look into this for you. -KC"));
    assertEquals("LW", TwcsMapper.signOff("Please DM us /LW"));
    assertEquals("GA", TwcsMapper.signOff("happy to help ^GA https://t.co/abc"));
    assertNull(TwcsMapper.signOff("We would need a private secured link to further assist."));
    assertNull(TwcsMapper.signOff("well-Known issue"));
  }
}
