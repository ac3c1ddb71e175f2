package kefu.pay;

import kefu.table.LocalTable;

/**
 * The pay marts of a run; columns are documented in jobs/src/main/java/kefu/pay/README.md.
 * {@code attributionSensitivity} is null when the run did not compute it.
 */
public record PayMarts(
    LocalTable payroll,
    LocalTable payslipLines,
    LocalTable payDistribution,
    LocalTable payChanges,
    LocalTable attributionSensitivity) {

  public PayMarts(LocalTable payroll, LocalTable payslipLines, LocalTable payDistribution,
      LocalTable payChanges) {
    this(payroll, payslipLines, payDistribution, payChanges, null);
  }

  public PayMarts withAttributionSensitivity(LocalTable sensitivity) {
    return new PayMarts(payroll, payslipLines, payDistribution, payChanges, sensitivity);
  }
}
