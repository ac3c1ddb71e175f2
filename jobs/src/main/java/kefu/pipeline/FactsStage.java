package kefu.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kefu.derive.DeriveRules;
import kefu.ingest.IngestedTables;
import kefu.marts.Period;
import kefu.spark.FactQuery;
import kefu.table.LocalTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The last Spark work of a review: every aggregate the later stages compute from (marts, pay,
 * seasonal, sourcing) collected in ONE query. Each of those stages declares its own aggregates
 * ({@code queries}) and reads them back by the same names; it runs in plain Java. A query costs
 * about a CPU-second of planning and job start whatever its size, so four stages cost one.
 */
final class FactsStage implements Stage<FactsStage.Input, FactsStage.Facts> {

  /**
   * What the aggregates are computed from.
   *
   * @param period the reviewed period
   * @param periods the reviewed period and its comparisons (ReviewPeriods)
   * @param dsrRollingDays the length of the shops' rolling DSR window, in days
   */
  record Input(IngestedTables tables, DeriveStage.Result derived, DeriveRules rules,
      Period period, List<Period> periods, int dsrRollingDays) {}

  /** The collected aggregates, by stage and then by the name the stage gave each. */
  record Facts(Map<String, Map<String, LocalTable>> byStage) {
    Map<String, LocalTable> of(String stage) {
      return byStage.getOrDefault(stage, Map.of());
    }

    long rows() {
      return byStage.values().stream().flatMap(m -> m.values().stream())
          .mapToLong(LocalTable::size).sum();
    }
  }

  private static final String SEPARATOR = "/";

  @Override
  public String name() {
    return "facts";
  }

  @Override
  public List<Mart> marts() {
    return List.of();
  }

  @Override
  public Facts run(Input in) {
    Map<String, Map<String, Dataset<Row>>> byStage = new LinkedHashMap<>();
    byStage.put("marts", MartsStage.queries(in));
    byStage.put("pay", PayStage.queries(in));
    byStage.put("seasonal", SeasonalStage.queries(in));
    byStage.put("sourcing", SourcingStage.queries(in));
    Map<String, Dataset<Row>> all = new LinkedHashMap<>();
    byStage.forEach((stage, queries) ->
        queries.forEach((name, query) -> all.put(stage + SEPARATOR + name, query)));
    Map<String, LocalTable> collected = FactQuery.collect(all);
    Map<String, Map<String, LocalTable>> out = new LinkedHashMap<>();
    byStage.forEach((stage, queries) -> {
      Map<String, LocalTable> facts = new LinkedHashMap<>();
      queries.keySet().forEach(name -> facts.put(name, collected.get(stage + SEPARATOR + name)));
      out.put(stage, facts);
    });
    return new Facts(out);
  }

  @Override
  public StageLog.Counts counts(Input in, Facts r) {
    return new StageLog.Counts(in.derived().rows().total(), r.rows());
  }
}
