package kefu.marts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kefu.spark.FactQuery;
import kefu.facts.PeriodFacts;
import kefu.facts.RatingFacts;
import kefu.table.LocalTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The four marts of derived tables as a review computes them: one fact query, then Java. */
public record PeriodMarts(LocalTable agentDaily, LocalTable agentMetrics,
    LocalTable categoryMetrics, LocalTable shopMetrics) {

  /** The shops' rolling DSR window, as a review has it (the DuckDB baseline compares). */
  public static final int DSR_ROLLING_DAYS = RatingFacts.DEFAULT_ROLLING_DAYS;

  /** Any of refunds, receptions, inquiries and ratings may be null. */
  public static PeriodMarts of(Dataset<Row> receptions, Dataset<Row> inquiries,
      Dataset<Row> attributedOrders, Dataset<Row> attributedRefunds, Dataset<Row> ratings,
      Dataset<Row> orders, List<Period> periods) {
    Map<String, Dataset<Row>> queries = new LinkedHashMap<>();
    queries.put("agent_daily", AgentDaily.build(receptions, inquiries, attributedOrders,
        attributedRefunds, ratings, orders));
    queries.putAll(PeriodFacts.facts(attributedOrders, attributedRefunds, receptions, inquiries,
        periods));
    if (ratings != null) {
      queries.put(RatingFacts.FACT, RatingFacts.shopRatings(ratings, attributedOrders, periods,
          DSR_ROLLING_DAYS));
    }
    Map<String, LocalTable> f = FactQuery.collect(queries);
    return new PeriodMarts(f.get("agent_daily"), AgentMetrics.build(f.get("agent_daily"),
        periods), CategoryMetrics.build(f, periods),
        ShopMetrics.build(f, periods, DSR_ROLLING_DAYS));
  }
}
