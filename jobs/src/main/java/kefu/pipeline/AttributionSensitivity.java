package kefu.pipeline;

import static org.apache.spark.sql.functions.bool_or;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import kefu.canonical.CanonicalSchema;
import kefu.derive.DeriveRules;
import kefu.derive.Judgment;
import kefu.derive.OrderAttribution;
import kefu.marts.AgentDaily;
import kefu.marts.Measures;
import kefu.marts.Period;
import kefu.pay.PayConfig;
import kefu.pay.Payroll;
import kefu.pay.ReceptionHours;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * How much the attribution rule moves each agent's conversion and pay: the reviewed period's
 * orders are re-attributed under 付款判定 / 下单判定 × window 0 / 1 / 3 days (plus the run's own
 * rule when it is not in that grid), and each agent is paid under the current scheme from those
 * credits. Receptions, inquiries, ratings and the roster are the run's; only attribution, the
 * agent-day sales and refunds, and the current scheme's payroll are recomputed per rule.
 *
 * <p>Grain: {@code shop_id}, {@code agent_id}, {@code period}, {@code rule_id}. Columns:
 * {@code judgment}, {@code window_days}, {@code is_configured_rule}; conversion
 * {@code inquiry_buyers}, {@code inquiry_paid_buyers} (buyers who inquired on d and paid an order
 * created on d..d+window_days), {@code inquiry_conversion}, {@code inquiry_credited_paid_buyers}
 * (of those, the paid order is credited to this agent under the rule),
 * {@code credited_conversion}; credit {@code paid_orders}, {@code sales_gross} (paid in the
 * period), {@code refund_amount} (completed in it), as agent_metrics counts them; pay {@code scheme_id} (the current scheme), {@code months_paid},
 * {@code net_pay}; against the configured rule {@code configured_net_pay},
 * {@code net_pay_change}, {@code net_pay_change_pct}, {@code configured_sales_gross},
 * {@code sales_gross_change}, {@code configured_inquiry_conversion},
 * {@code inquiry_conversion_change}. Money decimal(14,2); rates doubles, null on a 0 denominator.
 *
 * <p>The rule's window is also used as the inquiry conversion window (当日 / 次日 / +3 日), so the
 * run's configured rule reproduces the agent_metrics conversion only when its window is
 * {@link kefu.derive.Inquiries#CONVERSION_DAYS}. DSR scores keep the run's credit.
 */
public final class AttributionSensitivity {
  private AttributionSensitivity() {}

  /** One alternative attribution rule. */
  public record Rule(String ruleId, Judgment judgment, int windowDays, boolean isConfigured) {}

  public static final int[] WINDOWS = {0, 1, 3};

  /** The grid (payment, order) × (0, 1, 3) days, plus the configured rule if outside it. */
  public static List<Rule> rules(DeriveRules configured) {
    List<Rule> rules = new ArrayList<>();
    boolean seen = false;
    for (Judgment j : List.of(Judgment.PAYMENT, Judgment.ORDER)) {
      for (int w : WINDOWS) {
        boolean isConfigured = j == configured.judgment() && w == configured.attributionWindowDays();
        seen |= isConfigured;
        rules.add(new Rule(ruleId(j, w), j, w, isConfigured));
      }
    }
    if (!seen) {
      rules.add(new Rule(ruleId(configured.judgment(), configured.attributionWindowDays()),
          configured.judgment(), configured.attributionWindowDays(), true));
    }
    return rules;
  }

  static String ruleId(Judgment j, int windowDays) {
    return j.name().toLowerCase(Locale.ROOT) + "_w" + windowDays;
  }

  /**
   * The order columns re-attribution, conversion, the agent days and the payroll read: every
   * other column would be copied once per rule for nothing.
   */
  private static final String[] ORDER_COLUMNS = {"order_id", "shop_id", "buyer_key",
      "category", "quantity", "amount_paid", "created_at", "paid_at"};

  /** AgentDaily measures that depend on the attribution rule; the others are kept. */
  private static final List<String> CREDIT_MEASURES = List.of("inquiry_paid_buyers",
      "paying_buyers", "paid_orders", "sold_units", "sold_lines", "sales_gross",
      "ordered_orders", "refund_count", "refund_amount", "refunded_units", "return_count");

  /**
   * @param receptions the run's derived receptions (all of them: bots take credit too)
   * @param inquiries the run's derived inquiries
   * @param attributedOrders the run's attributed orders (re-attributed here)
   * @param attributedRefunds the run's attributed refunds (re-credited via their order)
   * @param agentDaily the run's agent_daily mart
   * @param receptionHours the agents' {@link ReceptionHours#byAgentMonth} of at least the
   *     period's months: hours worked do not depend on the rule
   */
  public static Dataset<Row> compute(SparkSession spark, PayConfig config,
      DeriveRules configured, Period period, Dataset<Row> receptions, Dataset<Row> inquiries,
      Dataset<Row> attributedOrders, Dataset<Row> attributedRefunds, Dataset<Row> agentDaily,
      Dataset<Row> receptionHours, Dataset<Row> agents) {
    Column start = lit(Date.valueOf(period.start()));
    Column end = lit(Date.valueOf(period.endExclusive().minusDays(1)));
    int maxWindow = Arrays.stream(WINDOWS).max().getAsInt();
    maxWindow = Math.max(maxWindow, configured.attributionWindowDays());

    Dataset<Row> periodRefunds = attributedRefunds
        .filter(col("completed_date").between(start, end)).localCheckpoint();
    // The orders the period's pay and conversion can see: paid or created in it (created up to
    // the last conversion window after it), or refunded in it.
    Dataset<Row> refundedOrders = periodRefunds.select(col("order_id").as("refunded_order_id"))
        .filter(col("refunded_order_id").isNotNull()).distinct();
    Dataset<Row> orders = attributedOrders
        .join(refundedOrders, col("order_id").equalTo(col("refunded_order_id")), "left")
        .filter(col("paid_date").between(start, end)
            .or(col("created_date").between(start, date_add(end, maxWindow)))
            .or(col("refunded_order_id").isNotNull()))
        .select(ORDER_COLUMNS[0], Arrays.copyOfRange(ORDER_COLUMNS, 1, ORDER_COLUMNS.length))
        .localCheckpoint();
    Dataset<Row> periodInquiries = inquiries
        .filter(col("inquiry_date").between(start, end).and(PayStage.person()))
        .select("shop_id", "agent_id", "buyer_key", "inquiry_date");
    Dataset<Row> periodDaily = agentDaily.filter(col("business_date").between(start, end));
    Dataset<Row> keptDaily = periodDaily.select(keptDailyColumns(periodDaily));
    // Attribution only ever pairs an order with its own buyer's receptions, so it scans just the
    // period's buyers'.
    Dataset<Row> buyers = orders.select(col("shop_id").as("b_shop_id"),
        col("buyer_key").as("b_buyer_key")).distinct();
    Dataset<Row> buyerReceptions = receptions.join(buyers, col("shop_id").equalTo(
        col("b_shop_id")).and(col("buyer_key").equalTo(col("b_buyer_key"))), "left_semi");
    List<Rule> grid = rules(configured);
    // Materialised: every rule's credit is a projection of it (one join for all the windows).
    Dataset<Row> windowed = OrderAttribution.withWindowAgents(orders, buyerReceptions,
        grid.stream().mapToInt(Rule::windowDays).toArray()).localCheckpoint();

    String scheme = config.currentScheme().schemeId();
    PayConfig current = config.onlyScheme(scheme);
    List<String> months = period.months().stream().map(Period::label).toList();
    Dataset<Row> periodHours = receptionHours.filter(col("month").isin(months.toArray()));

    // Every rule's inputs are tagged with the rule id (in the shop, agent and order ids) and go
    // through ONE re-credit, agent-day and payroll pass: the plans are large, and planning them
    // once per rule cost more than the data. Tagged shops keep each rule's silent pool and team
    // targets apart. Conversion needs no copies: see conversion().
    Dataset<Row> credited = null;
    Dataset<Row> refunds = null;
    Dataset<Row> kept = null;
    Dataset<Row> hours = null;
    Dataset<Row> roster = null;
    for (Rule rule : grid) {
      DeriveRules rules = ruleOf(rule, configured);
      String id = rule.ruleId();
      credited = union(credited, tag(OrderAttribution.credit(windowed, rules), id, "shop_id",
          "order_id", "order_agent_id", "payment_agent_id", "credited_agent_id"));
      refunds = union(refunds, tag(periodRefunds, id, "shop_id", "order_id"));
      kept = union(kept, tag(keptDaily, id, "shop_id", "agent_id"));
      hours = union(hours, tag(periodHours, id, "shop_id", "agent_id"));
      roster = union(roster, tag(agents, id, "shop_id", "agent_id"));
    }
    credited = credited.localCheckpoint();
    refunds = recredit(refunds, credited).localCheckpoint();
    Dataset<Row> conversion = conversion(periodInquiries, windowed, grid, configured);
    Dataset<Row> daily = ruleDaily(kept, credited, refunds, conversion)
        .filter(PayStage.person(untagged("agent_id")))
        .localCheckpoint();
    Dataset<Row> pay = Payroll.payrollOnly(spark, current, daily, credited, refunds, hours,
        roster, months)
        .groupBy("shop_id", "agent_id")
        .agg(count(lit(1)).as("months_paid"), sum("net_pay").as("net_pay"));

    // The daily rows also date sales of orders paid outside the period (refunded in it, or
    // created in its last conversion window): the payroll reads only its months, and so do the
    // totals.
    Dataset<Row> all = untag(agentTotals(daily.filter(col("business_date").between(start, end)),
            conversion)
        .join(pay, Keys.of("shop_id", "agent_id"), "full_outer"));
    List<Row> ruleRows = new ArrayList<>();
    for (Rule r : grid) {
      ruleRows.add(org.apache.spark.sql.RowFactory.create(r.ruleId(), r.judgment().name(),
          r.windowDays(), r.isConfigured()));
    }
    Dataset<Row> ruleTable = spark.createDataFrame(ruleRows, new org.apache.spark.sql.types
        .StructType().add("r_rule_id", "string").add("judgment", "string")
        .add("window_days", "int").add("is_configured_rule", "boolean"));
    all = all.join(org.apache.spark.sql.functions.broadcast(ruleTable),
            col("rule_id").equalTo(col("r_rule_id")))
        .select(col("shop_id"), col("agent_id"), lit(period.label()).as("period"),
            col("rule_id"), col("judgment"), col("window_days"), col("is_configured_rule"),
            zeroLong("inquiry_buyers"), zeroLong("inquiry_paid_buyers"),
            zeroLong("inquiry_credited_paid_buyers"), zeroLong("paid_orders"),
            zeroMoney("sales_gross"), zeroMoney("refund_amount"),
            lit(scheme).as("scheme_id"), zeroLong("months_paid"), zeroMoney("net_pay"))
        .withColumn("inquiry_conversion", ratio("inquiry_paid_buyers", "inquiry_buyers"))
        .withColumn("credited_conversion",
            ratio("inquiry_credited_paid_buyers", "inquiry_buyers"));
    return againstConfigured(all);
  }

  /** Rule ids never contain the separator, so the first one splits the tag off again. */
  private static final String TAG_SEPARATOR = "\u0001";

  private static Dataset<Row> tag(Dataset<Row> ds, String ruleId, String... idColumns) {
    for (String c : idColumns) {
      ds = ds.withColumn(c, concat(lit(ruleId + TAG_SEPARATOR), col(c))); // null stays null
    }
    return ds;
  }

  private static Dataset<Row> untag(Dataset<Row> ds) {
    return ds.withColumn("rule_id", substring_index(col("shop_id"), TAG_SEPARATOR, 1))
        .withColumn("shop_id", untagged("shop_id"))
        .withColumn("agent_id", untagged("agent_id"));
  }

  /** The id without its rule tag. */
  private static Column untagged(String idColumn) {
    return substring_index(col(idColumn), TAG_SEPARATOR, -1);
  }

  private static Dataset<Row> union(Dataset<Row> all, Dataset<Row> more) {
    return all == null ? more : all.unionByName(more);
  }

  private static Column[] keptDailyColumns(Dataset<Row> daily) {
    List<Column> kept = new ArrayList<>();
    for (String c : daily.columns()) {
      if (!CREDIT_MEASURES.contains(c)) {
        kept.add(col(c));
      }
    }
    return kept.toArray(new Column[0]);
  }

  /** The period's refunds credited to whoever the rule credits with their order. */
  static Dataset<Row> recredit(Dataset<Row> refunds, Dataset<Row> credited) {
    Dataset<Row> byOrder = credited.groupBy(col("order_id").as("c_order_id"))
        .agg(first(col("credited_agent_id"), true).as("c_agent_id"),
            first(col("is_silent"), true).as("c_is_silent"));
    List<Column> out = new ArrayList<>();
    for (String c : refunds.columns()) {
      out.add(c.equals("credited_agent_id") ? col("c_agent_id").as(c)
          : c.equals("is_silent") ? col("c_is_silent").as(c) : refunds.col(c));
    }
    return refunds.join(byOrder, refunds.col("order_id").equalTo(col("c_order_id")), "left")
        .select(out.toArray(new Column[0]));
  }

  /**
   * Per (tagged shop, tagged agent, business_date = inquiry day) under each rule of
   * {@code grid}: inquiry_buyers, inquiry_paid_buyers (paid an order created on d..d+window, the
   * rule's window) and inquiry_credited_paid_buyers (that order is credited to the inquired agent
   * under the rule). The rules differ only in the window and the credited agent, so ONE join of
   * the untagged inquiries with the orders, at the widest window, serves them all.
   *
   * @param windowed orders from {@link OrderAttribution#withWindowAgents} with every rule's window
   * @param configured the run's rules (only their session and inquiry settings are used)
   */
  static Dataset<Row> conversion(Dataset<Row> inquiries, Dataset<Row> windowed, List<Rule> grid,
      DeriveRules configured) {
    List<Column> headColumns = new ArrayList<>(List.of(
        first(col("buyer_key"), true).as("o_buyer_key"),
        min(to_date(col("created_at"))).as("o_created_date"), min("paid_at").as("o_paid_at")));
    for (int i = 0; i < grid.size(); i++) {
      headColumns.add(first(OrderAttribution.creditedAgent(ruleOf(grid.get(i), configured)), true)
          .as("o_agent_" + i));
    }
    Dataset<Row> heads = windowed.groupBy(col("order_id").as("o_order_id"))
        .agg(first(col("shop_id"), true).as("o_shop_id"),
            headColumns.toArray(new Column[0]));
    int widest = grid.stream().mapToInt(Rule::windowDays).max().orElseThrow();
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
    // Materialised: each rule's rows below are a projection of it.
    Dataset<Row> days = inquiries.join(heads, converts, "left")
        .groupBy("shop_id", "agent_id", "buyer_key", "inquiry_date")
        .agg(perBuyer.get(0), perBuyer.subList(1, perBuyer.size()).toArray(new Column[0]))
        .groupBy(col("shop_id"), col("agent_id"), col("inquiry_date").as("business_date"))
        .agg(count(lit(1)).as("inquiry_buyers"), perDay.toArray(new Column[0]))
        .localCheckpoint();
    Dataset<Row> byRule = null;
    for (int i = 0; i < grid.size(); i++) {
      byRule = union(byRule, tag(days.select(col("shop_id"), col("agent_id"),
          col("business_date"), col("inquiry_buyers"),
          col("paid_buyers_" + i).as("inquiry_paid_buyers"),
          col("credited_paid_buyers_" + i).as("inquiry_credited_paid_buyers")),
          grid.get(i).ruleId(), "shop_id", "agent_id"));
    }
    return byRule;
  }

  /** The run's rules with {@code rule}'s judgment and window. */
  private static DeriveRules ruleOf(Rule rule, DeriveRules configured) {
    return new DeriveRules(configured.sessionGapMinutes(), configured.botRepliesCount(),
        configured.inquiryLookbackDays(), rule.windowDays(), rule.judgment());
  }

  /**
   * The run's agent days with the credit measures the payroll and the totals read recomputed
   * under each (tagged) rule, dated as {@link AgentDaily} dates them: paid_orders and sales_gross
   * by paid date, refund_amount by completion date, inquiry_paid_buyers by inquiry date. The
   * other credit measures (paying buyers, units, lines, 落实下单, refund counts) are read by
   * neither, so they are left out rather than counted six times.
   */
  private static Dataset<Row> ruleDaily(Dataset<Row> keptDaily, Dataset<Row> credited,
      Dataset<Row> refunds, Dataset<Row> conversion) {
    Dataset<Row> sales = credited
        .filter(col("credited_agent_id").isNotNull().and(col("paid_at").isNotNull()))
        .groupBy(col("shop_id"), col("credited_agent_id").as("agent_id"),
            col("paid_date").as("business_date"))
        .agg(count_distinct(col("order_id")).as("paid_orders"),
            sum("amount_paid").as("sales_gross"));
    Dataset<Row> refunded = refunds
        .filter(col("credited_agent_id").isNotNull())
        .groupBy(col("shop_id"), col("credited_agent_id").as("agent_id"),
            col("completed_date").as("business_date"))
        .agg(sum("refund_amount").as("refund_amount"));
    Dataset<Row> converted = conversion.select(col("shop_id"), col("agent_id"),
        col("business_date"), col("inquiry_paid_buyers"));
    Dataset<Row> credits = Measures.combine(List.of(sales, refunded, converted),
        AgentDaily.KEYS, new String[] {"paid_orders", "inquiry_paid_buyers"},
        new String[] {"sales_gross", "refund_amount"});
    Dataset<Row> daily = keptDaily.join(credits, Keys.of(AgentDaily.KEYS), "full_outer");
    for (String c : AgentDaily.COUNTS) {
      if (Arrays.asList(daily.columns()).contains(c)) {
        daily = daily.withColumn(c, coalesce(col(c).cast("long"), lit(0L)));
      }
    }
    for (String c : AgentDaily.MONEY) {
      if (Arrays.asList(daily.columns()).contains(c)) {
        daily = daily.withColumn(c,
            coalesce(col(c), lit(BigDecimal.ZERO)).cast(CanonicalSchema.MONEY));
      }
    }
    return daily;
  }

  /** Per agent over the period: the rule's conversion and credit. */
  private static Dataset<Row> agentTotals(Dataset<Row> daily, Dataset<Row> conversion) {
    Dataset<Row> credit = daily.groupBy("shop_id", "agent_id")
        .agg(sum("paid_orders").as("paid_orders"), sum("sales_gross").as("sales_gross"),
            sum("refund_amount").as("refund_amount"));
    Dataset<Row> converted = conversion.groupBy("shop_id", "agent_id")
        .agg(sum("inquiry_buyers").as("inquiry_buyers"),
            sum("inquiry_paid_buyers").as("inquiry_paid_buyers"),
            sum("inquiry_credited_paid_buyers").as("inquiry_credited_paid_buyers"));
    return credit.join(converted, Keys.of("shop_id", "agent_id"), "full_outer");
  }

  /** Adds the configured rule's figures and each rule's difference to them. */
  private static Dataset<Row> againstConfigured(Dataset<Row> all) {
    Dataset<Row> base = all.filter(col("is_configured_rule"))
        .select(col("shop_id").as("b_shop_id"), col("agent_id").as("b_agent_id"),
            col("net_pay").as("configured_net_pay"),
            col("sales_gross").as("configured_sales_gross"),
            col("inquiry_conversion").as("configured_inquiry_conversion"));
    Column zero = lit(BigDecimal.ZERO);
    Column baseNet = coalesce(col("configured_net_pay"), zero);
    return all.join(base, col("shop_id").equalTo(col("b_shop_id"))
            .and(col("agent_id").equalTo(col("b_agent_id"))), "left")
        .drop("b_shop_id", "b_agent_id")
        .withColumn("configured_net_pay", baseNet.cast(CanonicalSchema.MONEY))
        .withColumn("net_pay_change",
            col("net_pay").minus(col("configured_net_pay")).cast(CanonicalSchema.MONEY))
        .withColumn("net_pay_change_pct", when(col("configured_net_pay").notEqual(0),
            col("net_pay_change").cast("double").divide(col("configured_net_pay").cast("double"))))
        .withColumn("configured_sales_gross",
            coalesce(col("configured_sales_gross"), zero).cast(CanonicalSchema.MONEY))
        .withColumn("sales_gross_change",
            col("sales_gross").minus(col("configured_sales_gross")).cast(CanonicalSchema.MONEY))
        .withColumn("inquiry_conversion_change",
            col("inquiry_conversion").minus(col("configured_inquiry_conversion")))
        .orderBy("shop_id", "agent_id", "rule_id");
  }

  private static Column zeroLong(String c) {
    return coalesce(col(c).cast("long"), lit(0L)).as(c);
  }

  private static Column zeroMoney(String c) {
    return coalesce(col(c), lit(BigDecimal.ZERO)).cast(CanonicalSchema.MONEY).as(c);
  }

  private static Column ratio(String numerator, String denominator) {
    return when(col(denominator).gt(0),
        col(numerator).cast("double").divide(col(denominator).cast("double")));
  }

  /** Join keys as the Scala Seq Spark's using-joins take. */
  private static final class Keys {
    static scala.collection.immutable.Seq<String> of(String... columns) {
      return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toList();
    }
  }
}
