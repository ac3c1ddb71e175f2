package kefu.pay;

import java.math.BigDecimal;

/** Monthly base salary x employed days / days in the month (hired_on, left_on inclusive). */
final class BaseSalary implements PayComponent {
  private final ComponentDef def;

  BaseSalary(ComponentDef def) {
    this.def = def;
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  @Override
  public PayslipLine line(PayInputs inputs, AgentMonth m, String schemeId) {
    int days = m.month().days();
    String note = "base " + def.amount().toPlainString() + " x employed " + m.employedDays()
        + "/" + days + " days" + (def.note() == null ? "" : " (" + def.note() + ")");
    return PayslipLine.of(m, schemeId, def, "monthly_base", def.amount(),
        Money.divide(BigDecimal.valueOf(m.employedDays()), days),
        Money.divide(def.amount().multiply(BigDecimal.valueOf(m.employedDays())), days), note);
  }
}
