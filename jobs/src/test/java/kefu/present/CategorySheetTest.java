package kefu.present;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kefu.marts.CategoryMetrics;
import kefu.report.Labels;
import kefu.report.ReportTable;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/** The 类目 sheet: a row per shop and category, totals over shops, names, missing inquiries. */
class CategorySheetTest {
  private static final Map<String, String> NAMES = Map.of("apparel", "服装", "home", "家居");

  /** A category_metrics row: the given measures, 0 or null (rates) for the others. */
  private static Row row(String shop, String category, Map<String, Object> values) {
    List<Object> v = new ArrayList<>();
    for (StructField f : CategoryMetrics.SCHEMA.fields()) {
      Object given = switch (f.name()) {
        case "shop_id" -> shop;
        case "category" -> category;
        case "period_type" -> "quarter";
        case "period" -> "2025Q4";
        default -> values.get(f.name());
      };
      if (given == null && !values.containsKey(f.name())) {
        given = f.dataType().equals(DataTypes.LongType) ? (Object) 0L
            : f.dataType().equals(DataTypes.DoubleType) ? null : BigDecimal.ZERO.setScale(2);
      }
      v.add(given);
    }
    return LocalTable.row(CategoryMetrics.SCHEMA, v.toArray());
  }

  /** Column, value, column, value, ... (values may be null). */
  private static Map<String, Object> values(Object... pairs) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private static List<Row> marts() {
    return List.of(
        row("s1", "apparel", values("orders", 90L, "sold_units", 100L, "refunded_units", 10L,
            "inquiry_buyers", 200L, "inquiry_paid_buyers", 80L, "inquiry_conversion", 0.4)),
        row("s1", "home", values("orders", 10L, "sold_units", 10L, "refunded_units", 0L,
            "inquiry_buyers", null, "inquiry_paid_buyers", null)),
        row("s2", "home", values("orders", 30L, "sold_units", 30L, "refunded_units", 6L,
            "inquiry_buyers", 40L, "inquiry_paid_buyers", 10L, "inquiry_conversion", 0.25)),
        row("s3", "unknown", values("orders", 5L, "inquiry_buyers", null,
            "inquiry_paid_buyers", null)));
  }

  private static List<Object> cells(ReportTable t, int row, int... columns) {
    List<Object> out = new ArrayList<>();
    for (int c : columns) {
      out.add(t.rows().get(row).get(c));
    }
    return out;
  }

  @Test
  void aRowPerShopATotalPerCategoryOfSeveralShopsAndChineseNames() {
    ReportTable t = ReviewReportAssembler.categoryTable(marts(), ReviewInputs.complete(),
        Labels.of("zh").withCategoryNames(NAMES));
    assertEquals("类目", t.columns().get(0).header());
    assertEquals("店铺", t.columns().get(1).header());
    assertEquals(5, t.rows().size());
    // category, shop, orders, inquiry buyers, conversion
    assertEquals(Arrays.asList("服装", "s1", 90L, 200L, 0.4), cells(t, 0, 0, 1, 2, 13, 14));
    assertEquals(Arrays.asList("家居", "s1", 10L, "无数据", "无数据"),
        cells(t, 1, 0, 1, 2, 13, 14));
    assertEquals(Arrays.asList("家居", "s2", 30L, 40L, 0.25), cells(t, 2, 0, 1, 2, 13, 14));
    // home over s1 and s2: orders 40, units 40, 6 refunded; inquiries only s2's (its main one)
    assertEquals(Arrays.asList("家居", "合计（各店铺）", 40L, 40L, 6L, 0.15, 40L, 0.25),
        cells(t, 3, 0, 1, 2, 4, 9, 10, 13, 14));
    assertEquals(Arrays.asList("未知类目", "s3", "无数据"), cells(t, 4, 0, 1, 13));
  }

  @Test
  void englishKeepsTheCodes() {
    ReportTable t = ReviewReportAssembler.categoryTable(marts(), ReviewInputs.complete(),
        Labels.of("en").withCategoryNames(NAMES));
    assertEquals(Arrays.asList("apparel", "home", "home", "home", "unknown"),
        List.of(cells(t, 0, 0).get(0), cells(t, 1, 0).get(0), cells(t, 2, 0).get(0),
            cells(t, 3, 0).get(0), cells(t, 4, 0).get(0)));
    assertEquals("no data", cells(t, 1, 13).get(0));
  }

  @Test
  void ordersOnlyTheChatAndRefundColumnsSayWhyTheyAreEmpty() {
    ReviewInputs ordersOnly = new ReviewInputs(false, false, false, false, null, null, null);
    ReportTable t = ReviewReportAssembler.categoryTable(marts(), ordersOnly,
        Labels.of("zh").withCategoryNames(NAMES));
    // agent sales, silent sales and share, inquiries and conversion; refunded units, rate, returns
    assertEquals(Arrays.asList(90L, "未提供聊天记录", "未提供聊天记录", "未提供聊天记录",
        "需退款导出", "需退款导出", "需退款导出", "未提供聊天记录", "未提供聊天记录"),
        cells(t, 0, 2, 6, 7, 8, 9, 10, 12, 13, 14));
  }
}
