package kefu.pay;

import java.math.BigDecimal;
import kefu.spark.Ddl;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * One line of a payslip: a component's amount for an agent-month under a scheme, traceable as
 * {@code basis_amount x rate = amount} (to the fen) for every rate-based line. The amount is
 * rounded half up to the fen, the basis to 2 places and the rate to 6, from exact decimals. A line
 * whose input the run does not have ({@link PayGaps}) has no basis and no amount (null, never 0):
 * its note says what it needs, and the pay leaves it out.
 */
public record PayslipLine(String shopId, String agentId, String month, String schemeId,
    String componentId, int componentLine, String componentType, String category, String basis,
    BigDecimal basisAmount, BigDecimal rate, BigDecimal amount, String note) {

  /** The columns of the payslip_lines mart. */
  public static final StructType SCHEMA = Ddl.schema("shop_id STRING, agent_id STRING, "
      + "month STRING, scheme_id STRING, component_id STRING, component_line INT, "
      + "component_type STRING, category STRING, basis STRING, basis_amount DECIMAL(16,2), "
      + "rate DECIMAL(14,6), amount DECIMAL(14,2), note STRING");

  /** A component's line for {@code m}, its figures rounded as the mart shows them. */
  static PayslipLine of(AgentMonth m, String schemeId, ComponentDef def, String basis,
      BigDecimal basisAmount, BigDecimal rate, BigDecimal amount, String note) {
    return new PayslipLine(m.shopId(), m.agentId(), m.month().label(), schemeId,
        def.componentId(), def.line(), def.type().name(), def.category(), basis,
        Money.fen(basisAmount), Money.rate(rate), Money.fen(amount), note);
  }

  /** The line of a component that cannot be computed for {@code m}: no basis, no amount. */
  static PayslipLine notComputed(AgentMonth m, String schemeId, ComponentDef def, String note) {
    return new PayslipLine(m.shopId(), m.agentId(), m.month().label(), schemeId,
        def.componentId(), def.line(), def.type().name(), def.category(), def.basis(), null,
        Money.rate(def.rate()), null, note);
  }

  /** Whether the line has an amount (false: its input is missing, see {@link PayGaps}). */
  public boolean computed() {
    return amount != null;
  }

  public Row toRow() {
    return LocalTable.row(SCHEMA, shopId, agentId, month, schemeId, componentId, componentLine,
        componentType, category, basis, basisAmount, rate, amount, note);
  }
}
