package kefu.pay;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kefu.derive.AttributionRule;
import kefu.derive.Receptions;
import kefu.marts.Period;
import kefu.pay.PayFacts.AgentDay;
import kefu.spark.Ddl;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * How much the attribution rule moves each agent's conversion and pay: the reviewed period's
 * orders re-attributed under 付款判定 / 下单判定 × window 0 / 1 / 3 days (plus the run's own rule
 * when it is not in that grid; kefu.facts.RuleCredit), and each agent paid under the current
 * scheme from those credits. Receptions, inquiries, ratings and the roster are the run's; only
 * the credit measures of the agents' days (paid orders, inquiry paid buyers), the credited money
 * and the current scheme's payroll change per rule.
 *
 * <p>Grain: {@code shop_id}, {@code agent_id}, {@code period}, {@code rule_id}. Columns:
 * {@code judgment}, {@code window_days}, {@code is_configured_rule}; conversion
 * {@code inquiry_buyers}, {@code inquiry_paid_buyers} (buyers who inquired on d and paid an order
 * created on d..d+window_days), {@code inquiry_credited_paid_buyers} (of those, the paid order is
 * credited to this agent under the rule); credit {@code paid_orders}, {@code sales_gross} (paid in
 * the period), {@code refund_amount} (completed in it), as agent_metrics counts them; pay
 * {@code scheme_id} (the current scheme), {@code months_paid}, {@code net_pay}; the rates
 * {@code inquiry_conversion}, {@code credited_conversion}; against the configured rule
 * {@code configured_net_pay}, {@code configured_sales_gross},
 * {@code configured_inquiry_conversion}, {@code net_pay_change}, {@code net_pay_change_pct},
 * {@code sales_gross_change}, {@code inquiry_conversion_change}. Money decimal(14,2); rates
 * doubles, null on a 0 denominator.
 *
 * <p>The rule's window is also used as the inquiry conversion window (当日 / 次日 / +3 日), so the
 * run's configured rule reproduces the agent_metrics conversion only when its window is
 * {@link kefu.derive.Inquiries#CONVERSION_DAYS}. DSR scores keep the run's credit.
 */
public final class AttributionSensitivity {
  private AttributionSensitivity() {}

  public static final StructType SCHEMA = Ddl.schema("shop_id STRING, agent_id STRING, "
      + "period STRING, rule_id STRING, judgment STRING, window_days INT, "
      + "is_configured_rule BOOLEAN, inquiry_buyers BIGINT, inquiry_paid_buyers BIGINT, "
      + "inquiry_credited_paid_buyers BIGINT, paid_orders BIGINT, sales_gross DECIMAL(14,2), "
      + "refund_amount DECIMAL(14,2), scheme_id STRING, months_paid BIGINT, "
      + "net_pay DECIMAL(14,2), inquiry_conversion DOUBLE, credited_conversion DOUBLE, "
      + "configured_net_pay DECIMAL(14,2), configured_sales_gross DECIMAL(14,2), "
      + "configured_inquiry_conversion DOUBLE, net_pay_change DECIMAL(14,2), "
      + "net_pay_change_pct DOUBLE, sales_gross_change DECIMAL(14,2), "
      + "inquiry_conversion_change DOUBLE");

  /** One agent's figures under one rule. */
  private static final class Totals {
    long inquiryBuyers;
    long inquiryPaidBuyers;
    long creditedPaidBuyers;
    long paidOrders;
    BigDecimal sales = BigDecimal.ZERO;
    BigDecimal refunds = BigDecimal.ZERO;
    long monthsPaid;
    BigDecimal netPay = BigDecimal.ZERO;

    Double conversion() {
      return inquiryBuyers > 0 ? (double) inquiryPaidBuyers / inquiryBuyers : null;
    }
  }

  /**
   * @param agentDaily the run's agent_daily mart
   * @param ruleFacts the facts of kefu.facts.RuleCredit, by name
   * @param facts the run's pay facts (reception hours and roster are read)
   */
  public static LocalTable compute(PayConfig config, List<AttributionRule> grid, Period period,
      LocalTable agentDaily, Map<String, LocalTable> ruleFacts, PayFacts facts) {
    PayConfig current = config.onlyScheme(config.currentScheme().schemeId());
    List<String> months = period.months().stream().map(Period::label).toList();
    Map<List<String>, AgentDay> kept = new LinkedHashMap<>();
    for (AgentDay d : PayFacts.agentDays(agentDaily)) {
      if (period.contains(d.date()) && Receptions.isPerson(d.agentId())) {
        kept.put(List.of(d.shopId(), d.agentId(), d.date().toString()), d);
      }
    }
    Map<String, Map<String, Totals>> byRule = new LinkedHashMap<>();
    for (int i = 0; i < grid.size(); i++) {
      AttributionRule rule = grid.get(i);
      byRule.put(rule.ruleId(), totals(current, months, period, kept, ruleFacts, facts, rule, i));
    }
    Map<String, Totals> configured = byRule.get(grid.stream()
        .filter(AttributionRule::isConfigured).findFirst().orElseThrow().ruleId());
    String scheme = current.currentScheme().schemeId();
    List<Row> rows = new ArrayList<>();
    for (AttributionRule rule : grid) {
      byRule.get(rule.ruleId()).forEach((agent, t) -> {
        String[] id = agent.split("\u0000");
        Totals base = configured.get(agent);
        BigDecimal netPay = Money.fen(t.netPay);
        BigDecimal sales = Money.fen(t.sales);
        BigDecimal baseNet = base == null ? Money.ZERO : Money.fen(base.netPay);
        BigDecimal baseSales = base == null ? Money.ZERO : Money.fen(base.sales);
        Double conversion = t.conversion();
        Double baseConversion = base == null ? null : base.conversion();
        BigDecimal netChange = netPay.subtract(baseNet);
        rows.add(LocalTable.row(SCHEMA, id[0], id[1], period.label(), rule.ruleId(),
            rule.judgment().name(), rule.windowDays(), rule.isConfigured(), t.inquiryBuyers,
            t.inquiryPaidBuyers, t.creditedPaidBuyers, t.paidOrders, sales,
            Money.fen(t.refunds), scheme, t.monthsPaid, netPay, conversion,
            t.inquiryBuyers > 0 ? (double) t.creditedPaidBuyers / t.inquiryBuyers : null,
            baseNet, baseSales, baseConversion, netChange,
            baseNet.signum() != 0 ? netChange.doubleValue() / baseNet.doubleValue() : null,
            sales.subtract(baseSales),
            conversion == null || baseConversion == null ? null : conversion - baseConversion));
      });
    }
    return new LocalTable(SCHEMA, rows).sorted("shop_id", "agent_id", "rule_id");
  }

  /** One rule's figures per agent ("shop\0agent"), sorted. */
  private static Map<String, Totals> totals(PayConfig current, List<String> months,
      Period period, Map<List<String>, AgentDay> kept, Map<String, LocalTable> ruleFacts,
      PayFacts facts, AttributionRule rule, int index) {
    Map<String, Totals> totals = new TreeMap<>();
    Map<List<String>, long[]> credit = new LinkedHashMap<>(); // paid orders, inquiry paid buyers
    kept.keySet().forEach(k -> credit.put(k, new long[2]));
    for (Row r : ofRule(ruleFacts.get("rule_paid_days"), rule).rows()) {
      LocalDate date = ((java.sql.Date) r.getAs("business_date")).toLocalDate();
      String agent = r.getAs("agent_id");
      if (period.contains(date) && Receptions.isPerson(agent)) {
        String shop = r.getAs("shop_id");
        credit.computeIfAbsent(List.of(shop, agent, date.toString()), k -> new long[2])[0] +=
            (long) r.getAs("paid_orders");
        Totals t = totals.computeIfAbsent(shop + "\u0000" + agent, k -> new Totals());
        t.paidOrders += (long) r.getAs("paid_orders");
        t.sales = t.sales.add(r.getAs("sales_gross"));
      }
    }
    for (Row r : ofRule(ruleFacts.get("rule_refund_days"), rule).rows()) {
      LocalDate date = ((java.sql.Date) r.getAs("business_date")).toLocalDate();
      String agent = r.getAs("agent_id");
      if (period.contains(date) && Receptions.isPerson(agent)) {
        String shop = r.getAs("shop_id");
        credit.computeIfAbsent(List.of(shop, agent, date.toString()), k -> new long[2]);
        Totals t = totals.computeIfAbsent(shop + "\u0000" + agent, k -> new Totals());
        t.refunds = t.refunds.add(r.getAs("refund_amount"));
      }
    }
    for (Row r : ruleFacts.get("rule_conversion").rows()) {
      String shop = r.getAs("shop_id");
      String agent = r.getAs("agent_id");
      String date = r.getAs("business_date").toString();
      long paid = r.getAs("paid_buyers_" + index);
      credit.computeIfAbsent(List.of(shop, agent, date), k -> new long[2])[1] += paid;
      Totals t = totals.computeIfAbsent(shop + "\u0000" + agent, k -> new Totals());
      t.inquiryBuyers += (long) r.getAs("inquiry_buyers");
      t.inquiryPaidBuyers += paid;
      t.creditedPaidBuyers += (long) r.getAs("credited_paid_buyers_" + index);
    }
    List<AgentDay> days = new ArrayList<>(credit.size());
    credit.forEach((k, c) -> {
      AgentDay base = kept.get(k);
      if (base == null) {
        base = new AgentDay(k.get(0), k.get(1), LocalDate.parse(k.get(2)), 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0);
      } else {
        totals.computeIfAbsent(k.get(0) + "\u0000" + k.get(1), x -> new Totals());
      }
      days.add(base.withCredit(c[0], c[1]));
    });
    PayFacts ruleFactsForPay = new PayFacts(days,
        PayFacts.categoryMonths(ofRule(ruleFacts.get("rule_sales"), rule),
            ofRule(ruleFacts.get("rule_refunds"), rule)),
        PayFacts.silentMonths(ofRule(ruleFacts.get("rule_silent"), rule)),
        facts.receptionHours(), facts.roster());
    // only the pay is read: the payslip notes' language does not matter here
    for (PayrollRow p : Payroll.replay(current,
        PayInputs.build(current, ruleFactsForPay, months), PayslipWords.chinese()).payroll()) {
      Totals t = totals.computeIfAbsent(p.shopId() + "\u0000" + p.agentId(), k -> new Totals());
      t.monthsPaid++;
      t.netPay = t.netPay.add(p.netPay());
    }
    return totals;
  }

  /** The rows of one rule. */
  private static LocalTable ofRule(LocalTable table, AttributionRule rule) {
    return table.filter(r -> rule.ruleId().equals(r.getAs("rule_id")));
  }
}
