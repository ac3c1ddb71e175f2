package kefu.derive;

/**
 * The configurable windows and switches of the derive layer (domain brief Part 1 "Derived facts").
 *
 * @param sessionGapMinutes silence longer than this (strictly) starts a new reception (30)
 * @param botRepliesCount whether a bot message answers a buyer message like an agent reply (false)
 * @param inquiryLookbackDays a reception is after-sales when the buyer created an order in the shop
 *     in this many days before it (7)
 * @param attributionWindowDays an order is credited to the last agent reception on the event's
 *     business day or up to this many days before (1 = same day or the day before)
 * @param judgment whose credit makes the sale: the payment agent (default) or the order agent
 */
public record DeriveRules(
    int sessionGapMinutes,
    boolean botRepliesCount,
    int inquiryLookbackDays,
    int attributionWindowDays,
    Judgment judgment) {

  public DeriveRules {
    if (sessionGapMinutes <= 0) {
      throw new IllegalArgumentException("sessionGapMinutes must be > 0: " + sessionGapMinutes);
    }
    if (inquiryLookbackDays < 0 || attributionWindowDays < 0) {
      throw new IllegalArgumentException("day windows must be >= 0");
    }
    if (judgment == null) {
      throw new IllegalArgumentException("judgment is required");
    }
  }

  public static DeriveRules defaults() {
    return new DeriveRules(30, false, 7, 1, Judgment.PAYMENT);
  }

  public DeriveRules withJudgment(Judgment j) {
    return new DeriveRules(sessionGapMinutes, botRepliesCount, inquiryLookbackDays,
        attributionWindowDays, j);
  }

  public DeriveRules withBotRepliesCount(boolean count) {
    return new DeriveRules(sessionGapMinutes, count, inquiryLookbackDays, attributionWindowDays,
        judgment);
  }
}
