package kefu.pay;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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

  TeamTargetBonus(ComponentDef def, PayConfig config) {
    this.def = def;
    this.bands = def.tierTable() == null ? null : config.tierTable(def.tierTable());
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  static Column teamKey() {
    return coalesce(col("team"), lit(NO_TEAM));
  }

  @Override
  public Dataset<Row> lines(PayInputs inputs, Dataset<Row> agentMonths) {
    boolean net = "sales_net".equals(def.basis());
    Column sales = net ? col("credited_sales").minus(col("credited_refunds"))
        : col("credited_sales");
    Dataset<Row> teams = inputs.agentMonths()
        .groupBy(col("shop_id").as("t_shop_id"), teamKey().as("t_team"), col("month").as("t_month"))
        .agg(sum(sales).as("team_sales"));
    Dataset<Row> joined = agentMonths.join(teams, col("shop_id").equalTo(col("t_shop_id"))
        .and(teamKey().equalTo(col("t_team"))).and(col("month").equalTo(col("t_month"))), "left")
        .withColumn("team_sales", coalesce(col("team_sales"), lit(BigDecimal.ZERO)));
    Column teamSales = PayslipLines.exact(col("team_sales"));
    Column bonus;
    String rule;
    if (bands == null) {
      bonus = when(teamSales.geq(lit(def.threshold())), lit(def.amount()));
      rule = def.amount().toPlainString() + " per active agent when team " + def.basis()
          + " >= " + def.threshold().toPlainString();
    } else {
      bonus = lit(BigDecimal.ZERO);
      for (TierBand b : bands) { // ascending: the highest reached band wins
        bonus = when(teamSales.geq(lit(b.lower())), lit(b.rate())).otherwise(bonus);
      }
      StringBuilder targets = new StringBuilder();
      for (TierBand b : bands) {
        targets.append(targets.length() == 0 ? "" : "; ").append(">= ")
            .append(b.lower().toPlainString()).append(" -> ")
            .append(b.rate().stripTrailingZeros().toPlainString());
      }
      rule = "bonus per active agent by team " + def.basis() + " reached (" + def.tierTable()
          + ": " + targets + ")";
    }
    Column amount = when(col("active_days").gt(0), coalesce(bonus, lit(BigDecimal.ZERO)))
        .otherwise(lit(BigDecimal.ZERO));
    Column note = concat(lit("team "), col("t_team"), lit(" sales "),
        col("team_sales").cast("decimal(16,2)").cast("string"), lit(": " + rule),
        lit(def.note() == null || def.note().isBlank() ? "" : " (" + def.note() + ")"));
    return PayslipLines.select(joined, def, def.basis(), col("team_sales"),
        lit(null).cast("decimal(14,6)"), amount, note);
  }
}
