package kefu.pay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kefu.table.LocalTable;

/**
 * Counterfactual replay: every agent's pay for every month under every scheme of the config, from
 * the same history. Plain Java over the agent-months of {@link PayInputs} (agents x months x
 * schemes: thousands of rows, milliseconds).
 */
public final class Payroll {
  private Payroll() {}

  /**
   * The replay's payroll rows and their component lines (before the guard lines), and the words
   * their notes are in, for the guard lines {@link #marts} adds. An agent-month's pay depends
   * only on that month's inputs, so one replay over many months serves every subset of them
   * ({@link #only}).
   */
  public record Replay(List<PayrollRow> payroll, List<PayslipLine> lines, PayslipWords words) {
    /** The agent-months of {@code months} only. */
    public Replay only(List<String> months) {
      Set<String> in = Set.copyOf(months);
      return new Replay(payroll.stream().filter(p -> in.contains(p.month())).toList(),
          lines.stream().filter(l -> in.contains(l.month())).toList(), words);
    }

    /** The payroll mart: one row per agent-month and scheme. */
    public LocalTable payrollTable() {
      return new LocalTable(PayrollRow.SCHEMA, payroll.stream()
          .sorted(Comparator.comparing(PayrollRow::shopId).thenComparing(PayrollRow::agentId)
              .thenComparing(PayrollRow::month).thenComparing(PayrollRow::schemeId))
          .map(PayrollRow::toRow).toList());
    }
  }

  /**
   * Every agent-month of the inputs under every scheme of {@code config}, the payslip notes in
   * {@code words}.
   */
  public static Replay replay(PayConfig config, PayInputs inputs, PayslipWords words) {
    List<PayrollRow> payroll = new ArrayList<>();
    List<PayslipLine> lines = new ArrayList<>();
    for (SchemeDef scheme : config.schemes()) {
      List<AgentMonth> eligible = inputs.agentMonths().stream()
          .filter(m -> AgentFilter.matches(scheme.appliesTo(), m)).toList();
      Map<String, List<PayslipLine>> byAgentMonth = new HashMap<>();
      for (ComponentDef def : config.componentsOf(scheme.schemeId())) {
        List<AgentMonth> applies = eligible.stream()
            .filter(m -> AgentFilter.matches(def.condition(), m)).toList();
        Map<String, AgentMonth> byKey = new HashMap<>();
        applies.forEach(m -> byKey.put(m.key(), m));
        for (PayslipLine computed : PayComponent.of(def, config, words).lines(inputs, applies,
            scheme.schemeId())) {
          // a component whose input the run lacks is not computed, never paid as 0
          AgentMonth m = byKey.get(AgentMonth.key(computed.shopId(), computed.agentId(),
              computed.month()));
          String gap = inputs.gaps().missing(def, m, config, inputs, words);
          PayslipLine l = gap == null ? computed : PayslipLine.notComputed(m,
              scheme.schemeId(), def, words.withConfigNote(def, words.format("gap", gap)));
          lines.add(l);
          byAgentMonth.computeIfAbsent(AgentMonth.key(l.shopId(), l.agentId(), l.month()),
              k -> new ArrayList<>()).add(l);
        }
      }
      for (AgentMonth m : eligible) {
        payroll.add(PayGuards.payroll(m, scheme, byAgentMonth.getOrDefault(m.key(),
            List.of())));
      }
    }
    return new Replay(payroll, lines, words);
  }

  /** The pay marts of a replay: payroll, payslip lines with the guards', distribution, changes. */
  public static PayMarts marts(PayConfig config, Replay replay) {
    List<PayslipLine> lines = new ArrayList<>(replay.lines());
    replay.payroll().forEach(p -> lines.addAll(PayGuards.guardLines(p, replay.words())));
    lines.sort(Comparator.comparing(PayslipLine::shopId).thenComparing(PayslipLine::agentId)
        .thenComparing(PayslipLine::month).thenComparing(PayslipLine::schemeId)
        .thenComparingInt(PayslipLine::componentLine));
    return new PayMarts(replay.payrollTable(),
        new LocalTable(PayslipLine.SCHEMA, lines.stream().map(PayslipLine::toRow).toList()),
        PayDistribution.compute(config, replay.payroll()),
        PayChanges.compute(config, replay.payroll()));
  }
}
