package kefu.pay;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kefu.canonical.CanonicalSchema;
import kefu.table.LocalTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Tiny hand-made pipeline inputs: agent days, attributed orders and refunds, receptions, roster. */
final class PayFixtures {
  static final StructType AGENT_DAILY = dailySchema();
  static final StructType ORDERS = new StructType()
      .add("order_id", DataTypes.StringType).add("line_id", DataTypes.StringType)
      .add("shop_id", DataTypes.StringType).add("buyer_key", DataTypes.StringType)
      .add("item_id", DataTypes.StringType).add("category", DataTypes.StringType)
      .add("quantity", DataTypes.IntegerType).add("amount_total", CanonicalSchema.MONEY)
      .add("amount_paid", CanonicalSchema.MONEY).add("created_at", DataTypes.TimestampType)
      .add("paid_at", DataTypes.TimestampType).add("status", DataTypes.StringType)
      .add("is_presale", DataTypes.BooleanType).add("credited_agent_id", DataTypes.StringType)
      .add("is_silent", DataTypes.BooleanType).add("created_date", DataTypes.DateType)
      .add("paid_date", DataTypes.DateType);
  static final StructType REFUNDS = new StructType()
      .add("refund_id", DataTypes.StringType).add("order_id", DataTypes.StringType)
      .add("credited_agent_id", DataTypes.StringType).add("shop_id", DataTypes.StringType)
      .add("category", DataTypes.StringType).add("refund_amount", CanonicalSchema.MONEY)
      .add("refunded_units", DataTypes.LongType).add("is_return", DataTypes.BooleanType)
      .add("completed_date", DataTypes.DateType).add("is_silent", DataTypes.BooleanType);
  static final StructType RECEPTIONS = new StructType()
      .add("reception_id", DataTypes.StringType).add("shop_id", DataTypes.StringType)
      .add("buyer_key", DataTypes.StringType).add("agent_id", DataTypes.StringType)
      .add("started_at", DataTypes.TimestampType).add("ended_at", DataTypes.TimestampType)
      .add("reception_date", DataTypes.DateType);

  private static StructType dailySchema() {
    StructType s = new StructType().add("shop_id", DataTypes.StringType)
        .add("agent_id", DataTypes.StringType).add("business_date", DataTypes.DateType);
    for (String c : List.of("receptions", "replied_receptions", "inquiry_buyers",
        "inquiry_ordered_buyers", "inquiry_paid_buyers", "paying_buyers", "paid_orders",
        "sold_units", "sold_lines")) {
      s = s.add(c, DataTypes.LongType);
    }
    s = s.add("sales_gross", CanonicalSchema.MONEY).add("refund_amount", CanonicalSchema.MONEY)
        .add("refunded_units", DataTypes.LongType).add("return_count", DataTypes.LongType)
        .add("first_response_seconds_sum", DataTypes.DoubleType)
        .add("first_response_count", DataTypes.LongType)
        .add("response_seconds_sum", DataTypes.DoubleType)
        .add("answered_buyer_messages", DataTypes.LongType);
    for (String d : List.of("service", "description", "logistics")) {
      s = s.add("dsr_" + d + "_sum", DataTypes.LongType)
          .add("dsr_" + d + "_count", DataTypes.LongType);
    }
    return s;
  }

  final List<Row> daily = new ArrayList<>();
  final List<Row> orders = new ArrayList<>();
  final List<Row> refunds = new ArrayList<>();
  final List<Row> receptions = new ArrayList<>();
  final List<Row> agents = new ArrayList<>();
  private int ids;
  private PayslipWords words = PayslipWords.chinese();

  /** The language of the payslip notes (Chinese, as a review's, unless a case asks otherwise). */
  PayFixtures words(PayslipWords words) {
    this.words = words;
    return this;
  }

  PayFixtures agent(String agentId, String employment, String city, int tier, String hiredOn,
      String leftOn) {
    return agent(agentId, "t1", employment, city, tier, hiredOn, leftOn);
  }

  PayFixtures agent(String agentId, String team, String employment, String city, int tier,
      String hiredOn, String leftOn) {
    agents.add(RowFactory.create(agentId, "s1", agentId, team, "in_house", "pre_sales",
        employment, city, tier, hiredOn == null ? null : Date.valueOf(hiredOn),
        leftOn == null ? null : Date.valueOf(leftOn)));
    return this;
  }

  /** A plain active day: 10 receptions, all replied, and {@code paidOrders} paid orders. */
  PayFixtures day(String agentId, String date, long paidOrders) {
    return kpiDay(agentId, date, 10, 10, 0, 0, paidOrders, 0, 0, 0, 0);
  }

  PayFixtures kpiDay(String agentId, String date, long receptions, long replied,
      long inquiryBuyers, long inquiryPaid, long paidOrders, double responseSeconds,
      long answered, long dsrServiceSum, long dsrServiceCount) {
    daily.add(RowFactory.create("s1", agentId, Date.valueOf(date), receptions, replied,
        inquiryBuyers, inquiryPaid, inquiryPaid, inquiryPaid, paidOrders, paidOrders, paidOrders,
        BigDecimal.ZERO, BigDecimal.ZERO, 0L, 0L, 0.0, 0L, responseSeconds, answered,
        dsrServiceSum, dsrServiceCount, 0L, 0L, 0L, 0L));
    return this;
  }

  /** A paid order credited to {@code agentId} (null = silent). */
  PayFixtures order(String agentId, String category, String amount, String paidDate) {
    String id = "o" + (++ids);
    Timestamp at = Timestamp.valueOf(paidDate + " 10:00:00");
    orders.add(RowFactory.create(id, null, "s1", "b" + ids, "i1", category, 1,
        new BigDecimal(amount), new BigDecimal(amount), at, at, "交易成功", false, agentId,
        agentId == null, Date.valueOf(paidDate), Date.valueOf(paidDate)));
    return this;
  }

  PayFixtures refund(String agentId, String category, String amount, String completedDate,
      boolean isReturn) {
    refunds.add(RowFactory.create("r" + (++ids), "o0", agentId, "s1", category,
        new BigDecimal(amount), 1L, isReturn, Date.valueOf(completedDate), agentId == null));
    return this;
  }

  PayFixtures reception(String agentId, String start, String end) {
    receptions.add(RowFactory.create("rc" + (++ids), "s1", "b", agentId,
        Timestamp.valueOf(start), Timestamp.valueOf(end), Date.valueOf(start.substring(0, 10))));
    return this;
  }

  PayMarts compute(PayConfig config, String... months) {
    return Payroll.marts(config, replay(config, months));
  }

  /**
   * The replay of {@code months} on these inputs: the credit aggregates and hours come from the
   * row tier's own Spark queries (kefu.facts), the replay is plain Java.
   */
  Payroll.Replay replay(PayConfig config, String... months) {
    return Payroll.replay(config, PayInputs.build(config, facts(), List.of(months)), words);
  }

  PayFacts facts() {
    SparkSession spark = kefu.testing.SparkTestSession.get();
    Dataset<Row> o = spark.createDataFrame(orders, ORDERS);
    Dataset<Row> r = spark.createDataFrame(refunds, REFUNDS);
    Map<String, Dataset<Row>> queries = new java.util.LinkedHashMap<>();
    queries.put("sales", kefu.facts.CreditFacts.sales(o));
    queries.put("refunds", kefu.facts.CreditFacts.refunds(r));
    queries.put("silent", kefu.facts.CreditFacts.silent(o, r));
    queries.put("hours", kefu.facts.ReceptionHours.byAgentMonth(
        spark.createDataFrame(receptions, RECEPTIONS)));
    Map<String, LocalTable> f = kefu.spark.FactQuery.collect(queries);
    return PayFacts.of(LocalTable.of(AGENT_DAILY, daily), f.get("sales"), f.get("refunds"),
        f.get("silent"), f.get("hours"), LocalTable.of(CanonicalSchema.AGENTS, agents));
  }

  /** A config with the default tiers, KPI, minimum wages and margins but the given schemes. */
  static PayConfig config(List<SchemeDef> schemes, List<ComponentDef> components) {
    PayConfig d = PayConfig.defaults();
    return new PayConfig(schemes, components, d.tiers(), d.kpiRules(), d.minimumWages(),
        d.categoryMargins(), java.util.Map.of(PayConfig.Settings.BOOTSTRAP_RESAMPLES, "50"));
  }

  static SchemeDef scheme(String id, boolean current) {
    return new SchemeDef(id, id, null, "all", current, true, new BigDecimal("0.20"));
  }

  static ComponentDef component(String scheme, int line, ComponentType type, String basis,
      String rate, String tierTable, String tierMode, String amount, String threshold) {
    return new ComponentDef(scheme, line, type, basis, rate == null ? null : new BigDecimal(rate),
        tierTable, tierMode, null, null, amount == null ? null : new BigDecimal(amount),
        threshold == null ? null : new BigDecimal(threshold), null);
  }

  /** The single row of a mart matching agent and scheme. */
  static Row row(LocalTable mart, String agentId, String schemeId) {
    List<Row> rows = mart.filter(r -> agentId.equals(r.getAs("agent_id"))
        && schemeId.equals(r.getAs("scheme_id"))).rows();
    if (rows.size() != 1) {
      throw new AssertionError("expected one row for " + agentId + "/" + schemeId + ": " + rows);
    }
    return rows.get(0);
  }

  /** The rows of a mart whose {@code column} holds {@code value}. */
  static List<Row> where(LocalTable mart, String column, Object value) {
    return mart.filter(r -> value.equals(r.getAs(column))).rows();
  }

  static BigDecimal money(Row row, String column) {
    return row.getDecimal(row.fieldIndex(column));
  }
}
