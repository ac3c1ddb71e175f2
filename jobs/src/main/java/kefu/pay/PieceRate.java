package kefu.pay;

import java.math.BigDecimal;
import java.util.List;

/**
 * RMB per credited paid order. With a tier table the tiers apply to each DAY's count
 * (progressive: orders 1–50 of the day at the first rate, 51–100 at the second, ...; whole: all
 * of the day's orders at the rate of the day's band) and the days are summed.
 */
final class PieceRate implements PayComponent {
  private final ComponentDef def;
  private final PayslipWords words;
  private final List<TierBand> bands;

  PieceRate(ComponentDef def, PayConfig config, PayslipWords words) {
    this.def = def;
    this.words = words;
    this.bands = def.tierTable() == null ? null : config.tierTable(def.tierTable());
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  @Override
  public PayslipLine line(PayInputs inputs, AgentMonth m, String schemeId) {
    long orders = 0;
    BigDecimal amount = BigDecimal.ZERO;
    for (long day : inputs.paidOrdersByDay(m)) {
      orders += day;
      BigDecimal dayOrders = BigDecimal.valueOf(day);
      amount = amount.add(bands != null ? Tiers.amount(dayOrders, bands,
          def.tierModeOrDefault()) : dayOrders.multiply(def.rate()));
    }
    String note;
    BigDecimal rate;
    if (bands != null) {
      note = words.format("pieceRate.tiered", Tiers.describe(def.tierTable(), bands,
          def.tierModeOrDefault(), words));
      rate = orders > 0 ? Money.divide(amount, orders) : null;
    } else {
      note = words.format("pieceRate.flat", def.rate().toPlainString());
      rate = def.rate();
    }
    return PayslipLine.of(m, schemeId, def, "paid_orders", BigDecimal.valueOf(orders), rate,
        amount, words.withConfigNote(def, note));
  }
}
