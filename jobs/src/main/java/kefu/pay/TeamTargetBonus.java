package kefu.pay;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Team target (团队目标奖): when a team's monthly credited sales (gross, or net of refunds; every
 * agent of the team counts, whatever their scheme) reach a target, every eligible agent of the
 * team who was active that month gets the same bonus. A team is the roster's {@code team} within
 * the shop; agents without a team form one team per shop.
 *
 * <p>Flat: {@code threshold} = the team's monthly target, {@code amount} = the bonus per agent.
 * Tiered: {@code tier_table} whose bands' {@code lower} are the targets and {@code rate} the RMB
 * bonus per agent: the highest band whose lower the team's sales reach pays (a band with rate 0
 * from 0 means "below the first target"). basis_amount = the team's sales; rate = null.
 */
final class TeamTargetBonus implements PayComponent {
  static final String NO_TEAM = "(shop)";

  private final ComponentDef def;
  private final List<TierBand> bands;
  private final String rule;

  TeamTargetBonus(ComponentDef def, PayConfig config) {
    this.def = def;
    this.bands = def.tierTable() == null ? null : config.tierTable(def.tierTable());
    this.rule = rule();
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  static String teamKey(AgentMonth m) {
    return m.roster().team() == null ? NO_TEAM : m.roster().team();
  }

  private BigDecimal sales(AgentMonth m) {
    return "sales_net".equals(def.basis())
        ? m.credit().sales().subtract(m.credit().refunds()) : m.credit().sales();
  }

  @Override
  public List<PayslipLine> lines(PayInputs inputs, List<AgentMonth> eligible, String schemeId) {
    Map<String, BigDecimal> teamSales = new HashMap<>();
    for (AgentMonth m : inputs.agentMonths()) {
      teamSales.merge(team(m), sales(m), BigDecimal::add);
    }
    return eligible.stream().map(m -> line(m, schemeId,
        teamSales.getOrDefault(team(m), BigDecimal.ZERO))).toList();
  }

  @Override
  public PayslipLine line(PayInputs inputs, AgentMonth m, String schemeId) {
    throw new UnsupportedOperationException("the team's sales need every agent: use lines()");
  }

  private PayslipLine line(AgentMonth m, String schemeId, BigDecimal teamSales) {
    BigDecimal bonus = BigDecimal.ZERO;
    if (bands == null) {
      if (teamSales.compareTo(def.threshold()) >= 0) {
        bonus = def.amount();
      }
    } else {
      for (TierBand b : bands) { // ascending: the highest reached band wins
        if (teamSales.compareTo(b.lower()) >= 0) {
          bonus = b.rate();
        }
      }
    }
    String note = "team " + teamKey(m) + " sales " + Money.fen(teamSales).toPlainString() + ": "
        + rule + (def.note() == null || def.note().isBlank() ? "" : " (" + def.note() + ")");
    return PayslipLine.of(m, schemeId, def, def.basis(), teamSales, null,
        m.activity().activeDays() > 0 ? bonus : BigDecimal.ZERO, note);
  }

  private String rule() {
    if (bands == null) {
      return def.amount().toPlainString() + " per active agent when team " + def.basis()
          + " >= " + def.threshold().toPlainString();
    }
    StringBuilder targets = new StringBuilder();
    for (TierBand b : bands) {
      targets.append(targets.length() == 0 ? "" : "; ").append(">= ")
          .append(b.lower().toPlainString()).append(" -> ")
          .append(b.rate().stripTrailingZeros().toPlainString());
    }
    return "bonus per active agent by team " + def.basis() + " reached (" + def.tierTable()
        + ": " + targets + ")";
  }

  private static String team(AgentMonth m) {
    return m.shopId() + "\u0000" + teamKey(m) + "\u0000" + m.month().label();
  }
}
