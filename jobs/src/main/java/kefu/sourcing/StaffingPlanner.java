package kefu.sourcing;

import java.util.ArrayList;
import java.util.List;

/** Erlang C per demand hour and the month's FTE; pure Java, runs on the driver. */
public final class StaffingPlanner {
  private StaffingPlanner() {}

  public static MonthPlan plan(ShopMonth month, SourcingConfig config) {
    StaffingParameters p = config.staffing();
    List<HourPlan> hours = new ArrayList<>();
    double agentHours = 0;
    double coreHours = 0;
    int peak = 0;
    for (HourDemand d : month.hours()) {
      HourPlan h = planHour(d, config);
      hours.add(h);
      agentHours += h.agentHours();
      if (HourDemand.NORMAL.equals(d.dayType()) && !h.night()) {
        coreHours += h.agentHours();
      }
      peak = Math.max(peak, h.requiredAgents());
    }
    // a partial month's agent-hours cover only its days: so does one FTE's productive time
    double perFte = p.productiveHoursPerFte() * month.monthShare();
    double fteRequired = agentHours / perFte;
    double fte = Math.max(p.minimumAgents(), fteRequired);
    double coreFte = coreHours / perFte;
    return new MonthPlan(month, hours, agentHours, agentHours / p.shiftHours(), fteRequired, fte,
        ceil(fte), peak, coreHours, coreFte, Math.max(p.minimumAgents(), ceil(coreFte)));
  }

  static HourPlan planHour(HourDemand d, SourcingConfig config) {
    StaffingParameters p = config.staffing();
    boolean covered = p.isCovered(d.hour());
    boolean night = p.isNight(d.hour());
    double factor = config.planningFactor(d.observedConcurrency());
    double aht = d.ahtSeconds() / factor;
    double arrivals = d.arrivalsPerHour();
    double traffic = ErlangC.traffic(arrivals, 3600, aht);
    if (!covered) {
      return new HourPlan(d, false, night, factor, aht, traffic, 0, 0, 0);
    }
    int agents = ErlangC.requiredAgents(arrivals, 3600, d.ahtSeconds(), factor,
        p.serviceLevelTarget(), p.serviceLevelSeconds(), p.maxOccupancy(),
        p.minimumAgentsPerCoveredHour());
    double sl = agents == 0 ? (arrivals > 0 ? 0 : 1)
        : ErlangC.serviceLevel(agents, traffic, Math.max(aht, 1e-9), p.serviceLevelSeconds());
    return new HourPlan(d, true, night, factor, aht, traffic, agents, sl,
        ErlangC.occupancy(agents, traffic));
  }

  private static int ceil(double v) {
    return (int) Math.ceil(v - 1e-9);
  }
}
