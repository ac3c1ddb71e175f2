package kefu.sourcing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who serves each demand hour under the hybrid option. The in-house core works the normal-day
 * roster: in a covered daytime hour (covered, not night) it has the agents the normal days need
 * at that hour on duty, on every day type (at least the per-hour minimum). It serves the whole
 * hour on normal days (it was sized for them) and, on event and holiday days, as many arrivals
 * as those agents take at the service level ({@link ErlangC#maxArrivals}); the excess goes to
 * the outsourcer. Night hours and hours outside the covered range go wholly to the outsourcer.
 * So every inquiry is served by exactly one of the two.
 */
public final class HybridSplit {
  private HybridSplit() {}

  /** One demand hour: the share of its volume the core serves (0–1). */
  public record Hour(HourPlan plan, double inHouseShare) {
    public double inHouseInquiries() {
      return plan.demand().inquiries() * inHouseShare;
    }

    public double outsourcedInquiries() {
      return plan.demand().inquiries() - inHouseInquiries();
    }

    public double outsourcedReceptions() {
      return plan.demand().receptions() * (1 - inHouseShare);
    }
  }

  public static List<Hour> split(MonthPlan plan, SourcingConfig config) {
    StaffingParameters p = config.staffing();
    Map<Integer, Integer> roster = new HashMap<>();
    for (HourPlan h : plan.hours()) {
      if (HourDemand.NORMAL.equals(h.demand().dayType()) && h.demand().days() > 0) {
        roster.put(h.demand().hour(), h.requiredAgents());
      }
    }
    List<Hour> out = new ArrayList<>();
    for (HourPlan h : plan.hours()) {
      out.add(new Hour(h, inHouseShare(h, roster, p)));
    }
    return out;
  }

  private static double inHouseShare(HourPlan h, Map<Integer, Integer> roster,
      StaffingParameters p) {
    HourDemand d = h.demand();
    if (!h.covered() || h.night()) {
      return 0;
    }
    if (HourDemand.NORMAL.equals(d.dayType()) || d.arrivalsPerHour() <= 0) {
      return 1;
    }
    int onDuty = Math.max(p.minimumAgentsPerCoveredHour(),
        roster.getOrDefault(d.hour(), 0));
    double capacity = ErlangC.maxArrivals(onDuty, 3600, d.ahtSeconds(), h.concurrencyFactor(),
        p.serviceLevelTarget(), p.serviceLevelSeconds(), p.maxOccupancy());
    return Math.min(1, capacity / d.arrivalsPerHour());
  }
}
