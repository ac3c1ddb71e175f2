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
  private final PayslipWords words;
  private final Predicate<String> inCategory;

  ReturnDeduction(ComponentDef def, PayConfig config, PayslipWords words) {
    this.def = def;
    this.words = words;
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
    String note = SalesCommission.inCategory(def, words, words.format("returnDeduction",
        PayslipWords.percent(def.rate()), words.basis(def.basis())));
    return PayslipLine.of(m, schemeId, def, def.basis(), basis, def.rate(),
        basis.multiply(def.rate()).negate(), words.withConfigNote(def, note));
  }
}
