package kefu.sourcing;

/**
 * One row of the demand mart on the driver: a day type's hour in a shop-month. Volumes are totals
 * over the {@code days} of that day type; {@code inquiries} is the day type's inquiries allocated
 * to hours by their share of receptions (so hours add up to the day).
 */
public record HourDemand(String dayType, int hour, int days, double receptions,
    double buyerMessages, double inquiries, double ahtSeconds, Double observedConcurrency) {

  public static final String NORMAL = "normal";
  public static final String HOLIDAY = "holiday";

  /** A promotion day ('<event>:<phase>'), neither normal nor the holiday pause. */
  public boolean isEventDay() {
    return isEvent(dayType);
  }

  public static boolean isEvent(String dayType) {
    return !NORMAL.equals(dayType) && !HOLIDAY.equals(dayType);
  }

  public double arrivalsPerHour() {
    return days == 0 ? 0 : receptions / days;
  }

  HourDemand scaled(double factor) {
    return new HourDemand(dayType, hour, days, receptions * factor, buyerMessages * factor,
        inquiries * factor, ahtSeconds, observedConcurrency);
  }
}
