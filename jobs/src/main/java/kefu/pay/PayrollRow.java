package kefu.pay;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kefu.spark.Ddl;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One agent-month under one scheme: the components' amounts, the legal guards
 * ({@link PayGuards}) and the net pay. The payroll and payroll_history marts hold these.
 */
public record PayrollRow(AgentMonth agentMonth, SchemeDef scheme,
    Map<ComponentType, BigDecimal> components, BigDecimal grossPay, BigDecimal deductions,
    BigDecimal deductionCapRate, BigDecimal deductionCapAdjustment, BigDecimal payBeforeGuards,
    BigDecimal minWageFloor, Boolean isBelowMinWage, BigDecimal minWageTopUp,
    BigDecimal guardAdjustment, BigDecimal netPay) {

  public static final StructType SCHEMA = schema();

  private static StructType schema() {
    StructType s = Ddl.schema("shop_id STRING, agent_id STRING, month STRING, "
        + "scheme_id STRING, scheme_name STRING, is_current_scheme BOOLEAN, quarter STRING, "
        + "season STRING, role STRING, employment STRING, sourcing STRING, city STRING, "
        + "city_tier INT, main_category STRING, employed_days INT, days_in_month INT, "
        + "active_days BIGINT, credited_sales DECIMAL(14,2), credited_refunds DECIMAL(14,2), "
        + "paid_orders BIGINT");
    for (ComponentType t : ComponentType.values()) {
      s = s.add(t.payrollColumn(), DataTypes.createDecimalType(14, 2));
    }
    return s.merge(Ddl.schema("gross_pay DECIMAL(14,2), deductions DECIMAL(14,2), "
        + "deduction_cap_rate DECIMAL(6,4), deduction_cap_adjustment DECIMAL(14,2), "
        + "pay_before_guards DECIMAL(14,2), min_wage_monthly DECIMAL(14,2), "
        + "min_wage_floor DECIMAL(14,2), is_below_min_wage BOOLEAN, "
        + "min_wage_top_up DECIMAL(14,2), guard_adjustment DECIMAL(14,2), "
        + "net_pay DECIMAL(14,2)"), false);
  }

  public String shopId() {
    return agentMonth.shopId();
  }

  public String agentId() {
    return agentMonth.agentId();
  }

  public String month() {
    return agentMonth.month().label();
  }

  public String schemeId() {
    return scheme.schemeId();
  }

  public Row toRow() {
    AgentMonth m = agentMonth;
    List<Object> v = new ArrayList<>(List.of(m.shopId(), m.agentId(), m.month().label(),
        scheme.schemeId(), scheme.name(), scheme.isCurrent(), m.month().quarter(),
        m.month().season(), m.roster().role(), m.roster().employment(),
        m.roster().sourcing()));
    v.add(m.roster().city());
    v.add(m.roster().cityTier());
    v.add(m.credit().mainCategory());
    v.addAll(List.of(m.employedDays(), m.month().days(), m.activity().activeDays(),
        m.credit().sales(), m.credit().refunds(), m.activity().paidOrders()));
    for (ComponentType t : ComponentType.values()) {
      v.add(components.get(t));
    }
    v.addAll(java.util.Arrays.asList(grossPay, deductions, deductionCapRate,
        deductionCapAdjustment, payBeforeGuards, m.minWageMonthly(), minWageFloor,
        isBelowMinWage, minWageTopUp, guardAdjustment, netPay));
    return LocalTable.row(SCHEMA, v.toArray());
  }

  /**
   * Every component type's amount, 0.00 for the types without a line, null for a type with a
   * line that could not be computed (its input is missing: unknown, not 0).
   */
  static Map<ComponentType, BigDecimal> sums(List<PayslipLine> lines) {
    Map<ComponentType, BigDecimal> sums = new EnumMap<>(ComponentType.class);
    for (ComponentType t : ComponentType.values()) {
      sums.put(t, Money.ZERO);
    }
    for (PayslipLine l : lines) {
      ComponentType t = ComponentType.valueOf(l.componentType());
      BigDecimal sum = sums.get(t);
      sums.put(t, sum == null || !l.computed() ? null : sum.add(l.amount()));
    }
    return sums;
  }

  /**
   * Whether a component of the agent-month could not be computed: its pay (gross, guards, net)
   * is then that of the computed components only.
   */
  public boolean partial() {
    return components.containsValue(null);
  }
}
