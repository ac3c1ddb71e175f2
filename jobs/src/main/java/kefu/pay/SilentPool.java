package kefu.pay;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kefu.pay.PayFacts.SilentMoney;

/**
 * rate x the shop's silent sales of the month (silent_sales_net: minus silent refunds completed in
 * the month), shared evenly among the agent-months of the scheme this component applies to that
 * were active (at least one active day). basis_amount is the agent's share of the pool basis.
 * Inactive agent-months get a 0 line.
 */
final class SilentPool implements PayComponent {
  private final ComponentDef def;
  private final PayslipWords words;

  SilentPool(ComponentDef def, PayslipWords words) {
    this.def = def;
    this.words = words;
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  @Override
  public List<PayslipLine> lines(PayInputs inputs, List<AgentMonth> eligible, String schemeId) {
    Map<String, Integer> poolAgents = new HashMap<>();
    for (AgentMonth m : eligible) {
      if (m.activity().activeDays() > 0) {
        poolAgents.merge(shopMonth(m), 1, Integer::sum);
      }
    }
    List<PayslipLine> lines = new ArrayList<>(eligible.size());
    for (AgentMonth m : eligible) {
      lines.add(line(inputs, m, schemeId, poolAgents.getOrDefault(shopMonth(m), 0)));
    }
    return lines;
  }

  @Override
  public PayslipLine line(PayInputs inputs, AgentMonth m, String schemeId) {
    throw new UnsupportedOperationException("the pool is shared: use lines()");
  }

  private PayslipLine line(PayInputs inputs, AgentMonth m, String schemeId, int agents) {
    boolean net = !"silent_sales_gross".equals(def.basis());
    SilentMoney silent = inputs.silent(m.shopId(), m.month().label());
    BigDecimal pool = silent == null ? BigDecimal.ZERO
        : net ? silent.salesGross().subtract(silent.refunds()) : silent.salesGross();
    BigDecimal share = m.activity().activeDays() > 0 ? Money.divide(pool, agents)
        : BigDecimal.ZERO;
    String note = words.withConfigNote(def, words.format(net ? "silentPool.net"
        : "silentPool.gross", PayslipWords.percent(def.rate()), Money.fen(pool).toPlainString(),
        String.valueOf(agents)));
    return PayslipLine.of(m, schemeId, def, def.basis(), share, def.rate(),
        share.multiply(def.rate()), note);
  }

  private static String shopMonth(AgentMonth m) {
    return m.shopId() + "\u0000" + m.month().label();
  }
}
