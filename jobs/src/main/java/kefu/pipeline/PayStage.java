package kefu.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.nio.file.Paths;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import kefu.derive.DeriveRules;
import kefu.derive.Receptions;
import kefu.ingest.InputError;
import kefu.marts.Period;
import kefu.pay.PayConfig;
import kefu.pay.PayConfigError;
import kefu.pay.PayMarts;
import kefu.pay.Payroll;
import kefu.pay.ReceptionHours;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The pay stage of a review: every agent-month of the history under every scheme of the config
 * (counterfactual replay, kefu.pay), written as payroll_history, and the period's months of it
 * as the marts payroll, payslip_lines, pay_distribution and pay_changes; plus the
 * attribution_sensitivity of the current scheme. Each mart is written and read back.
 */
final class PayStage {
  private PayStage() {}

  static final List<String> MARTS = List.of("payroll", "payslip_lines", "pay_distribution",
      "pay_changes", "attribution_sensitivity", "payroll_history");

  /** The placeholder ids for bot replies and unattributed agent messages are not people. */
  static Column person() {
    return person(col("agent_id"));
  }

  static Column person(Column agentId) {
    return agentId.isNotNull()
        .and(agentId.isin(Receptions.BOT_AGENT, Receptions.UNKNOWN_AGENT).unary_$bang());
  }

  /**
   * The config of {@code configDir}/pay_schemes.xlsx (defaults when absent), validated before any
   * Spark work so a broken cell fails the run in a second, not after ingest.
   */
  static PayConfig loadConfig(String configDir) {
    try {
      return PayConfig.readOrDefaults(Paths.get(configDir));
    } catch (PayConfigError e) {
      throw new InputError("invalid pay configuration in " + configDir + "/"
          + PayConfig.FILE_NAME + ": " + String.join("; ", e.problems()), e);
    }
  }

  /**
   * @param payrollHistory every agent-month of the history (and of the period) under every
   *     scheme: {@code marts/payroll_history}, read by the seasonal and sourcing stages
   */
  record Result(PayMarts marts, Dataset<Row> payrollHistory) {}

  static Result run(SparkSession spark, PayConfig config, DeriveRules rules,
      ReviewRun.Derived derived, ReviewRun.Marts marts, Dataset<Row> agents, Period period,
      OutputFolder folder) {
    Dataset<Row> agentDaily = marts.agentDaily().filter(person());
    List<String> periodMonths = period.months().stream().map(Period::label).toList();
    TreeSet<String> months = new TreeSet<>(historyMonths(agentDaily));
    months.addAll(periodMonths);
    // One replay of every month serves both the period's marts and payroll_history: an
    // agent-month's pay depends only on its own month, so replaying the period apart would
    // only plan and compute the same months again. The hours worked serve the sensitivity's
    // replay under every rule too.
    Dataset<Row> hours = ReceptionHours.byAgentMonth(derived.receptions().filter(person()),
        List.copyOf(months)).localCheckpoint();
    Payroll.Replay history = Payroll.replay(spark, config, agentDaily, derived.orders(),
        derived.refunds(), hours, agents, List.copyOf(months));
    PayMarts pay = Payroll.marts(spark, config, history.only(periodMonths));
    PayMarts written = new PayMarts(
        ReviewRun.materialise(spark, pay.payroll(), folder.staging("marts/payroll")),
        ReviewRun.materialise(spark, pay.payslipLines(), folder.staging("marts/payslip_lines")),
        ReviewRun.materialise(spark, pay.payDistribution(),
            folder.staging("marts/pay_distribution")),
        ReviewRun.materialise(spark, pay.payChanges(), folder.staging("marts/pay_changes")),
        ReviewRun.materialise(spark, AttributionSensitivity.compute(spark, config, rules, period,
            derived.receptions(), derived.inquiries(), derived.orders(), derived.refunds(),
            marts.agentDaily(), hours, agents), folder.staging("marts/attribution_sensitivity")));
    return new Result(written, ReviewRun.materialise(spark, history.payroll(),
        folder.staging("marts/payroll_history")));
  }

  /** Every month with agent activity ('YYYY-MM'); the bounds are one aggregate row. */
  static List<String> historyMonths(Dataset<Row> agentDaily) {
    Row bounds = agentDaily.agg(min("business_date"), max("business_date")).first();
    List<String> months = new ArrayList<>();
    if (bounds.isNullAt(0)) {
      return months;
    }
    YearMonth last = YearMonth.from(((java.sql.Date) bounds.get(1)).toLocalDate());
    for (YearMonth m = YearMonth.from(((java.sql.Date) bounds.get(0)).toLocalDate());
        !m.isAfter(last); m = m.plusMonths(1)) {
      months.add(m.toString());
    }
    return months;
  }
}
