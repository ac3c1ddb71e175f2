package kefu.pay;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the replay's facts cannot tell, so that a component needing it reads 需聊天记录 on the
 * payslip and is left out of the pay instead of paying 0. A review from the per-agent exports
 * without chats credits no order, refund or rating to an agent, knows no category of an agent's
 * sales, no silent sales and no reception hours; and an export may leave a figure an agent-month
 * is paid on (销售额, 订单数, 回复率 …) unstated on some of its days, which would understate it.
 *
 * @param withoutChats true for a review from the per-agent exports (no chats)
 * @param unstated per agent-month ({@link AgentMonth#key}) the figures of {@link #FIGURES} that
 *     some active day of it does not state
 */
public record PayGaps(boolean withoutChats, Map<String, Set<String>> unstated) {
  /** With chats: every component can be computed. */
  public static final PayGaps NONE = new PayGaps(false, Map.of());

  /** The export figures pay reads per agent-day. */
  public static final String SALES = "sales";
  public static final String PAID_ORDERS = "paid_orders";
  public static final String INQUIRY_CONVERSION = "inquiry_conversion";
  public static final String REPLY_RATE = "reply_rate";
  public static final String AVG_RESPONSE_SECONDS = "avg_response_seconds";
  public static final List<String> FIGURES = List.of(SALES, PAID_ORDERS, INQUIRY_CONVERSION,
      REPLY_RATE, AVG_RESPONSE_SECONDS);

  public PayGaps {
    unstated = Map.copyOf(unstated);
  }

  /**
   * Why {@code def} cannot be computed for {@code m}, in words (客服导出没有按客服归因的退款),
   * or null when it can.
   */
  String missing(ComponentDef def, AgentMonth m, PayConfig config, PayInputs inputs,
      PayslipWords words) {
    if (!withoutChats) {
      return null;
    }
    String basis = def.basis() == null ? "" : def.basis();
    return switch (def.type()) {
      case BASE, BONUS_ATTENDANCE -> null;
      case COMMISSION -> {
        if (def.category() != null || basis.startsWith("profit")) {
          yield words.word("gap.categorySales");
        }
        yield "sales_gross".equals(basis) ? unstated(m, words, SALES)
            : words.word("gap.creditedRefunds");
      }
      case RETURN_DEDUCTION -> words.word("gap.creditedRefunds");
      case SILENT_POOL -> words.word("gap.silentSales");
      case PIECE_RATE -> unstated(m, words, PAID_ORDERS);
      case HOURLY -> "scheduled_hours".equals(basis) ? null : words.word("gap.receptionHours");
      case BONUS_DSR -> words.word("gap.dsr");
      case BONUS_KPI -> {
        List<String> metrics = List.copyOf(KpiBonus.byMetric(
            config.kpiTable(def.tierTable())).keySet());
        if (metrics.stream().anyMatch(k -> k.startsWith("dsr_"))) {
          yield words.word("gap.dsr");
        }
        yield unstated(m, words, metrics.toArray(String[]::new));
      }
      case BONUS_TARGET -> "sales_net".equals(basis) ? words.word("gap.creditedRefunds")
          : unstated(m, words, SALES);
      case BONUS_TEAM -> {
        if ("sales_net".equals(basis)) {
          yield words.word("gap.creditedRefunds");
        }
        // the team's sales: every agent of the team that month must state them
        String team = TeamTargetBonus.teamKey(m);
        yield inputs.agentMonths().stream()
            .filter(o -> o.shopId().equals(m.shopId()) && o.month().equals(m.month())
                && TeamTargetBonus.teamKey(o).equals(team))
            .map(o -> unstated(o, words, SALES)).filter(java.util.Objects::nonNull)
            .findFirst().orElse(null);
      }
    };
  }

  /** The first of {@code figures} some day of {@code m} does not state, in words, else null. */
  private String unstated(AgentMonth m, PayslipWords words, String... figures) {
    Set<String> gaps = unstated.getOrDefault(m.key(), Set.of());
    for (String f : figures) {
      if (gaps.contains(f)) {
        return words.format("gap.unstated", words.word("gap.figure." + f));
      }
    }
    return null;
  }
}
