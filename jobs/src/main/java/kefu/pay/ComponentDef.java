package kefu.pay;

import java.math.BigDecimal;

/**
 * One component row of sheet Components. Which fields matter depends on {@link #type()}; see
 * jobs/src/main/java/kefu/pay/README.md. Null means "not given".
 */
public record ComponentDef(
    String schemeId,
    int line,
    ComponentType type,
    String basis,
    BigDecimal rate,
    String tierTable,
    String tierMode,
    String category,
    String condition,
    BigDecimal amount,
    BigDecimal threshold,
    String note) {

  public static final String PROGRESSIVE = "progressive";
  public static final String WHOLE = "whole";

  /** Component id used on payslips, e.g. S4-2. */
  public String componentId() {
    return schemeId + "-" + line;
  }

  public String tierModeOrDefault() {
    return tierMode == null ? PROGRESSIVE : tierMode;
  }
}
