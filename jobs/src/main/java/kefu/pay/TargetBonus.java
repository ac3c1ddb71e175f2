package kefu.pay;

import java.math.BigDecimal;

/**
 * Target attainment: when the month's credited sales (gross, or net of refunds) reach threshold x
 * amount (the monthly target), rate x those sales; else 0.
 */
final class TargetBonus implements PayComponent {
  private final ComponentDef def;

  TargetBonus(ComponentDef def) {
    this.def = def;
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
    String note = def.rate().movePointRight(2).stripTrailingZeros().toPlainString() + "% of "
        + def.basis() + " when >= " + def.threshold().movePointRight(2).stripTrailingZeros()
        .toPlainString() + "% of target " + def.amount().toPlainString();
    return PayslipLine.of(m, schemeId, def, def.basis(), sales,
        earned ? def.rate() : BigDecimal.ZERO,
        earned ? sales.multiply(def.rate()) : BigDecimal.ZERO, PayslipLine.noteOf(def, note));
  }
}
