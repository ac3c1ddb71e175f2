package kefu.pay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sums payslip lines into the payroll and applies the legal guards (《工资支付暂行规定》第16条):
 * deductions are capped at the scheme's deduction_cap_rate (default 20%) of gross pay, and a
 * full-time agent's pay after deductions is topped up to the local monthly minimum wage,
 * prorated by employed days. Lines that could not be computed ({@link PayGaps}) are left out:
 * the guards then apply to the computed components, and the top-up's note says so.
 */
final class PayGuards {
  private PayGuards() {}

  static final int CAP_LINE = 900;
  static final int TOP_UP_LINE = 901;

  /** The agent-month's payroll row under {@code scheme} from its component lines. */
  static PayrollRow payroll(AgentMonth m, SchemeDef scheme, List<PayslipLine> lines) {
    Map<ComponentType, BigDecimal> components = PayrollRow.sums(lines);
    BigDecimal gross = Money.ZERO;
    BigDecimal deductions = Money.ZERO;
    for (PayslipLine l : lines) {
      if (!l.computed()) {
        continue;
      }
      if (ComponentType.RETURN_DEDUCTION.name().equals(l.componentType())) {
        deductions = deductions.subtract(l.amount());
      } else {
        gross = gross.add(l.amount());
      }
    }
    BigDecimal capRate = scheme.deductionCapRate().setScale(4, RoundingMode.HALF_UP);
    BigDecimal capAdjustment = Money.fen(deductions
        .subtract(capRate.multiply(gross.max(BigDecimal.ZERO))).max(BigDecimal.ZERO));
    BigDecimal payBeforeGuards = gross.subtract(deductions);
    BigDecimal floor = m.isFullTime() && m.minWageMonthly() != null
        ? Money.fen(Money.divide(m.minWageMonthly().multiply(
            BigDecimal.valueOf(m.employedDays())), m.month().days())) : null;
    BigDecimal topUp = Money.fen(scheme.minWageGuard() && floor != null
        ? floor.subtract(payBeforeGuards).subtract(capAdjustment).max(BigDecimal.ZERO)
        : BigDecimal.ZERO);
    BigDecimal guard = Money.fen(capAdjustment.add(topUp));
    return new PayrollRow(m, scheme, components, Money.fen(gross), Money.fen(deductions),
        capRate, capAdjustment, Money.fen(payBeforeGuards), floor,
        floor == null ? null : payBeforeGuards.compareTo(floor) < 0, topUp, guard,
        Money.fen(payBeforeGuards.add(guard)));
  }

  /** Payslip lines for the cap and the top-up, only where they are non-zero. */
  static List<PayslipLine> guardLines(PayrollRow p, PayslipWords words) {
    List<PayslipLine> lines = new ArrayList<>(2);
    AgentMonth m = p.agentMonth();
    if (p.deductionCapAdjustment().signum() > 0) {
      lines.add(new PayslipLine(m.shopId(), m.agentId(), m.month().label(), p.schemeId(),
          p.schemeId() + "-cap", CAP_LINE, ComponentType.DEDUCTION_CAP, null, "deductions",
          p.deductions(), p.deductionCapRate().setScale(6),
          p.deductionCapAdjustment(), partial(p, words, words.format("guard.cap",
              p.deductions().toPlainString(), p.deductionCapRate().movePointRight(2)
                  .setScale(2, RoundingMode.HALF_UP).toPlainString(),
              p.grossPay().toPlainString()))));
    }
    if (p.minWageTopUp().signum() > 0) {
      lines.add(new PayslipLine(m.shopId(), m.agentId(), m.month().label(), p.schemeId(),
          p.schemeId() + "-min-wage", TOP_UP_LINE, ComponentType.MIN_WAGE_TOP_UP, null,
          "min_wage_floor", p.minWageFloor(), null, p.minWageTopUp(),
          partial(p, words, words.format("guard.minWage", m.minWageMonthly().toPlainString(),
              String.valueOf(m.employedDays()), String.valueOf(m.month().days()),
              m.roster().city() == null ? words.word("city.unknown") : m.roster().city(),
              m.roster().cityTier()))));
    }
    return lines;
  }

  /** A guard's note, saying when it applies to the computed components only. */
  private static String partial(PayrollRow p, PayslipWords words, String note) {
    return p.partial() ? words.format("guard.partial", note) : note;
  }
}
