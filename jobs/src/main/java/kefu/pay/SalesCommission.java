package kefu.pay;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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

  SalesCommission(ComponentDef def, PayConfig config) {
    this.def = def;
    this.config = config;
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  @Override
  public Dataset<Row> lines(PayInputs inputs, Dataset<Row> agentMonths) {
    Dataset<Row> basis = inputs.categoryMonths()
        .filter(categoryFilter(def, config))
        .groupBy("shop_id", "agent_id", "month")
        .agg(sum(basisPerCategory()).as("commission_basis"));
    Dataset<Row> joined = agentMonths.join(basis, PayInputs.joinKeys(), "left")
        .withColumn("commission_basis",
            PayslipLines.exact(coalesce(col("commission_basis"), lit(BigDecimal.ZERO))));
    Column x = col("commission_basis");
    Column amount;
    Column rate;
    String note;
    if (def.tierTable() != null) {
      List<TierBand> bands = config.tierTable(def.tierTable());
      amount = Tiers.amount(x, bands, def.tierModeOrDefault());
      rate = when(x.notEqual(0), PayslipLines.exact(amount).divide(x));
      note = def.basis() + " x " + Tiers.describe(def.tierTable(), bands,
          def.tierModeOrDefault()) + " (rate = effective)";
    } else {
      amount = x.multiply(lit(def.rate()));
      rate = lit(def.rate());
      note = def.rate().movePointRight(2).stripTrailingZeros().toPlainString() + "% of "
          + def.basis();
    }
    if (def.category() != null) {
      note += " in category " + def.category();
    }
    return PayslipLines.select(joined, def, def.basis(), x, rate, amount,
        PayslipLines.noteOf(def, note));
  }

  private Column basisPerCategory() {
    Column gross = col("sales_gross");
    Column net = col("sales_gross").minus(col("refund_amount"));
    switch (def.basis()) {
      case "sales_gross": return gross;
      case "sales_net": return net;
      case "profit_gross": return gross.multiply(margin(config));
      default: return net.multiply(margin(config));
    }
  }

  /** The category margin as a CASE expression over column {@code category}. */
  static Column margin(PayConfig config) {
    Column m = lit(BigDecimal.ZERO);
    for (CategoryMargin cm : config.categoryMargins()) {
      m = when(col("category").equalTo(cm.category()), lit(cm.marginRate())).otherwise(m);
    }
    return m;
  }

  /** Which category rows a COMMISSION or RETURN_DEDUCTION definition covers. */
  static Column categoryFilter(ComponentDef def, PayConfig config) {
    if (def.category() == null) {
      return lit(true);
    }
    if (!def.category().equals(OTHER_CATEGORIES)) {
      return col("category").equalTo(def.category());
    }
    List<String> named = new ArrayList<>();
    for (ComponentDef c : config.componentsOf(def.schemeId())) {
      if (c.type() == def.type() && c.category() != null
          && !c.category().equals(OTHER_CATEGORIES)) {
        named.add(c.category());
      }
    }
    return named.isEmpty() ? lit(true) : col("category").isin(named.toArray()).unary_$bang();
  }
}
