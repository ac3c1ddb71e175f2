package kefu.pay;

import java.math.BigDecimal;
import java.util.function.Predicate;
import kefu.pay.PayFacts.CategoryMoney;

/**
 * Minus rate x the agent's credited refunds completed in the month (basis refunds = every
 * credited refund; returns = only refunds that required the goods back), optionally for one
 * category. Capped with the other deductions by the scheme's deduction cap.
 */
final class ReturnDeduction implements PayComponent {
  private final ComponentDef def;
  private final Predicate<String> inCategory;

  ReturnDeduction(ComponentDef def, PayConfig config) {
    this.def = def;
    this.inCategory = SalesCommission.categoryFilter(def, config);
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  @Override
  public PayslipLine line(PayInputs inputs, AgentMonth m, String schemeId) {
    boolean returns = "returns".equals(def.basis());
    BigDecimal basis = BigDecimal.ZERO;
    for (CategoryMoney c : inputs.categoryMoney(m)) {
      if (inCategory.test(c.category())) {
        basis = basis.add(returns ? c.returnRefundAmount() : c.refundAmount());
      }
    }
    String note = "minus " + def.rate().movePointRight(2).stripTrailingZeros().toPlainString()
        + "% of credited " + def.basis() + " completed in the month"
        + (def.category() == null ? "" : " in category " + def.category());
    return PayslipLine.of(m, schemeId, def, def.basis(), basis, def.rate(),
        basis.multiply(def.rate()).negate(), PayslipLine.noteOf(def, note));
  }
}
