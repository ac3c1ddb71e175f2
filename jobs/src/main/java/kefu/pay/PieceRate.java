package kefu.pay;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * RMB per credited paid order. With a tier table the tiers apply to each DAY's count
 * (progressive: orders 1–50 of the day at the first rate, 51–100 at the second, ...; whole: all
 * of the day's orders at the rate of the day's band) and the days are summed.
 */
final class PieceRate implements PayComponent {
  private final ComponentDef def;
  private final PayConfig config;

  PieceRate(ComponentDef def, PayConfig config) {
    this.def = def;
    this.config = config;
  }

  @Override
  public ComponentDef definition() {
    return def;
  }

  @Override
  public Dataset<Row> lines(PayInputs inputs, Dataset<Row> agentMonths) {
    Column orders = col("paid_orders");
    Column dayAmount;
    String note;
    if (def.tierTable() != null) {
      List<TierBand> bands = config.tierTable(def.tierTable());
      dayAmount = Tiers.amount(orders, bands, def.tierModeOrDefault());
      note = "paid orders per day x " + Tiers.describe(def.tierTable(), bands,
          def.tierModeOrDefault()) + " RMB (rate = effective)";
    } else {
      dayAmount = PayslipLines.exact(orders).multiply(lit(def.rate()));
      note = def.rate().toPlainString() + " RMB per credited paid order";
    }
    Dataset<Row> monthly = inputs.agentDays()
        .groupBy("shop_id", "agent_id", "month")
        .agg(sum(orders).as("piece_orders"), sum(dayAmount).as("piece_amount"));
    Dataset<Row> joined = agentMonths.join(monthly, PayInputs.joinKeys(), "left")
        .withColumn("piece_orders", coalesce(col("piece_orders"), lit(0L)))
        .withColumn("piece_amount",
            PayslipLines.exact(coalesce(col("piece_amount"), lit(BigDecimal.ZERO))));
    Column rate = def.tierTable() == null ? lit(def.rate())
        : when(col("piece_orders").gt(0), col("piece_amount").divide(col("piece_orders")));
    return PayslipLines.select(joined, def, "paid_orders", col("piece_orders"), rate,
        col("piece_amount"), PayslipLines.noteOf(def, note));
  }
}
