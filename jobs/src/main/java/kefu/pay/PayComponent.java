package kefu.pay;

import java.util.ArrayList;
import java.util.List;

/**
 * One component of a scheme: a payslip line for each agent-month it applies to. Most components
 * depend on the agent-month alone ({@link #line}); the silent pool shares a shop's pool among the
 * agent-months it applies to, and overrides {@link #lines}.
 */
public interface PayComponent {
  ComponentDef definition();

  /** The line of one agent-month (components that need the other agent-months override lines). */
  PayslipLine line(PayInputs inputs, AgentMonth m, String schemeId);

  /**
   * @param eligible the agent-months of scheme {@code schemeId} that this component's condition
   *     applies to
   */
  default List<PayslipLine> lines(PayInputs inputs, List<AgentMonth> eligible, String schemeId) {
    List<PayslipLine> lines = new ArrayList<>(eligible.size());
    for (AgentMonth m : eligible) {
      lines.add(line(inputs, m, schemeId));
    }
    return lines;
  }

  /** The component implementing a definition, its notes in {@code words}. */
  static PayComponent of(ComponentDef def, PayConfig config, PayslipWords words) {
    switch (def.type()) {
      case BASE: return new BaseSalary(def, words);
      case COMMISSION: return new SalesCommission(def, config, words);
      case RETURN_DEDUCTION: return new ReturnDeduction(def, config, words);
      case SILENT_POOL: return new SilentPool(def, words);
      case PIECE_RATE: return new PieceRate(def, config, words);
      case HOURLY: return new HourlyPay(def, words);
      case BONUS_ATTENDANCE: return new AttendanceBonus(def, words);
      case BONUS_DSR: return new DsrBonus(def, words);
      case BONUS_KPI: return new KpiBonus(def, config, words);
      case BONUS_TARGET: return new TargetBonus(def, words);
      case BONUS_TEAM: return new TeamTargetBonus(def, config, words);
      default: throw new IllegalArgumentException("unknown component type " + def.type());
    }
  }
}
