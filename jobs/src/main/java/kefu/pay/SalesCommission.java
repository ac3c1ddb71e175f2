package kefu.pay;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import kefu.pay.PayFacts.CategoryMoney;

/**
 * Commission on the agent's credited sales of the month (paid month), optionally restricted to
 * one category ({@code other} = categories no other COMMISSION row of the scheme names).
 * Basis: sales_gross; sales_net (minus credited refunds completed in the month); profit_gross /
 * profit_net (the same x the category's margin, unknown categories margin 0). Flat rate, or a
 * tier table over the month's basis (progressive by default, or whole). A negative net basis
 * gives a negative flat commission (a clawback) and 0 under tiers.
 */
final class SalesCommission implements PayComponent {
  static final String OTHER_CATEGORIES = "other";

  private final ComponentDef def;
  private final PayConfig config;
  private final PayslipWords words;
  private final Predicate<String> inCategory;

  SalesCommission(ComponentDef def, PayConfig config, PayslipWords words) {
    this.def = def;
    this.config = config;
    this.words = words;
    this.inCategory = categoryFilter(def, config);
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  @Override
  public PayslipLine line(PayInputs inputs, AgentMonth m, String schemeId) {
    BigDecimal x = BigDecimal.ZERO;
    for (CategoryMoney c : inputs.categoryMoney(m)) {
      if (inCategory.test(c.category())) {
        x = x.add(basis(c));
      }
    }
    BigDecimal amount;
    BigDecimal rate;
    String note;
    if (def.tierTable() != null) {
      List<TierBand> bands = config.tierTable(def.tierTable());
      amount = Tiers.amount(x, bands, def.tierModeOrDefault());
      rate = x.signum() != 0 ? Money.divide(amount, x) : null;
      note = words.format("commission.tiered", words.basis(def.basis()),
          Tiers.describe(def.tierTable(), bands, def.tierModeOrDefault(), words));
    } else {
      amount = x.multiply(def.rate());
      rate = def.rate();
      note = words.format("commission.flat", PayslipWords.percent(def.rate()),
          words.basis(def.basis()));
    }
    return PayslipLine.of(m, schemeId, def, def.basis(), x, rate, amount,
        words.withConfigNote(def, inCategory(def, words, note)));
  }

  /** The note naming the definition's category, if it has one ("other": the rest). */
  static String inCategory(ComponentDef def, PayslipWords words, String note) {
    if (def.category() == null) {
      return note;
    }
    return words.format("inCategory", note, OTHER_CATEGORIES.equals(def.category())
        ? words.word("category.other") : def.category());
  }

  private BigDecimal basis(CategoryMoney c) {
    BigDecimal gross = c.salesGross();
    BigDecimal net = c.salesGross().subtract(c.refundAmount());
    switch (def.basis()) {
      case "sales_gross": return gross;
      case "sales_net": return net;
      case "profit_gross": return gross.multiply(margin(config, c.category()));
      default: return net.multiply(margin(config, c.category()));
    }
  }

  /** The category's margin (the last row naming it), 0 for categories without one. */
  static BigDecimal margin(PayConfig config, String category) {
    BigDecimal margin = BigDecimal.ZERO;
    for (CategoryMargin cm : config.categoryMargins()) {
      if (cm.category().equals(category)) {
        margin = cm.marginRate();
      }
    }
    return margin;
  }

  /** Which categories a COMMISSION or RETURN_DEDUCTION definition covers. */
  static Predicate<String> categoryFilter(ComponentDef def, PayConfig config) {
    if (def.category() == null) {
      return c -> true;
    }
    if (!def.category().equals(OTHER_CATEGORIES)) {
      return def.category()::equals;
    }
    List<String> named = new ArrayList<>();
    for (ComponentDef c : config.componentsOf(def.schemeId())) {
      if (c.type() == def.type() && c.category() != null
          && !c.category().equals(OTHER_CATEGORIES)) {
        named.add(c.category());
      }
    }
    return c -> !named.contains(c);
  }
}
