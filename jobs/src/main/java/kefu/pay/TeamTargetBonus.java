package kefu.pay;

import java.math.BigDecimal;
import java.util.ArrayList;
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
  private final PayslipWords words;
  private final List<TierBand> bands;
  private final String rule;

  TeamTargetBonus(ComponentDef def, PayConfig config, PayslipWords words) {
    this.def = def;
    this.words = words;
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
    String team = m.roster().team() == null ? words.word("team.none") : m.roster().team();
    String note = words.withConfigNote(def, words.format("team", team,
        Money.fen(teamSales).toPlainString(), rule, words.basis(def.basis())));
    return PayslipLine.of(m, schemeId, def, def.basis(), teamSales, null,
        m.activity().activeDays() > 0 ? bonus : BigDecimal.ZERO, note);
  }

  private String rule() {
    if (bands == null) {
      return words.format("team.flat", def.amount().toPlainString(), words.basis(def.basis()),
          def.threshold().toPlainString());
    }
    List<String> targets = new ArrayList<>(bands.size());
    for (TierBand b : bands) {
      targets.add(words.format("team.target", b.lower().toPlainString(),
          b.rate().stripTrailingZeros().toPlainString()));
    }
    return words.format("team.tiered", words.basis(def.basis()), def.tierTable(),
        words.list(targets));
  }

  private static String team(AgentMonth m) {
    return m.shopId() + "\u0000" + teamKey(m) + "\u0000" + m.month().label();
  }
}
