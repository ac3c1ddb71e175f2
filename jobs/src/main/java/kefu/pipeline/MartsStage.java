package kefu.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kefu.facts.ExportFacts;
import kefu.facts.PeriodFacts;
import kefu.facts.RatingFacts;
import kefu.marts.AgentDaily;
import kefu.marts.AgentMetrics;
import kefu.marts.CategoryMetrics;
import kefu.marts.Period;
import kefu.marts.ShopMetrics;
import kefu.table.LocalTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The marts the workbook and the researchers read (kefu.marts): agent_daily and the category and
 * shop measures per period mask are aggregates of the facts query ({@link FactsStage}); the agent,
 * category and shop metrics of every reviewed period are computed from them in plain Java.
 */
final class MartsStage implements Stage<MartsStage.Input, MartsStage.Result> {

  static final Mart AGENT_DAILY = new Mart("agent_daily", AgentDaily.SCHEMA);
  static final Mart AGENT_METRICS = new Mart("agent_metrics", AgentMetrics.SCHEMA);
  static final Mart CATEGORY_METRICS = new Mart("category_metrics", CategoryMetrics.SCHEMA);
  static final Mart SHOP_METRICS = new Mart("shop_metrics", ShopMetrics.SCHEMA);
  /** Written only by a review from per-agent exports without chats. */
  static final Mart AGENT_EXPORT_METRICS = new Mart("agent_export_metrics",
      ExportFacts.METRICS);

  /**
   * @param facts this stage's aggregates from the facts query ({@link #queries})
   * @param periods the reviewed periods (ReviewPeriods)
   * @param dsrRollingDays the length of the shops' rolling DSR window, in days
   * @param exports the per-agent exports standing in for chats (ExportFacts.none() with chats)
   */
  record Input(Map<String, LocalTable> facts, List<Period> periods, int dsrRollingDays,
      OutputFolder folder, ExportFacts exports) {}

  /**
   * @param agentExportMetrics the per-agent exports' figures per agent and period, null when the
   *     review is not from exports
   */
  record Result(LocalTable agentDaily, LocalTable agentMetrics, LocalTable categoryMetrics,
      LocalTable shopMetrics, LocalTable agentExportMetrics) {}

  @Override
  public String name() {
    return "marts";
  }

  @Override
  public List<Mart> marts() {
    return List.of(AGENT_DAILY, AGENT_METRICS, CATEGORY_METRICS, SHOP_METRICS);
  }

  /** agent_daily and the period facts; the shops' DSR when ratings were given. */
  static Map<String, Dataset<Row>> queries(FactsStage.Input in) {
    DeriveStage.Result d = in.derived();
    Map<String, Dataset<Row>> queries = new LinkedHashMap<>();
    queries.put("agent_daily", AgentDaily.build(d.receptions(), d.inquiries(), d.orders(),
        d.refunds(), in.tables().ratings(), in.tables().orders()));
    queries.putAll(PeriodFacts.facts(d.orders(), d.refunds(), d.receptions(), d.inquiries(),
        in.periods()));
    // An input without ratings still has an (empty) ratings table: no DSR then, not a DSR of 0.
    if (in.tables().ratings() != null && in.tables().rows().getOrDefault("ratings", 0L) > 0) {
      queries.put(RatingFacts.FACT, RatingFacts.shopRatings(in.tables().ratings(), d.orders(),
          in.periods(), in.dsrRollingDays()));
    }
    return queries;
  }

  @Override
  public Result run(Input in) {
    Map<String, LocalTable> f = in.facts();
    // Without chats no order is credited and no reception made: the exports' agent-days are
    // the agents' figures (kefu.facts.ExportFacts says how each is placed).
    boolean fromExports = !in.exports().isEmpty();
    LocalTable agentDaily = fromExports ? in.exports().agentDaily() : f.get("agent_daily");
    Result marts = new Result(agentDaily, AgentMetrics.build(agentDaily, in.periods()),
        CategoryMetrics.build(f, in.periods()),
        ShopMetrics.build(f, in.periods(), in.dsrRollingDays()),
        fromExports ? in.exports().metrics(in.periods()) : null);
    if (fromExports) {
      AGENT_EXPORT_METRICS.write(in.folder(), marts.agentExportMetrics());
    }
    AGENT_DAILY.write(in.folder(), marts.agentDaily());
    AGENT_METRICS.write(in.folder(), marts.agentMetrics());
    CATEGORY_METRICS.write(in.folder(), marts.categoryMetrics());
    SHOP_METRICS.write(in.folder(), marts.shopMetrics());
    return marts;
  }

  @Override
  public StageLog.Counts counts(Input in, Result m) {
    return new StageLog.Counts(m.agentDaily().size(), m.agentMetrics().size()
        + m.categoryMetrics().size() + m.shopMetrics().size());
  }
}
