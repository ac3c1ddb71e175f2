package kefu.pipeline;

import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import kefu.derive.AttributionRule;
import kefu.derive.DeriveRules;
import kefu.derive.Receptions;
import kefu.facts.CreditFacts;
import kefu.facts.ExportFacts;
import kefu.facts.ReceptionHours;
import kefu.facts.RuleCredit;
import kefu.ingest.InputError;
import kefu.marts.Period;
import kefu.pay.AttributionSensitivity;
import kefu.pay.PayChanges;
import kefu.pay.PayConfig;
import kefu.pay.PayConfigError;
import kefu.pay.PayDistribution;
import kefu.pay.PayFacts;
import kefu.pay.PayGaps;
import kefu.pay.PayInputs;
import kefu.pay.PayMarts;
import kefu.pay.Payroll;
import kefu.pay.PayrollRow;
import kefu.pay.PayslipLine;
import kefu.pay.PayslipWords;
import kefu.table.LocalTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The pay stage of a review: the credit aggregates come from the facts query ({@link FactsStage},
 * kefu.facts), and every agent-month of the history is paid under every scheme of the config in
 * plain Java (counterfactual replay, kefu.pay): payroll_history, and the period's months of it as the marts
 * payroll, payslip_lines, pay_distribution and pay_changes; plus the attribution_sensitivity of
 * the current scheme.
 */
final class PayStage implements Stage<PayStage.Input, PayStage.Result> {

  static final Mart PAYROLL = new Mart("payroll", PayrollRow.SCHEMA);
  static final Mart PAYSLIP_LINES = new Mart("payslip_lines", PayslipLine.SCHEMA);
  static final Mart PAY_DISTRIBUTION = new Mart("pay_distribution", PayDistribution.SCHEMA);
  static final Mart PAY_CHANGES = new Mart("pay_changes", PayChanges.SCHEMA);
  static final Mart ATTRIBUTION_SENSITIVITY = new Mart("attribution_sensitivity",
      AttributionSensitivity.SCHEMA);
  static final Mart PAYROLL_HISTORY = new Mart("payroll_history", PayrollRow.SCHEMA);

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
   * @param words the payslip notes' words, in the run's language
   * @param facts this stage's aggregates from the facts query ({@link #queries})
   * @param exports the per-agent exports standing in for chats (ExportFacts.none() with chats)
   */
  record Input(PayConfig config, PayslipWords words, DeriveRules rules, Period period,
      Map<String, LocalTable> facts, MartsStage.Result marts, OutputFolder folder,
      ExportFacts exports) {}

  /**
   * @param payrollHistory every agent-month of the history (and of the period) under every
   *     scheme: {@code marts/payroll_history}, read by the seasonal and sourcing stages
   * @param facts the aggregates the replay read
   * @param sales credited sales by (shop_id, agent_id, month, category)
   */
  record Result(PayMarts marts, LocalTable payrollHistory, PayFacts facts, LocalTable sales) {}

  @Override
  public String name() {
    return "pay";
  }

  @Override
  public List<Mart> marts() {
    return List.of(PAYROLL, PAYSLIP_LINES, PAY_DISTRIBUTION, PAY_CHANGES,
        ATTRIBUTION_SENSITIVITY, PAYROLL_HISTORY);
  }

  /** Credited sales, refunds, silent sales, hours, the roster and each attribution rule's credit. */
  static Map<String, Dataset<Row>> queries(FactsStage.Input in) {
    DeriveStage.Result derived = in.derived();
    Map<String, Dataset<Row>> queries = new LinkedHashMap<>();
    queries.put("sales", CreditFacts.sales(derived.orders()));
    queries.put("refunds", CreditFacts.refunds(derived.refunds()));
    queries.put("silent", CreditFacts.silent(derived.orders(), derived.refunds()));
    queries.put("hours", ReceptionHours.byAgentMonth(derived.receptions()));
    queries.put("agents", in.tables().agents());
    Map<String, Dataset<Row>> ruleCredit = RuleCredit.facts(
        AttributionRule.grid(in.rules()), in.rules(), in.period(), derived.receptions(),
        derived.inquiries(), derived.orders(), derived.refunds());
    // Without a reception no rule credits an agent, and the sensitivity has no one to replay:
    // its facts are empty (limit 0 plans no work) instead of re-attributing the orders six times
    // (an orders-only review).
    boolean anyReception = derived.rows().receptions() > 0;
    ruleCredit.forEach((name, fact) -> queries.put(name, anyReception ? fact : fact.limit(0)));
    return queries;
  }

  @Override
  public Result run(Input in) {
    PayConfig config = in.config();
    Period period = in.period();
    List<AttributionRule> grid = AttributionRule.grid(in.rules());
    Map<String, LocalTable> f = new LinkedHashMap<>(in.facts());
    if (!in.exports().isEmpty()) {
      // The exports' 销售额 is each agent's credited sales (no category: commissions by
      // category use the unknown one); silent sales and refunds per agent need chats.
      f.put("sales", in.exports().sales());
    }
    LocalTable agentDaily = in.marts().agentDaily();
    PayFacts facts = PayFacts.of(
        agentDaily.filter(r -> Receptions.isPerson((String) r.getAs("agent_id"))),
        f.get("sales"), f.get("refunds"), f.get("silent"), f.get("hours"), f.get("agents"));
    List<String> periodMonths = period.months().stream().map(Period::label).toList();
    TreeSet<String> months = new TreeSet<>(historyMonths(facts));
    months.addAll(periodMonths);
    // One replay of every month serves both the period's marts and payroll_history: an
    // agent-month's pay depends only on its own month.
    // Without chats, what only chats credit (refunds, silent sales, ratings, categories, hours)
    // and what an export leaves unstated on some day reads 需聊天记录, never 0 (PayGaps).
    Payroll.Replay history = Payroll.replay(config, PayInputs.build(config, facts,
        List.copyOf(months), in.exports().isEmpty() ? PayGaps.NONE : in.exports().payGaps()),
        in.words());
    PayMarts pay = Payroll.marts(config, history.only(periodMonths))
        .withAttributionSensitivity(!in.exports().isEmpty()
            // the exports state each agent's credit under their tool's rule only: no other
            // rule can be replayed without the receptions
            ? LocalTable.empty(AttributionSensitivity.SCHEMA)
            : AttributionSensitivity.compute(config, grid, period, agentDaily, f, facts));
    LocalTable payrollHistory = history.payrollTable();
    PAYROLL.write(in.folder(), pay.payroll());
    PAYSLIP_LINES.write(in.folder(), pay.payslipLines());
    PAY_DISTRIBUTION.write(in.folder(), pay.payDistribution());
    PAY_CHANGES.write(in.folder(), pay.payChanges());
    ATTRIBUTION_SENSITIVITY.write(in.folder(), pay.attributionSensitivity());
    PAYROLL_HISTORY.write(in.folder(), payrollHistory);
    return new Result(pay, payrollHistory, facts, f.get("sales"));
  }

  @Override
  public StageLog.Counts counts(Input in, Result r) {
    return new StageLog.Counts(r.facts().agentDays().size(), r.marts().payroll().size());
  }

  /** Every month with agent activity ('YYYY-MM'), from the first to the last. */
  static List<String> historyMonths(PayFacts facts) {
    TreeSet<LocalDate> dates = new TreeSet<>();
    facts.agentDays().forEach(d -> dates.add(d.date()));
    List<String> months = new ArrayList<>();
    if (dates.isEmpty()) {
      return months;
    }
    YearMonth last = YearMonth.from(dates.last());
    for (YearMonth m = YearMonth.from(dates.first()); !m.isAfter(last); m = m.plusMonths(1)) {
      months.add(m.toString());
    }
    return months;
  }
}
