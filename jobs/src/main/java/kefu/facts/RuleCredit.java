package kefu.facts;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.bool_or;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kefu.canonical.CanonicalSchema;
import kefu.derive.AttributionRule;
import kefu.derive.DeriveRules;
import kefu.derive.OrderAttribution;
import kefu.derive.Receptions;
import kefu.marts.Period;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The reviewed period's credit under every rule of the attribution grid, as aggregates for the
 * attribution sensitivity (kefu.pay.AttributionSensitivity replays pay on them). The period's
 * orders (paid in it, created in it or up to the widest window after, or refunded in it) are
 * attributed once for every window; each rule's credit is then one exploded copy of them:
 * <ul>
 *   <li>{@code rule_paid_days} (rule_id, shop_id, agent_id, business_date, paid_orders,
 *       sales_gross): credited paid orders by paid date;
 *   <li>{@code rule_refund_days} (rule_id, shop_id, agent_id, business_date, refund_amount): the
 *       period's refunds credited to the agent the rule credits with their order;
 *   <li>{@code rule_sales}, {@code rule_refunds}, {@code rule_silent}: as {@link CreditFacts},
 *       per rule;
 *   <li>{@code rule_conversion} (shop_id, agent_id, business_date, inquiry_buyers, then per rule
 *       i of the grid paid_buyers_i and credited_paid_buyers_i): buyers who inquired on the day
 *       and paid an order created on d..d+window_i, and those whose order rule i credits to the
 *       inquired agent. One join at the widest window serves every rule.
 * </ul>
 */
public final class RuleCredit {
  private RuleCredit() {}

  /**
   * The order columns re-attribution, conversion and the credit read: every other column would
   * be copied once per rule for nothing.
   */
  private static final String[] ORDER_COLUMNS = {"order_id", "shop_id", "buyer_key",
      "category", "quantity", "amount_paid", "created_at", "paid_at"};

  public static Map<String, Dataset<Row>> facts(List<AttributionRule> grid,
      DeriveRules configured, Period period, Dataset<Row> receptions, Dataset<Row> inquiries,
      Dataset<Row> attributedOrders, Dataset<Row> attributedRefunds) {
    Column start = lit(Date.valueOf(period.start()));
    Column end = lit(Date.valueOf(period.endExclusive().minusDays(1)));
    int widest = grid.stream().mapToInt(AttributionRule::windowDays).max().orElseThrow();

    Dataset<Row> periodRefunds = attributedRefunds
        .filter(col("completed_date").between(start, end));
    Dataset<Row> refundedOrders = periodRefunds.select(col("order_id").as("refunded_order_id"))
        .filter(col("refunded_order_id").isNotNull()).distinct();
    Dataset<Row> orders = attributedOrders
        .join(refundedOrders, col("order_id").equalTo(col("refunded_order_id")), "left")
        .filter(col("paid_date").between(start, end)
            .or(col("created_date").between(start, date_add(end, widest)))
            .or(col("refunded_order_id").isNotNull()))
        .select(ORDER_COLUMNS[0], Arrays.copyOfRange(ORDER_COLUMNS, 1, ORDER_COLUMNS.length));
    // Attribution only ever pairs an order with its own buyer's receptions.
    Dataset<Row> buyers = orders.select(col("shop_id").as("b_shop_id"),
        col("buyer_key").as("b_buyer_key")).distinct();
    Dataset<Row> buyerReceptions = receptions.join(buyers, col("shop_id").equalTo(
        col("b_shop_id")).and(col("buyer_key").equalTo(col("b_buyer_key"))), "left_semi");
    Dataset<Row> windowed = OrderAttribution.withWindowAgents(orders, buyerReceptions,
        grid.stream().mapToInt(AttributionRule::windowDays).toArray());

    List<Column> perRule = new ArrayList<>();
    for (AttributionRule r : grid) {
      DeriveRules rules = r.applyTo(configured);
      perRule.add(struct(lit(r.ruleId()).as("rule_id"),
          OrderAttribution.creditedAgent(rules).as("credited_agent_id"),
          OrderAttribution.isSilent(rules).as("is_silent")));
    }
    Dataset<Row> credited = windowed
        .withColumn("credit", explode(array(perRule.toArray(Column[]::new))))
        .select(col("order_id"), col("shop_id"), col("category"), col("amount_paid"),
            col("paid_at"), to_date(col("paid_at")).as("paid_date"), col("credit.*"));
    Dataset<Row> byOrder = credited.groupBy(col("rule_id").as("c_rule_id"),
            col("order_id").as("c_order_id"))
        .agg(first(col("credited_agent_id"), true).as("c_agent_id"),
            first(col("is_silent"), true).as("c_is_silent"));
    Dataset<Row> ruleIds = periodRefunds.sparkSession().createDataFrame(
        grid.stream().map(r -> org.apache.spark.sql.RowFactory.create(r.ruleId())).toList(),
        kefu.spark.Ddl.schema("rule_id STRING"));
    Dataset<Row> refunds = periodRefunds.crossJoin(ruleIds)
        .join(byOrder, col("rule_id").equalTo(col("c_rule_id"))
            .and(col("order_id").equalTo(col("c_order_id"))), "left")
        .select(col("rule_id"), col("shop_id"), col("category"), col("refund_amount"),
            col("is_return"), col("completed_date"), col("c_agent_id").as("credited_agent_id"),
            col("c_is_silent").as("is_silent"));

    Map<String, Dataset<Row>> facts = new LinkedHashMap<>();
    facts.put("rule_paid_days", credited
        .filter(col("credited_agent_id").isNotNull().and(col("paid_at").isNotNull()))
        .groupBy(col("rule_id"), col("shop_id"), col("credited_agent_id").as("agent_id"),
            col("paid_date").as("business_date"))
        .agg(count_distinct(col("order_id")).as("paid_orders"),
            coalesce(sum("amount_paid"), lit(java.math.BigDecimal.ZERO))
                .cast(CanonicalSchema.MONEY).as("sales_gross")));
    facts.put("rule_refund_days", refunds
        .filter(col("credited_agent_id").isNotNull())
        .groupBy(col("rule_id"), col("shop_id"), col("credited_agent_id").as("agent_id"),
            col("completed_date").as("business_date"))
        .agg(coalesce(sum("refund_amount"), lit(java.math.BigDecimal.ZERO))
            .cast(CanonicalSchema.MONEY).as("refund_amount")));
    facts.put("rule_sales", CreditFacts.sales(credited, "rule_id"));
    facts.put("rule_refunds", CreditFacts.refunds(refunds, "rule_id"));
    facts.put("rule_silent", CreditFacts.silent(credited, refunds, "rule_id"));
    facts.put("rule_conversion", conversion(inquiries.filter(
        col("inquiry_date").between(start, end).and(Receptions.isPerson(col("agent_id")))),
        windowed, grid, configured));
    return facts;
  }

  /** The rule_conversion fact: one join of the inquiries with the orders at the widest window. */
  private static Dataset<Row> conversion(Dataset<Row> inquiries, Dataset<Row> windowed,
      List<AttributionRule> grid, DeriveRules configured) {
    List<Column> headColumns = new ArrayList<>(List.of(
        first(col("buyer_key"), true).as("o_buyer_key"),
        min(to_date(col("created_at"))).as("o_created_date"), min("paid_at").as("o_paid_at")));
    for (int i = 0; i < grid.size(); i++) {
      headColumns.add(first(OrderAttribution.creditedAgent(grid.get(i).applyTo(configured)),
          true).as("o_agent_" + i));
    }
    Dataset<Row> heads = windowed.groupBy(col("order_id").as("o_order_id"))
        .agg(first(col("shop_id"), true).as("o_shop_id"),
            headColumns.toArray(new Column[0]));
    int widest = grid.stream().mapToInt(AttributionRule::windowDays).max().orElseThrow();
    Column converts = col("shop_id").equalTo(col("o_shop_id"))
        .and(col("buyer_key").equalTo(col("o_buyer_key")))
        .and(col("o_created_date").between(col("inquiry_date"),
            date_add(col("inquiry_date"), widest)));
    Column lag = datediff(col("o_created_date"), col("inquiry_date"));

    List<Column> perBuyer = new ArrayList<>();
    List<Column> perDay = new ArrayList<>();
    for (int i = 0; i < grid.size(); i++) {
      Column paid = col("o_paid_at").isNotNull().and(lag.leq(grid.get(i).windowDays()));
      perBuyer.add(coalesce(bool_or(paid), lit(false)).as("paid_" + i));
      perBuyer.add(coalesce(bool_or(paid.and(col("o_agent_" + i).equalTo(col("agent_id")))),
          lit(false)).as("credited_paid_" + i));
      perDay.add(count(when(col("paid_" + i), lit(1))).as("paid_buyers_" + i));
      perDay.add(count(when(col("credited_paid_" + i), lit(1))).as("credited_paid_buyers_" + i));
    }
    return inquiries.select("shop_id", "agent_id", "buyer_key", "inquiry_date")
        .join(heads, converts, "left")
        .groupBy("shop_id", "agent_id", "buyer_key", "inquiry_date")
        .agg(perBuyer.get(0), perBuyer.subList(1, perBuyer.size()).toArray(new Column[0]))
        .groupBy(col("shop_id"), col("agent_id"), col("inquiry_date").as("business_date"))
        .agg(count(lit(1)).as("inquiry_buyers"), perDay.toArray(new Column[0]));
  }
}
