package kefu.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One attribution rule of the sensitivity grid: 付款判定 / 下单判定 × window 0 / 1 / 3 days, plus
 * the run's own rule when it is not in that grid.
 */
public record AttributionRule(String ruleId, Judgment judgment, int windowDays,
    boolean isConfigured) {

  public static final int[] WINDOWS = {0, 1, 3};

  /** The grid (payment, order) × (0, 1, 3) days, plus the configured rule if outside it. */
  public static List<AttributionRule> grid(DeriveRules configured) {
    List<AttributionRule> rules = new ArrayList<>();
    boolean seen = false;
    for (Judgment j : List.of(Judgment.PAYMENT, Judgment.ORDER)) {
      for (int w : WINDOWS) {
        boolean isConfigured = j == configured.judgment()
            && w == configured.attributionWindowDays();
        seen |= isConfigured;
        rules.add(new AttributionRule(ruleId(j, w), j, w, isConfigured));
      }
    }
    if (!seen) {
      rules.add(new AttributionRule(ruleId(configured.judgment(),
          configured.attributionWindowDays()), configured.judgment(),
          configured.attributionWindowDays(), true));
    }
    return rules;
  }

  static String ruleId(Judgment j, int windowDays) {
    return j.name().toLowerCase(Locale.ROOT) + "_w" + windowDays;
  }

  /** The run's rules with this rule's judgment and window. */
  public DeriveRules applyTo(DeriveRules configured) {
    return new DeriveRules(configured.sessionGapMinutes(), configured.botRepliesCount(),
        configured.inquiryLookbackDays(), windowDays, judgment);
  }
}
