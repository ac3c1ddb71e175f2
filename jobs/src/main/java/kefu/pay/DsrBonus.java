package kefu.pay;

import java.math.BigDecimal;

/**
 * amount when the month's average DSR score (sum / count over rated orders credited to the agent)
 * reaches threshold; no rated orders = no bonus. basis_amount = the average score.
 */
final class DsrBonus implements PayComponent {
  private final ComponentDef def;
  private final PayslipWords words;

  DsrBonus(ComponentDef def, PayslipWords words) {
    this.def = def;
    this.words = words;
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  @Override
  public PayslipLine line(PayInputs inputs, AgentMonth m, String schemeId) {
    long[] score = m.activity().dsr(def.basis());
    Double average = score[1] > 0 ? (double) score[0] / score[1] : null;
    boolean earned = average != null && average >= def.threshold().doubleValue();
    String note = words.format("dsr", def.amount().toPlainString(), words.basis(def.basis()),
        def.threshold().toPlainString());
    return PayslipLine.of(m, schemeId, def, def.basis(),
        average == null ? null : Money.decimal(average), null,
        earned ? def.amount() : BigDecimal.ZERO, words.withConfigNote(def, note));
  }
}
