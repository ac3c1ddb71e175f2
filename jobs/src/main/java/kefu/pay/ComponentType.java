package kefu.pay;

/** The kinds of payslip line a scheme is built from (column {@code type} of sheet Components). */
public enum ComponentType {
  /** Monthly base salary, prorated by the days employed in the month. */
  BASE(false),
  /** % of credited sales or profit: flat, tiered, per category; gross or net of refunds. */
  COMMISSION(true),
  /** Minus a percentage of credited refunds completed in the month. */
  RETURN_DEDUCTION(true),
  /** A percentage of the shop's net silent sales of the month, shared evenly by active agents. */
  SILENT_POOL(true),
  /** RMB per credited paid order, optionally tiered by the day's order count. */
  PIECE_RATE(false),
  /** RMB per hour (reception hours or active days x hours per day). */
  HOURLY(false),
  /** Fixed amount when the agent was active on at least N days of a fully employed month. */
  BONUS_ATTENDANCE(false),
  /** Fixed amount when the month's average DSR score reaches a threshold. */
  BONUS_DSR(false),
  /** amount x weighted KPI score / 100. */
  BONUS_KPI(false),
  /** A percentage of sales when sales reach threshold x target. */
  BONUS_TARGET(true),
  /** RMB per active agent of a team whose monthly sales reach a target (flat or tiered). */
  BONUS_TEAM(false);

  private final boolean rateIsFraction;

  ComponentType(boolean rateIsFraction) {
    this.rateIsFraction = rateIsFraction;
  }

  /** True when {@code rate} is a fraction of an amount (0.02 = 2%), false when RMB per unit. */
  public boolean rateIsFraction() {
    return rateIsFraction;
  }

  /** The payroll column holding this component's monthly amount. */
  public String payrollColumn() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Guard lines that are not components of a scheme but appear on payslips. */
  public static final String DEDUCTION_CAP = "DEDUCTION_CAP";
  public static final String MIN_WAGE_TOP_UP = "MIN_WAGE_TOP_UP";
}
