package kefu.pay;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One component of a scheme: turns the agent-months it applies to into payslip lines
 * ({@link PayslipLines#COLUMNS}), one line per agent-month, as Spark Column expressions and joins.
 */
public interface PayComponent {
  ComponentDef definition();

  /**
   * @param agentMonths rows of {@link PayInputs#agentMonths()} the scheme and this component's
   *     condition apply to, with a {@code scheme_id} column
   */
  Dataset<Row> lines(PayInputs inputs, Dataset<Row> agentMonths);

  /** The component implementing a definition. */
  static PayComponent of(ComponentDef def, PayConfig config) {
    switch (def.type()) {
      case BASE: return new BaseSalary(def);
      case COMMISSION: return new SalesCommission(def, config);
      case RETURN_DEDUCTION: return new ReturnDeduction(def, config);
      case SILENT_POOL: return new SilentPool(def);
      case PIECE_RATE: return new PieceRate(def, config);
      case HOURLY: return new HourlyPay(def);
      case BONUS_ATTENDANCE: return new AttendanceBonus(def);
      case BONUS_DSR: return new DsrBonus(def);
      case BONUS_KPI: return new KpiBonus(def, config);
      case BONUS_TARGET: return new TargetBonus(def);
      case BONUS_TEAM: return new TeamTargetBonus(def, config);
      default: throw new IllegalArgumentException("unknown component type " + def.type());
    }
  }
}
