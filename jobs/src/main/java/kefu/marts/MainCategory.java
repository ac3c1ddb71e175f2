package kefu.marts;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each shop's main category of a period: the category of most of the amount paid on orders
 * created in the period; ties go to more orders, then to the first name. Only categories with
 * orders in the period compete. Chats carry no item, so a shop's inquiries of the period are
 * counted in this category (see {@link CategoryMetrics}).
 */
final class MainCategory {
  private final Map<List<String>, Candidate> best = new HashMap<>();

  private record Candidate(String category, BigDecimal paidAmount, long orders) {
    boolean beats(Candidate other) {
      int byAmount = paidAmount.compareTo(other.paidAmount);
      if (byAmount != 0) {
        return byAmount > 0;
      }
      if (orders != other.orders) {
        return orders > other.orders;
      }
      return category.compareTo(other.category) < 0;
    }
  }

  /** Offers one category's row of a shop and period. */
  void offer(String shopId, String category, String periodType, String period,
      BigDecimal paidAmount, long orders) {
    if (orders <= 0) {
      return;
    }
    Candidate c = new Candidate(category, paidAmount, orders);
    best.merge(List.of(shopId, periodType, period), c, (a, b) -> b.beats(a) ? b : a);
  }

  /** Whether {@code category} is the shop's main category of the period. */
  boolean isMain(String shopId, String category, String periodType, String period) {
    Candidate c = best.get(List.of(shopId, periodType, period));
    return c != null && c.category().equals(category);
  }
}
