package kefu.pay;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One agent-month paid by the replay, with everything a component reads: roster attributes, the
 * days employed, the month's activity and KPI sums, credited money and reception hours, and the
 * local minimum wage. Roster agents are paid for the months they were employed; agents seen in
 * the data but missing from the roster are paid as full-time in-house pre-sales agents of the
 * default city tier, employed all month.
 */
public record AgentMonth(
    String shopId,
    String agentId,
    PayMonth month,
    Roster roster,
    int employedDays,
    Activity activity,
    Credit credit,
    double receptionHours,
    BigDecimal minWageMonthly) {

  /** The key of the agent-month, for maps. */
  public String key() {
    return key(shopId, agentId, month.label());
  }

  /** The key of an agent-month ('YYYY-MM'), for maps. */
  public static String key(String shopId, String agentId, String month) {
    return shopId + "\u0000" + agentId + "\u0000" + month;
  }

  public boolean isFullMonth() {
    return employedDays == month.days();
  }

  public boolean isFullTime() {
    return "full_time".equals(roster.employment());
  }

  /** A calendar month paid by the replay: 'YYYY-MM', year, quarter, season and its days. */
  public record PayMonth(String label, int year, String quarter, String season, LocalDate start,
      LocalDate end, int days) {}

  /** The roster attributes of an agent, with the defaults of agents missing from it. */
  public record Roster(String team, String sourcing, String role, String employment,
      String city, int cityTier, LocalDate hiredOn, LocalDate leftOn) {}

  /**
   * The month's agent_daily sums: active days (a day with receptions or paid orders) and the KPI
   * numerators and denominators.
   */
  public record Activity(long activeDays, long receptions, long repliedReceptions,
      long inquiryBuyers, long inquiryPaidBuyers, long paidOrders, double responseSecondsSum,
      long answeredBuyerMessages, long dsrServiceSum, long dsrServiceCount,
      long dsrDescriptionSum, long dsrDescriptionCount, long dsrLogisticsSum,
      long dsrLogisticsCount) {

    static final Activity NONE = new Activity(0, 0, 0, 0, 0, 0, 0.0, 0, 0, 0, 0, 0, 0, 0);

    /** A DSR score's sum and count by its name (dsr_service, ...). */
    long[] dsr(String score) {
      return switch (score) {
        case "dsr_service" -> new long[] {dsrServiceSum, dsrServiceCount};
        case "dsr_description" -> new long[] {dsrDescriptionSum, dsrDescriptionCount};
        case "dsr_logistics" -> new long[] {dsrLogisticsSum, dsrLogisticsCount};
        default -> throw new IllegalArgumentException("unknown DSR score " + score);
      };
    }
  }

  /**
   * Credited sales (paid in the month), refunds and return refunds (completed in the month), and
   * the category of most of the month's credited sales (null without any credited money).
   */
  public record Credit(BigDecimal sales, BigDecimal refunds, BigDecimal returnRefunds,
      String mainCategory) {

    static final Credit NONE = new Credit(BigDecimal.ZERO.setScale(2),
        BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), null);
  }
}
