package kefu.pay;

import java.math.BigDecimal;

/**
 * RMB per hour. reception_hours: the agent's merged busy time in receptions in the month;
 * scheduled_hours: active days x threshold hours per day.
 */
final class HourlyPay implements PayComponent {
  private final ComponentDef def;
  private final PayslipWords words;

  HourlyPay(ComponentDef def, PayslipWords words) {
    this.def = def;
    this.words = words;
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  @Override
  public PayslipLine line(PayInputs inputs, AgentMonth m, String schemeId) {
    boolean scheduled = "scheduled_hours".equals(def.basis());
    BigDecimal hours = scheduled
        ? BigDecimal.valueOf(m.activity().activeDays()).multiply(def.threshold())
        : Money.decimal(m.receptionHours());
    // Hours rounded first, so that basis_amount x rate is the amount on the payslip.
    BigDecimal shown = Money.fen(hours);
    String note = words.format("hourly", def.rate().toPlainString(), scheduled
        ? words.format("hourly.scheduled", def.threshold().toPlainString())
        : words.word("hourly.receptions"));
    return PayslipLine.of(m, schemeId, def, def.basis(), shown, def.rate(),
        shown.multiply(def.rate()), words.withConfigNote(def, note));
  }
}
