package kefu.pay;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import kefu.spark.Ddl;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * pay_changes: per agent and non-current scheme, total net pay over the months the agent was paid
 * under both that scheme and the current one, against the current scheme: change in money and
 * %, and outcome winner / loser / unchanged (|change| below unchanged_band x current pay).
 */
public final class PayChanges {
  private PayChanges() {}

  public static final StructType SCHEMA = Ddl.schema("shop_id STRING, agent_id STRING, "
      + "scheme_id STRING, scheme_name STRING, current_scheme_id STRING, employment STRING, "
      + "sourcing STRING, role STRING, months_compared BIGINT, net_pay_total DECIMAL(14,2), "
      + "current_net_pay_total DECIMAL(14,2), change_amount DECIMAL(14,2), change_pct DOUBLE, "
      + "outcome STRING");

  private static final class Totals {
    PayrollRow first;
    final TreeSet<String> months = new TreeSet<>();
    BigDecimal pay = BigDecimal.ZERO;
    BigDecimal current = BigDecimal.ZERO;
  }

  static LocalTable compute(PayConfig config, List<PayrollRow> payroll) {
    String current = config.currentScheme().schemeId();
    Map<String, BigDecimal> currentPay = new HashMap<>();
    for (PayrollRow p : payroll) {
      if (p.schemeId().equals(current)) {
        currentPay.put(p.agentMonth().key(), p.netPay());
      }
    }
    // Sorted by scheme, shop and agent, as the mart is listed.
    Map<List<String>, Totals> totals = new TreeMap<>((a, b) -> String.join("\u0000", a)
        .compareTo(String.join("\u0000", b)));
    for (PayrollRow p : payroll) {
      BigDecimal now = currentPay.get(p.agentMonth().key());
      if (p.schemeId().equals(current) || now == null) {
        continue;
      }
      Totals t = totals.computeIfAbsent(List.of(p.schemeId(), p.shopId(), p.agentId()),
          k -> new Totals());
      t.first = t.first == null ? p : t.first;
      t.months.add(p.month());
      t.pay = t.pay.add(p.netPay());
      t.current = t.current.add(now);
    }
    BigDecimal unchanged = config.unchangedBand();
    List<Row> rows = new java.util.ArrayList<>();
    for (Totals t : totals.values()) {
      BigDecimal pay = Money.fen(t.pay);
      BigDecimal now = Money.fen(t.current);
      BigDecimal change = Money.fen(pay.subtract(now));
      BigDecimal band = now.abs().multiply(unchanged);
      String outcome = change.compareTo(band) > 0 ? "winner"
          : change.compareTo(band.negate()) < 0 ? "loser" : "unchanged";
      AgentMonth m = t.first.agentMonth();
      rows.add(LocalTable.row(SCHEMA, m.shopId(), m.agentId(), t.first.schemeId(),
          t.first.scheme().name(), current, m.roster().employment(), m.roster().sourcing(),
          m.roster().role(), (long) t.months.size(), pay, now, change,
          now.signum() > 0 ? change.doubleValue() / now.doubleValue() : null, outcome));
    }
    return new LocalTable(SCHEMA, rows);
  }
}
