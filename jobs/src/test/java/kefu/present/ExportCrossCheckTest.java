package kefu.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kefu.canonical.CanonicalSchema;
import kefu.derive.DeriveRules;
import kefu.marts.AgentDaily;
import kefu.marts.Period;
import kefu.present.ExportCrossCheck.Figures;
import kefu.present.ExportCrossCheck.Line;
import kefu.present.ExportCrossCheck.Reason;
import kefu.report.Labels;
import kefu.report.ReportTable;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The cross-check worked out by hand on a small October of shop s1 (no Spark). The export covers
 * 10-01 and 10-02:
 * <ul>
 *   <li>a1: both days equal on both sides (3 + 2 receptions, 2 + 1 inquiries, 1 + 1 paid, 100 +
 *       50 yuan); kefu's 10-03 (not covered) and the export's 09-30 (September's) stay out;
 *   <li>a2: kefu split one buyer's day into two receptions: 4 against the export's 3;
 *   <li>a3: only in the export (2 received, 1 inquiry, 0 paid, 0 yuan);
 *   <li>a4: the same 2 inquiries, kefu 1 paid and 60 yuan, the export 2 paid and 90 yuan;
 *   <li>a5: a workload layout: receptions and inquiries, no paid buyers or sales (null);
 *   <li>a6: only kefu's chats have the agent; the bot's row is nobody's.
 * </ul>
 * A monthly row 09-15..10-14 runs over October's start and is left out and counted.
 */
class ExportCrossCheckTest {
  static final Period OCTOBER = Period.parse("2025-10");

  static List<Row> kefu() {
    return List.of(
        daily("a1", "2025-10-01", 3, 2, 1, "100.00"),
        daily("a1", "2025-10-02", 2, 1, 1, "50.00"),
        daily("a1", "2025-10-03", 5, 5, 5, "999.00"),
        daily("a2", "2025-10-01", 4, 2, 1, "80.00"),
        daily("a4", "2025-10-02", 3, 2, 1, "60.00"),
        daily("a5", "2025-10-01", 2, 2, 1, "30.00"),
        daily("a6", "2025-10-02", 1, 1, 0, "0.00"),
        daily("bot", "2025-10-02", 7, 0, 0, "0.00"));
  }

  static List<Row> export() {
    return List.of(
        exported("a1", "2025-09-30", "2025-09-30", 9L, 9L, 9L, "9.00"),
        exported("a1", "2025-10-01", "2025-10-01", 3L, 2L, 1L, "100.00"),
        exported("a1", "2025-10-02", "2025-10-02", 2L, 1L, 1L, "50.00"),
        exported("a2", "2025-10-01", "2025-10-01", 3L, 2L, 1L, "80.00"),
        exported("a3", "2025-10-02", "2025-10-02", 2L, 1L, 0L, "0.00"),
        exported("a4", "2025-10-02", "2025-10-02", 3L, 2L, 2L, "90.00"),
        exported("a5", "2025-10-01", "2025-10-01", 2L, 2L, null, null),
        exported("a1", "2025-09-15", "2025-10-14", 40L, 30L, 10L, "900.00"));
  }

  @Test
  void eachAgentsFiguresDifferencesAndReasons() {
    ExportCrossCheck.Result r = ExportCrossCheck.of(kefu(), export(), OCTOBER);
    assertEquals(2, r.days());
    assertEquals("2025-10-01", r.first().toString());
    assertEquals("2025-10-02", r.last().toString());
    assertEquals(1, r.rowsAcrossPeriodEdge());
    assertEquals(List.of("a1", "a2", "a3", "a4", "a5", "a6"),
        r.lines().stream().map(Line::agent).toList());

    Line a1 = r.lines().get(0);
    assertEquals(new Figures(5L, 3L, 2L, money("150.00")), a1.kefu());
    assertEquals(a1.kefu(), a1.export());
    assertEquals(List.of(), a1.reasons());
    assertEquals(2.0 / 3, a1.kefu().conversion(), 1e-12);

    Line a2 = r.lines().get(1);
    assertEquals(new Figures(4L, 2L, 1L, money("80.00")), a2.kefu());
    assertEquals(new Figures(3L, 2L, 1L, money("80.00")), a2.export());
    assertEquals(List.of(Reason.RECEPTIONS_SPLIT), a2.reasons());

    Line a3 = r.lines().get(2);
    assertNull(a3.kefu());
    assertEquals(new Figures(2L, 1L, 0L, money("0.00")), a3.export());
    assertEquals(List.of(Reason.ONLY_IN_EXPORT), a3.reasons());

    Line a4 = r.lines().get(3);
    assertEquals(List.of(Reason.CONVERSION_WINDOW, Reason.SALES_ATTRIBUTION), a4.reasons());

    Line a5 = r.lines().get(4);
    assertEquals(new Figures(2L, 2L, null, null), a5.export());
    assertNull(a5.export().conversion());
    assertEquals(List.of(), a5.reasons(), "what the layout states agrees");

    Line a6 = r.lines().get(5);
    assertNull(a6.export());
    assertEquals(List.of(Reason.ONLY_IN_KEFU), a6.reasons());
  }

  @Test
  void inquiriesThatDifferAreTheReasonNotTheWindow() {
    assertEquals(List.of(Reason.RECEPTIONS_MERGED, Reason.INQUIRY_RULE),
        ExportCrossCheck.reasons(new Figures(3L, 2L, 1L, money("10.00")),
            new Figures(4L, 3L, 2L, money("10.00"))));
  }

  @Test
  void theChineseSheet() {
    Labels zh = Labels.of("zh");
    ReportTable t = ExportCrossCheck.table(ExportCrossCheck.of(kefu(), export(), OCTOBER),
        OCTOBER, DeriveRules.defaults(), zh);
    assertEquals("核对（导出 vs kefu）", t.sheetName());
    assertEquals("核对（导出 vs kefu）：2025-10 中导出覆盖的 2 天（2025-10-01 至 2025-10-02），每位客服 kefu "
        + "按自己的规则从聊天记录和订单算出的数字与导出所载的数字；差额 = kefu − 导出", t.title());
    assertEquals(List.of("店铺", "客服", "接待（kefu）", "接待人数（导出）", "接待差额", "询单人数（kefu）",
        "询单人数（导出）", "询单人数差额", "询单→付款人数（kefu）", "询单->最终付款人数（导出）", "付款人数差额",
        "询单转化率（kefu）", "询单->最终付款成功率（导出）", "转化率差额", "销售额（kefu）", "销售额（导出）",
        "销售额差额", "可能原因"), t.columns().stream().map(c -> c.header()).toList());
    assertEquals("导出中有 1 行的日期跨出 2025-10 的首尾（无法按天拆分），未计入核对。", t.note());

    assertEquals(Arrays.asList("s1", "a1", 5L, 5L, 0L, 3L, 3L, 0L, 2L, 2L, 0L, 2.0 / 3, 2.0 / 3,
        0.0, money("150.00"), money("150.00"), money("0.00"), "一致"), t.rows().get(0));
    List<Object> a2 = t.rows().get(1);
    assertEquals(Arrays.asList("s1", "a2", 4L, 3L, 1L, 2L, 2L, 0L, 1L, 1L, 0L, 0.5, 0.5, 0.0,
        money("80.00"), money("80.00"), money("0.00")), a2.subList(0, 17));
    assertEquals("接待口径不同：kefu 在 30 分钟无消息后拆分接待，同一买家一天内的多次会话各计一次；导出的接待人数按买家计，"
        + "合并了这些会话。", a2.get(17));
    List<Object> a3 = t.rows().get(2);
    assertEquals(Arrays.asList("s1", "a3", "聊天记录无此客服", 2L, null, "聊天记录无此客服", 1L, null,
        "聊天记录无此客服", 0L, null, "聊天记录无此客服", 0.0, null, "聊天记录无此客服", money("0.00"),
        null), a3.subList(0, 17));
    assertTrue(a3.get(17).toString().startsWith("导出有此客服，kefu 的聊天记录中没有"), a3.get(17).toString());
    List<Object> a4 = t.rows().get(3);
    assertEquals(Arrays.asList(1L, 2L, -1L, 0.5, 1.0, -0.5, money("60.00"), money("90.00"),
        money("-30.00")), a4.subList(8, 17));
    assertTrue(a4.get(17).toString().startsWith("转化窗口不同：询单人数相同，付款人数不同。")
        && a4.get(17).toString().contains(" 销售额归属不同：kefu 把订单记给付款前（当日或前 1 日内）"),
        a4.get(17).toString());
    List<Object> a5 = t.rows().get(4);
    assertEquals(Arrays.asList(1L, "导出未提供", null, 0.5, "导出未提供", null, money("30.00"), "导出未提供",
        null, "一致"), a5.subList(8, 18));
    assertEquals("导出无此客服", t.rows().get(5).get(3));

    assertEquals("与客服导出核对：6 位客服中 2 位的接待、询单、付款人数和销售额与导出一致，差异及可能原因见“核对（导出 vs kefu）”。",
        ExportCrossCheck.finding(ExportCrossCheck.of(kefu(), export(), OCTOBER), zh));
  }

  @Test
  void theEnglishReasonsKeepTheirApostrophes() {
    String words = ExportCrossCheck.words(List.of(Reason.ONLY_IN_EXPORT,
        Reason.CONVERSION_WINDOW), DeriveRules.defaults(), Labels.of("en"));
    assertTrue(words.startsWith("The export has this agent, kefu's chats do not")
        && words.contains("the inquiry's day or the next"), words);
  }

  private static Row daily(String agent, String day, long receptions, long inquiries, long paid,
      String sales) {
    List<Object> values = new ArrayList<>(List.of("s1", agent, Date.valueOf(day)));
    for (String c : AgentDaily.COUNTS) {
      values.add(switch (c) {
        case "receptions" -> receptions;
        case "inquiry_buyers" -> inquiries;
        case "inquiry_paid_buyers" -> paid;
        default -> 0L;
      });
    }
    for (String m : AgentDaily.MONEY) {
      values.add(m.equals("sales_gross") ? money(sales) : money("0.00"));
    }
    return LocalTable.row(AgentDaily.SCHEMA, values.toArray());
  }

  /** A canonical agent_days row of a 售前明细 export (a null: the layout lacks the column). */
  static Row exported(String agent, String from, String to, Long received, Long inquiries,
      Long paid, String sales) {
    Object[] values = new Object[CanonicalSchema.AGENT_DAYS.fields().length];
    set(values, "shop_id", "s1");
    set(values, "agent_id", agent);
    set(values, "day_from", Date.valueOf(from));
    set(values, "day_to", Date.valueOf(to));
    set(values, "layout", "chitu_presales");
    set(values, "received_buyers", received);
    set(values, "inquiry_buyers", inquiries);
    set(values, "paid_buyers", paid);
    set(values, "sales", sales == null ? null : money(sales));
    set(values, "source_file", "s1.csv");
    set(values, "source_line", 2L);
    return LocalTable.row(CanonicalSchema.AGENT_DAYS, values);
  }

  private static void set(Object[] values, String column, Object value) {
    values[CanonicalSchema.AGENT_DAYS.fieldIndex(column)] = value;
  }

  static BigDecimal money(String yuan) {
    return new BigDecimal(yuan).setScale(2);
  }
}
