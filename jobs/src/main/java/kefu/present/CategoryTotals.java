package kefu.present;

import static kefu.present.MartRows.money;
import static kefu.present.MartRows.ratio;
import static kefu.present.MartRows.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * One category summed over the shops that sell it (category_metrics rows of one period): counts
 * and amounts summed, rates recomputed from the sums. The inquiry funnel sums only the shops
 * where the category has one (their main category); none of them: null, not 0.
 */
record CategoryTotals(String category, int shops, long orders, long paidOrders, long soldUnits,
    long soldLines, BigDecimal paidAmount, BigDecimal agentPaidAmount,
    BigDecimal silentPaidAmount, long refundedUnits, BigDecimal refundAmount, long returnCount,
    Long inquiryBuyers, Long inquiryPaidBuyers) {

  /** Per category, in the order the rows first name them. */
  static List<CategoryTotals> of(List<Row> rows) {
    Map<String, List<Row>> byCategory = new LinkedHashMap<>();
    for (Row r : rows) {
      byCategory.computeIfAbsent(text(r, "category"), k -> new ArrayList<>()).add(r);
    }
    List<CategoryTotals> out = new ArrayList<>();
    byCategory.forEach((category, shops) -> out.add(sum(category, shops)));
    return out;
  }

  private static CategoryTotals sum(String category, List<Row> shops) {
    long[] counts = new long[6];
    BigDecimal[] amounts = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    Long asked = null;
    Long paid = null;
    String[] countColumns = {"orders", "paid_orders", "sold_units", "sold_lines",
        "refunded_units", "return_count"};
    String[] moneyColumns = {"paid_amount", "agent_paid_amount", "silent_paid_amount",
        "refund_amount"};
    for (Row r : shops) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] += ((Number) r.getAs(countColumns[i])).longValue();
      }
      for (int i = 0; i < amounts.length; i++) {
        amounts[i] = amounts[i].add(money(r, moneyColumns[i]));
      }
      Object buyers = r.getAs("inquiry_buyers");
      if (buyers != null) {
        asked = (asked == null ? 0 : asked) + ((Number) buyers).longValue();
        paid = (paid == null ? 0 : paid) + ((Number) r.getAs("inquiry_paid_buyers")).longValue();
      }
    }
    return new CategoryTotals(category, shops.size(), counts[0], counts[1], counts[2],
        counts[3], amounts[0], amounts[1], amounts[2], counts[4], amounts[3], counts[5], asked,
        paid);
  }

  Double silentShare() {
    return ratio(silentPaidAmount.doubleValue(), paidAmount.doubleValue());
  }

  Double refundRateUnits() {
    return ratio(refundedUnits, soldUnits);
  }

  Double returnRate() {
    return ratio(returnCount, soldLines);
  }

  Double inquiryConversion() {
    return inquiryBuyers == null ? null : ratio(inquiryPaidBuyers, inquiryBuyers);
  }
}
