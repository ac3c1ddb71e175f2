package kefu.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Paths;
import java.util.List;
import kefu.derive.DeriveRules;
import kefu.derive.Receptions;
import kefu.ingest.InputError;
import kefu.marts.Period;
import kefu.pay.PayConfig;
import kefu.pay.PayConfigError;
import kefu.pay.PayMarts;
import kefu.pay.Payroll;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The pay stage of a review: every agent-month of the period under every scheme of the config
 * (counterfactual replay, kefu.pay), written as the marts payroll, payslip_lines,
 * pay_distribution and pay_changes and read back.
 */
final class PayStage {
  private PayStage() {}

  static final List<String> MARTS = List.of("payroll", "payslip_lines", "pay_distribution",
      "pay_changes", "attribution_sensitivity");

  /** The placeholder ids for bot replies and unattributed agent messages are not people. */
  static Column person() {
    return col("agent_id").isNotNull()
        .and(col("agent_id").isin(Receptions.BOT_AGENT, Receptions.UNKNOWN_AGENT).unary_$bang());
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

  static PayMarts run(SparkSession spark, PayConfig config, DeriveRules rules,
      ReviewRun.Derived derived, ReviewRun.Marts marts, Dataset<Row> agents, Period period,
      OutputFolder folder) {
    List<String> months = period.months().stream().map(Period::label).toList();
    Column person = person();
    // Hours worked only need the period's receptions (a day's margin for chats over midnight);
    // the whole history would be sessionised again for nothing.
    Column inPeriod = col("reception_date").between(
        lit(java.sql.Date.valueOf(period.start().minusDays(1))),
        lit(java.sql.Date.valueOf(period.endExclusive())));
    PayMarts pay = Payroll.compute(spark, config, marts.agentDaily().filter(person),
        derived.orders(), derived.refunds(), derived.receptions().filter(person.and(inPeriod)),
        agents, months);
    return new PayMarts(
        ReviewRun.materialise(spark, pay.payroll(), folder.staging("marts/payroll")),
        ReviewRun.materialise(spark, pay.payslipLines(), folder.staging("marts/payslip_lines")),
        ReviewRun.materialise(spark, pay.payDistribution(),
            folder.staging("marts/pay_distribution")),
        ReviewRun.materialise(spark, pay.payChanges(), folder.staging("marts/pay_changes")),
        ReviewRun.materialise(spark, AttributionSensitivity.compute(spark, config, rules, period,
            derived.receptions(), derived.inquiries(), derived.orders(), derived.refunds(),
            marts.agentDaily(), agents), folder.staging("marts/attribution_sensitivity")));
  }
}
