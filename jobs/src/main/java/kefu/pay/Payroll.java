package kefu.pay;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Counterfactual replay: every agent's pay for every month under every scheme of the config,
 * from the same history. Components are Column expressions and joins over agent-month tables;
 * only the small config and the aggregate-sized payroll (for the distribution statistics) reach
 * the driver.
 */
public final class Payroll {
  private Payroll() {}

  /**
   * @param agentDaily the {@link kefu.marts.AgentDaily} mart: one row per (shop_id, agent_id,
   *     business_date) with the activity, sales, refund, response and DSR sums
   * @param attributedOrders canonical orders + credited_agent_id (null = silent), is_silent,
   *     created_date, paid_date
   * @param attributedRefunds refunds with credited_agent_id, shop_id, category, refund_amount,
   *     refunded_units, is_return, completed_date, is_silent
   * @param receptions one row per (reception, agent part): shop_id, agent_id, started_at, ended_at
   * @param agents the canonical roster
   * @param months the months to pay, 'YYYY-MM'
   */
  public static PayMarts compute(SparkSession spark, PayConfig config, Dataset<Row> agentDaily,
      Dataset<Row> attributedOrders, Dataset<Row> attributedRefunds, Dataset<Row> receptions,
      Dataset<Row> agents, List<String> months) {
    return marts(spark, config, replay(spark, config, agentDaily, attributedOrders,
        attributedRefunds, ReceptionHours.byAgentMonth(receptions, months), agents, months));
  }

  /**
   * Only the payroll mart (no payslip lines, distribution or changes): for replaying one scheme
   * under alternative inputs, e.g. other attribution rules. Parameters as {@link #replay}.
   */
  public static Dataset<Row> payrollOnly(SparkSession spark, PayConfig config,
      Dataset<Row> agentDaily, Dataset<Row> attributedOrders, Dataset<Row> attributedRefunds,
      Dataset<Row> receptionHours, Dataset<Row> agents, List<String> months) {
    return replay(spark, config, agentDaily, attributedOrders, attributedRefunds, receptionHours,
        agents, months).payroll();
  }

  /**
   * The replay's payroll mart and its component lines (before the guard lines), both
   * materialised. An agent-month's pay depends only on that month's inputs, so one replay over
   * many months serves every subset of them ({@link #only}).
   */
  public record Replay(Dataset<Row> payroll, Dataset<Row> lines) {
    /** The agent-months of {@code months} only. */
    public Replay only(List<String> months) {
      Column in = col("month").isin(months.toArray());
      return new Replay(payroll.filter(in), lines.filter(in));
    }
  }

  /** The pay marts of a replay: payroll, payslip lines with the guards', distribution, changes. */
  public static PayMarts marts(SparkSession spark, PayConfig config, Replay replay) {
    Dataset<Row> payroll = replay.payroll();
    Dataset<Row> payslipLines = replay.lines()
        .unionByName(PayGuards.guardLines(payroll, config))
        .orderBy("shop_id", "agent_id", "month", "scheme_id", "component_line");
    Dataset<Row> distribution = PayDistribution.compute(spark, config, payroll);
    Dataset<Row> changes = PayChanges.compute(config, payroll);
    return new PayMarts(payroll.orderBy("shop_id", "agent_id", "month", "scheme_id"),
        payslipLines, distribution, changes);
  }

  /**
   * Every agent-month of {@code months} under every scheme. Parameters as {@link #compute}, but
   * the receptions come as their {@link ReceptionHours#byAgentMonth} (computed once per review).
   */
  public static Replay replay(SparkSession spark, PayConfig config, Dataset<Row> agentDaily,
      Dataset<Row> attributedOrders, Dataset<Row> attributedRefunds, Dataset<Row> receptionHours,
      Dataset<Row> agents, List<String> months) {
    PayInputs built = PayInputs.build(spark, config, agentDaily, attributedOrders,
        attributedRefunds, receptionHours, agents, months);
    // Materialise the small agent-month tables once: every component reads them, and cutting
    // their lineage keeps the plans of the many component branches small.
    PayInputs inputs = new PayInputs(built.agentMonths().localCheckpoint(),
        built.categoryMonths().localCheckpoint(), built.agentDays().localCheckpoint(),
        built.shopSilentMonths().localCheckpoint());

    Dataset<Row> schemeMonths = null;
    Dataset<Row> lines = null;
    for (SchemeDef scheme : config.schemes()) {
      Dataset<Row> eligible = inputs.agentMonths()
          .filter(AgentFilter.toColumn(scheme.appliesTo()))
          .withColumn("scheme_id", lit(scheme.schemeId()));
      Dataset<Row> keys = eligible.select("shop_id", "agent_id", "month", "scheme_id");
      schemeMonths = schemeMonths == null ? keys : schemeMonths.unionByName(keys);
      for (ComponentDef def : config.componentsOf(scheme.schemeId())) {
        Dataset<Row> componentLines = PayComponent.of(def, config)
            .lines(inputs, eligible.filter(AgentFilter.toColumn(def.condition())));
        lines = lines == null ? componentLines : lines.unionByName(componentLines);
      }
    }
    List<String> cols = new ArrayList<>(PayslipLines.COLUMNS);
    lines = lines.select(cols.stream().map(org.apache.spark.sql.functions::col)
        .toArray(Column[]::new)).localCheckpoint();

    Dataset<Row> payroll = PayGuards.payroll(spark, config, inputs.agentMonths(), schemeMonths,
        lines).localCheckpoint();
    return new Replay(payroll, lines);
  }
}
