package kefu.pay;

import java.math.BigDecimal;

/**
 * Target attainment: when the month's credited sales (gross, or net of refunds) reach threshold x
 * amount (the monthly target), rate x those sales; else 0.
 */
final class TargetBonus implements PayComponent {
  private final ComponentDef def;
  private final PayslipWords words;

  TargetBonus(ComponentDef def, PayslipWords words) {
    this.def = def;
    this.words = words;
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  @Override
  public PayslipLine line(PayInputs inputs, AgentMonth m, String schemeId) {
    BigDecimal sales = "sales_net".equals(def.basis())
        ? m.credit().sales().subtract(m.credit().refunds()) : m.credit().sales();
    boolean earned = sales.compareTo(def.amount().multiply(def.threshold())) >= 0;
    String note = words.format("target", PayslipWords.percent(def.rate()),
        words.basis(def.basis()), PayslipWords.percent(def.threshold()),
        def.amount().toPlainString());
    return PayslipLine.of(m, schemeId, def, def.basis(), sales,
        earned ? def.rate() : BigDecimal.ZERO,
        earned ? sales.multiply(def.rate()) : BigDecimal.ZERO, words.withConfigNote(def, note));
  }
}
