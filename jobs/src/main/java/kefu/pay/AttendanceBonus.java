package kefu.pay;

import java.math.BigDecimal;

/**
 * 全勤奖: amount when the agent was employed the whole month and active (receptions or paid
 * orders) on at least threshold days. basis_amount = active days.
 */
final class AttendanceBonus implements PayComponent {
  private final ComponentDef def;
  private final PayslipWords words;

  AttendanceBonus(ComponentDef def, PayslipWords words) {
    this.def = def;
    this.words = words;
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  @Override
  public PayslipLine line(PayInputs inputs, AgentMonth m, String schemeId) {
    BigDecimal activeDays = BigDecimal.valueOf(m.activity().activeDays());
    boolean earned = m.isFullMonth() && activeDays.compareTo(def.threshold()) >= 0;
    String note = words.format("attendance", def.amount().toPlainString(),
        def.threshold().toPlainString());
    return PayslipLine.of(m, schemeId, def, "active_days", activeDays, null,
        earned ? def.amount() : BigDecimal.ZERO, words.withConfigNote(def, note));
  }
}
