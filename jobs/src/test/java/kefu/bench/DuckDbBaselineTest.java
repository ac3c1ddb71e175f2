package kefu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kefu.derive.DeriveRules;
import kefu.derive.Inquiries;
import kefu.derive.Judgment;
import kefu.derive.OrderAttribution;
import kefu.derive.Receptions;
import kefu.derive.RefundAttribution;
import kefu.marts.AgentDaily;
import kefu.marts.Period;
import kefu.marts.PeriodMarts;
import kefu.pipeline.ReviewPeriods;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DuckDB baseline computes what the Spark job computes: on the canonical Parquet of the shared
 * sample review (3,000 orders, 2 shops, 2025Q4), Spark's derive and mart transformations and the
 * baseline run on the same tables, and the compared columns are equal row for row.
 */
class DuckDbBaselineTest {
  private static final String ZONE = "Asia/Shanghai";
  /** The review's periods: 2025Q4, 2025Q3, 2024Q4 and their months. */
  private static final List<Period> PERIODS = ReviewPeriods.of(Period.parse("2025Q4"));

  @TempDir static Path tmp;
  private static String canonical;
  private static Connection duck;

  @BeforeAll
  static void connect() throws Exception {
    canonical = kefu.pipeline.SampleRun.get().out.resolve("canonical").toString();
    duck = DuckDbBaseline.connect(new org.duckdb.DuckDBDriver(), 2);
  }

  @AfterAll
  static void close() throws SQLException {
    if (duck != null) {
      duck.close();
    }
  }

  @Test
  void derivedFactsAndMartsEqualSparks() throws SQLException {
    DeriveRules rules = DeriveRules.defaults();
    List<BaselineStage> stages = DuckDbBaseline.run(duck, canonical,
        tmp.resolve("duck-default").toString(), rules, PERIODS, ZONE);
    assertEquals(List.of("derive", "marts"),
        stages.stream().map(BaselineStage::name).collect(Collectors.toList()));
    for (BaselineStage s : stages) {
      assertTrue(s.rowsIn() > 0 && s.rowsOut() > 0 && s.seconds() >= 0, s.toString());
    }
    for (String file : List.of("receptions", "attributed_orders", "agent_metrics",
        "category_metrics", "shop_metrics")) {
      assertTrue(Files.isRegularFile(tmp.resolve("duck-default").resolve(file + ".parquet")),
          file);
    }

    Spark spark = new Spark(rules);
    assertSame(spark.receptions, "receptions", RECEPTION_COLUMNS);
    assertSame(spark.inquiries, "inquiries", INQUIRY_COLUMNS);
    assertSame(spark.orders, "attributed_orders", ORDER_COLUMNS);
    assertSame(spark.refunds, "attributed_refunds", REFUND_COLUMNS);
    assertSame(spark.agentDaily, "agent_daily",
        concat(AgentDaily.KEYS, AgentDaily.COUNTS, AgentDaily.MONEY));
    // the period marts: every column Spark writes, for every reviewed period
    assertSame(spark.agentMetrics, "agent_metrics", spark.agentMetrics.columns());
    assertSame(spark.categoryMetrics, "category_metrics", spark.categoryMetrics.columns());
    assertSame(spark.shopMetrics, "shop_metrics", spark.shopMetrics.columns());

    // the comparison is not vacuous: the tiny history has credited sales, refunds, categories,
    // receptions and DSR ratings in several periods
    assertTrue(sum("agent_metrics", "paid_orders") > 0);
    assertTrue(sum("agent_metrics", "inquiry_paid_buyers") > 0);
    // the next-day payments are fewer than the final ones, and agents answer in messages
    assertTrue(sum("agent_metrics", "inquiry_paid_next_day_buyers") > 0);
    assertTrue(sum("agent_metrics", "inquiry_paid_next_day_buyers")
        < sum("agent_metrics", "inquiry_paid_buyers"));
    assertTrue(sum("shop_metrics", "agent_messages") > 0);
    assertTrue(sum("agent_metrics", "dsr_service_count") > 0);
    assertTrue(sum("category_metrics", "refund_count") > 0);
    assertTrue(sum("shop_metrics", "first_response_count") > 0);
    assertTrue(DuckDbBaseline.count(duck, "category_metrics") > 1);
    assertTrue(distinct("shop_metrics", "period") > 1);
  }

  @Test
  void orderJudgmentWithBotRepliesEqualsSpark() throws SQLException {
    DeriveRules rules = DeriveRules.defaults().withJudgment(Judgment.ORDER)
        .withBotRepliesCount(true);
    DuckDbBaseline.run(duck, canonical, tmp.resolve("duck-order").toString(), rules, PERIODS,
        ZONE);
    // the rules change receptions (bot replies) and attribution (order agent); the marts only
    // sum those, so they are left to the default-rules test (each Spark pass costs seconds)
    Spark spark = new Spark(rules);
    assertSame(spark.receptions, "receptions", RECEPTION_COLUMNS);
    assertSame(spark.orders, "attributed_orders", ORDER_COLUMNS);
  }

  @Test
  void loadsTheDriverFromItsJarAndNamesTheBuildWhenTheJarIsMissing() throws Exception {
    Path jar = Paths.get(org.duckdb.DuckDBDriver.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    try (Connection c = DuckDbBaseline.connect(jar, 1);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT current_setting('threads'), "
            + "current_setting('memory_limit')")) {
      r.next();
      assertEquals(1L, ((Number) r.getObject(1)).longValue());
      // DuckDB shows the limit rounded, e.g. "9.3 GiB"
      String[] limit = r.getString(2).split(" ");
      double mib = Double.parseDouble(limit[0])
          * Map.of("MiB", 1.0, "GiB", 1024.0, "TiB", 1024.0 * 1024).get(limit[1]);
      assertEquals(DuckDbDriver.memoryLimitMebibytes(), mib, 60, r.getString(2));
    }
    Path missing = tmp.resolve("no such dir/duckdb_jdbc.jar");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DuckDbBaseline.connect(missing, 1));
    assertTrue(e.getMessage().contains(missing.toAbsolutePath().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("build with ./mvnw package"), e.getMessage());
  }

  private static final String[] RECEPTION_COLUMNS = {"reception_id", "shop_id", "buyer_key",
      "agent_id", "@started_at", "@ended_at", "@agent_started_at", "reception_date",
      "buyer_messages", "answered_buyer_messages", "response_seconds_sum",
      "first_response_seconds", "agent_messages", "is_replied", "is_buyer_started"};
  private static final String[] INQUIRY_COLUMNS = {"shop_id", "agent_id", "buyer_key",
      "inquiry_date", "ordered", "paid", "paid_amount", "category", "paid_next_day"};
  private static final String[] ORDER_COLUMNS = {"order_id", "line_id", "shop_id", "buyer_key",
      "amount_paid", "created_date", "paid_date", "order_agent_id", "payment_agent_id",
      "credited_agent_id", "is_silent"};
  private static final String[] REFUND_COLUMNS = {"refund_id", "order_id", "line_id",
      "credited_agent_id", "shop_id", "category", "refund_amount", "is_full_refund",
      "refunded_units", "is_return", "completed_date", "sale_date", "is_silent", "refund_source"};
  /** The Spark job's facts and marts on the same canonical tables. */
  private static final class Spark {
    final Dataset<Row> receptions;
    final Dataset<Row> inquiries;
    final Dataset<Row> orders;
    final Dataset<Row> refunds;
    final Dataset<Row> agentDaily;
    final Dataset<Row> agentMetrics;
    final Dataset<Row> categoryMetrics;
    final Dataset<Row> shopMetrics;

    Spark(DeriveRules rules) {
      SparkSession spark = SparkTestSession.get();
      Dataset<Row> chats = spark.read().parquet(canonical + "/chats");
      Dataset<Row> canonicalOrders = spark.read().parquet(canonical + "/orders");
      receptions = Receptions.build(chats, rules).cache();
      inquiries = Inquiries.build(receptions, canonicalOrders, rules).cache();
      orders = OrderAttribution.attribute(canonicalOrders, receptions, rules).cache();
      refunds = RefundAttribution.attribute(spark.read().parquet(canonical + "/refunds"), orders)
          .cache();
      PeriodMarts marts = PeriodMarts.of(receptions, inquiries, orders, refunds,
          spark.read().parquet(canonical + "/ratings"), canonicalOrders, PERIODS);
      agentDaily = dataset(marts.agentDaily());
      agentMetrics = dataset(marts.agentMetrics());
      categoryMetrics = dataset(marts.categoryMetrics());
      shopMetrics = dataset(marts.shopMetrics());
    }
  }

  private static Dataset<Row> dataset(kefu.table.LocalTable table) {
    return SparkTestSession.get().createDataFrame(table.rows(), table.schema());
  }

  private static void assertSame(Dataset<Row> spark, String duckTable, String[] columns)
      throws SQLException {
    List<String> expected = sparkRows(spark, columns);
    List<String> actual = duckRows(duckTable, columns);
    assertFalse(expected.isEmpty(), duckTable + " is empty in Spark");
    assertEquals(expected.size(), actual.size(), duckTable + " row count");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i),
          duckTable + " row " + i + " of " + Arrays.toString(columns));
    }
  }

  /** Rows as sorted "a | b | c" lines; columns named "@x" are timestamps, compared as epoch µs. */
  private static List<String> sparkRows(Dataset<Row> ds, String[] columns) {
    Column[] select = Arrays.stream(columns)
        .map(c -> c.startsWith("@") ? functions.unix_micros(functions.col(c.substring(1)))
            : functions.col(c))
        .toArray(Column[]::new);
    List<String> lines = new ArrayList<>();
    for (Row r : ds.select(select).collectAsList()) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < columns.length; i++) {
        values.add(text(r.get(i)));
      }
      lines.add(String.join(" | ", values));
    }
    Collections.sort(lines);
    return lines;
  }

  private static List<String> duckRows(String table, String[] columns) throws SQLException {
    String select = Arrays.stream(columns)
        .map(c -> c.startsWith("@") ? "epoch_us(" + c.substring(1) + ")" : c)
        .collect(Collectors.joining(", "));
    List<String> lines = new ArrayList<>();
    try (Statement s = duck.createStatement();
        ResultSet r = s.executeQuery("SELECT " + select + " FROM " + table)) {
      while (r.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns.length; i++) {
          values.add(text(r.getObject(i)));
        }
        lines.add(String.join(" | ", values));
      }
    }
    Collections.sort(lines);
    return lines;
  }

  private static String text(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof BigDecimal d) {
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    if (v instanceof Double || v instanceof Float) {
      return String.format("%.9f", ((Number) v).doubleValue());
    }
    if (v instanceof Number n) {
      return String.valueOf(n.longValue());
    }
    return v.toString();
  }

  private static long sum(String table, String column) throws SQLException {
    try (Statement s = duck.createStatement();
        ResultSet r = s.executeQuery("SELECT CAST(sum(" + column + ") AS BIGINT) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static long distinct(String table, String column) throws SQLException {
    try (Statement s = duck.createStatement();
        ResultSet r = s.executeQuery("SELECT count(DISTINCT " + column + ") FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static String[] concat(String[]... arrays) {
    return Arrays.stream(arrays).flatMap(Arrays::stream).toArray(String[]::new);
  }
}
