package kefu.derive;

/**
 * Which credit decides whose sale an order is (domain brief Part 2 §1.3): 付款判定 ({@link #PAYMENT},
 * the agent who last received the buyer before payment) or 下单判定 ({@link #ORDER}, before creation).
 */
public enum Judgment {
  PAYMENT,
  ORDER
}
