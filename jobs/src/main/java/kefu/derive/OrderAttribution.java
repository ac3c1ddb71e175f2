package kefu.derive;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Order attribution (落实下单 / 落实付款): each order is credited to at most one agent.
 *
 * <p>An agent "received" the buyer at the start of the agent's part of a reception (its first
 * reply). For an event (creation, payment) the candidate receptions are those of the same shop and
 * buyer whose agent part started at or before the event and on the event's business day or up to
 * {@code attributionWindowDays} days before; the last one wins (ties: the greater agent id).
 *
 * <p>Adds to every order row (all lines of an order get the same values): {@code created_date},
 * {@code paid_date}, {@code order_agent_id} (last agent before creation), {@code payment_agent_id}
 * (last agent before payment; null when unpaid), {@code credited_agent_id} (payment agent under
 * {@link Judgment#PAYMENT}, so an unpaid order has none; order agent under {@link Judgment#ORDER}),
 * {@code is_silent} (no agent reception in the judgment's window: before payment for a paid order
 * under PAYMENT, before creation otherwise).
 */
public final class OrderAttribution {
  private OrderAttribution() {}

  public static Dataset<Row> attribute(
      Dataset<Row> orders, Dataset<Row> receptions, DeriveRules rules) {
    return credit(withWindowAgents(orders, receptions, rules.attributionWindowDays()), rules);
  }

  /**
   * The orders with, for each of {@code windows}, the last agent before creation and before
   * payment ({@link #orderAgent}, {@link #paymentAgent} name the columns). One join of the order
   * heads with the buyer's touches, at the widest window, serves every window: the attribution
   * sensitivity mart re-attributes the same orders under several.
   */
  public static Dataset<Row> withWindowAgents(
      Dataset<Row> orders, Dataset<Row> receptions, int... windows) {
    Dataset<Row> touches = receptions
        .filter(col("agent_id").isNotNull())
        .select(col("shop_id").as("t_shop_id"), col("buyer_key").as("t_buyer_key"),
            col("agent_id").as("t_agent_id"),
            coalesce(col("agent_started_at"), col("started_at")).as("t_at"))
        .withColumn("t_date", to_date(col("t_at")));

    // one head per order: the join and the pick run at order grain, not line grain
    Dataset<Row> heads = orders
        .groupBy(col("order_id").as("h_order_id"))
        .agg(first(col("shop_id"), true).as("h_shop_id"),
            first(col("buyer_key"), true).as("h_buyer_key"),
            min("created_at").as("h_created_at"), min("paid_at").as("h_paid_at"));

    Dataset<Row> agents = lastAgents(heads, touches, windows);
    List<Column> out = new ArrayList<>();
    for (String c : orders.columns()) {
      out.add(orders.col(c));
    }
    for (String c : agents.columns()) {
      if (!c.equals("agents_order_id")) {
        out.add(col(c));
      }
    }
    return orders
        .join(agents, orders.col("order_id").equalTo(col("agents_order_id")), "left")
        .select(out.toArray(new Column[0]));
  }

  /**
   * The attribution under {@code rules} of orders from {@link #withWindowAgents} (which must
   * include the rules' window): the orders' own columns plus those the class comment lists.
   */
  public static Dataset<Row> credit(Dataset<Row> windowed, DeriveRules rules) {
    int w = rules.attributionWindowDays();
    Column orderAgent = col(orderAgent(w));
    Column paymentAgent = col(paymentAgent(w));
    Column credited = creditedAgent(rules);
    Column silent = isSilent(rules);

    List<Column> out = new ArrayList<>();
    for (String c : windowed.columns()) {
      if (!WINDOW_COLUMN.matcher(c).matches()) {
        out.add(col(c));
      }
    }
    out.add(to_date(col("created_at")).as("created_date"));
    out.add(to_date(col("paid_at")).as("paid_date"));
    out.add(orderAgent.as("order_agent_id"));
    out.add(paymentAgent.as("payment_agent_id"));
    out.add(credited.as("credited_agent_id"));
    out.add(silent.as("is_silent"));
    return windowed.select(out.toArray(new Column[0]));
  }

  /** The agent {@code rules} credit an order of {@link #withWindowAgents} to (null: silent). */
  public static Column creditedAgent(DeriveRules rules) {
    int w = rules.attributionWindowDays();
    return col(rules.judgment() == Judgment.PAYMENT ? paymentAgent(w) : orderAgent(w));
  }

  /**
   * Whether {@code rules} credit an order of {@link #withWindowAgents} to nobody (静默): no agent
   * before payment for a paid order under PAYMENT judgment, else no agent before creation.
   */
  public static Column isSilent(DeriveRules rules) {
    int w = rules.attributionWindowDays();
    Column orderAgent = col(orderAgent(w));
    return rules.judgment() == Judgment.PAYMENT
        ? when(col("paid_at").isNotNull(), col(paymentAgent(w)).isNull())
            .otherwise(orderAgent.isNull())
        : orderAgent.isNull();
  }

  /** The column of the last agent before creation within the window. */
  private static String orderAgent(int windowDays) {
    return "order_agent_id_w" + windowDays;
  }

  /** The column of the last agent before payment within the window. */
  private static String paymentAgent(int windowDays) {
    return "payment_agent_id_w" + windowDays;
  }

  private static final Pattern WINDOW_COLUMN =
      Pattern.compile("(order|payment)_agent_id_w\\d+");

  /**
   * (agents_order_id, then per window its order and payment agent): the last agent who received
   * the buyer within the window before the order's creation, and before its payment.
   */
  private static Dataset<Row> lastAgents(Dataset<Row> heads, Dataset<Row> touches,
      int... windows) {
    int widest = Arrays.stream(windows).max().orElseThrow();
    // equi-join on shop and buyer, time bounds as a filter: a sort-merge join, never a cartesian
    Column sameBuyer = col("h_shop_id").equalTo(col("t_shop_id"))
        .and(col("h_buyer_key").equalTo(col("t_buyer_key")));
    Column withinWidest = before(col("h_created_at"), widest)
        .or(before(col("h_paid_at"), widest));
    List<Column> picks = new ArrayList<>();
    for (int w : Arrays.stream(windows).distinct().toArray()) {
      picks.add(lastAgent(before(col("h_created_at"), w)).as(orderAgent(w)));
      picks.add(lastAgent(before(col("h_paid_at"), w)).as(paymentAgent(w)));
    }
    return heads
        .join(touches, sameBuyer.and(withinWidest), "inner")
        .groupBy(col("h_order_id").as("agents_order_id"))
        .agg(picks.get(0), picks.subList(1, picks.size()).toArray(new Column[0]));
  }

  /** The touch is at or before the event, on its business day or up to the window before. */
  private static Column before(Column event, int windowDays) {
    return col("t_at").leq(event).and(col("t_date").geq(date_sub(to_date(event), windowDays)));
  }

  /** The latest touch's agent among those meeting the condition (ties: the greater agent id). */
  private static Column lastAgent(Column condition) {
    // max_by skips null orderings, so touches outside the condition never win
    return max_by(when(condition, col("t_agent_id")),
        when(condition, struct(col("t_at"), col("t_agent_id"))));
  }
}
