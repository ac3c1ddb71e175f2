package kefu.sourcing;

import java.util.ArrayList;
import java.util.List;
import kefu.spark.Ddl;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The staffing marts. Erlang C over the demand mart: at most 12 months × ~10 day types × 24
 * hours per shop, a few thousand small loops.
 *
 * <p>{@code sourcing_staffing_hourly} (shop_id, month, day_type, hour): days, is_covered,
 * is_night, arrivals_per_hour, aht_seconds, concurrency_factor, effective_aht_seconds,
 * traffic_erlangs, required_agents, expected_service_level, occupancy, agent_hours.
 *
 * <p>{@code sourcing_staffing_monthly} (shop_id, month): days, receptions, inquiries,
 * agent_hours, shifts, fte_required, fte (never below minimum_agents), headcount, peak_agents,
 * core_agent_hours, core_fte, core_headcount (hybrid's in-house team: normal days, covered
 * daytime), covered_days, days_in_month (a partial month's FTE is over its covered days).
 */
public final class Staffing {
  private Staffing() {}

  public record Marts(LocalTable hourly, LocalTable monthly) {}

  public static final StructType HOURLY = Ddl.schema("shop_id STRING, month STRING, "
      + "day_type STRING, hour INT, days INT, is_covered BOOLEAN, is_night BOOLEAN, "
      + "arrivals_per_hour DOUBLE, aht_seconds DOUBLE, concurrency_factor DOUBLE, "
      + "effective_aht_seconds DOUBLE, traffic_erlangs DOUBLE, required_agents INT, "
      + "expected_service_level DOUBLE, occupancy DOUBLE, agent_hours DOUBLE, "
      + "hybrid_in_house_share DOUBLE");
  public static final StructType MONTHLY = Ddl.schema("shop_id STRING, month STRING, "
      + "days INT, receptions DOUBLE, inquiries DOUBLE, agent_hours DOUBLE, shifts DOUBLE, "
      + "fte_required DOUBLE, fte DOUBLE, headcount INT, peak_agents INT, "
      + "core_agent_hours DOUBLE, core_fte DOUBLE, core_headcount INT, covered_days INT, "
      + "days_in_month INT");

  public static List<MonthPlan> plans(List<ShopMonth> months, SourcingConfig config) {
    return months.stream().map(m -> StaffingPlanner.plan(m, config)).toList();
  }

  /** Without the config the hybrid split is unknown: hybrid_in_house_share is null. */
  public static Marts build(List<MonthPlan> plans) {
    return build(plans, null);
  }

  public static Marts build(List<MonthPlan> plans, SourcingConfig config) {
    List<Row> hourly = new ArrayList<>();
    List<Row> monthly = new ArrayList<>();
    for (MonthPlan p : plans) {
      ShopMonth m = p.month();
      List<HybridSplit.Hour> splits = config == null
          ? p.hours().stream().map(h -> new HybridSplit.Hour(h, Double.NaN)).toList()
          : HybridSplit.split(p, config);
      for (HybridSplit.Hour split : splits) {
        HourPlan h = split.plan();
        HourDemand d = h.demand();
        hourly.add(LocalTable.row(HOURLY, m.shopId(), m.month(), d.dayType(), d.hour(), d.days(),
            h.covered(), h.night(), d.arrivalsPerHour(), d.ahtSeconds(), h.concurrencyFactor(),
            h.effectiveAhtSeconds(), h.trafficErlangs(), h.requiredAgents(),
            h.expectedServiceLevel(), h.occupancy(), h.agentHours(),
            Double.isNaN(split.inHouseShare()) ? null : split.inHouseShare()));
      }
      monthly.add(LocalTable.row(MONTHLY, m.shopId(), m.month(), m.observedDays(), m.receptions(),
          m.inquiries(), p.agentHours(), p.shifts(), p.fteRequired(), p.fte(), p.headcount(),
          p.peakAgents(), p.coreAgentHours(), p.coreFte(), p.coreHeadcount(), m.coveredDays(),
          m.daysInMonth()));
    }
    return new Marts(new LocalTable(HOURLY, hourly), new LocalTable(MONTHLY, monthly));
  }
}
