package kefu.pay;

import java.math.BigDecimal;

/** Monthly base salary x employed days / days in the month (hired_on, left_on inclusive). */
final class BaseSalary implements PayComponent {
  private final ComponentDef def;
  private final PayslipWords words;

  BaseSalary(ComponentDef def, PayslipWords words) {
    this.def = def;
    this.words = words;
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  @Override
  public PayslipLine line(PayInputs inputs, AgentMonth m, String schemeId) {
    int days = m.month().days();
    String note = words.withConfigNote(def, words.format("base", def.amount().toPlainString(),
        String.valueOf(m.employedDays()), String.valueOf(days)));
    return PayslipLine.of(m, schemeId, def, "monthly_base", def.amount(),
        Money.divide(BigDecimal.valueOf(m.employedDays()), days),
        Money.divide(def.amount().multiply(BigDecimal.valueOf(m.employedDays())), days), note);
  }
}
