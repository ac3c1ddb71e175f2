package kefu.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import kefu.derive.DeriveRules;
import kefu.derive.Inquiries;
import kefu.derive.Judgment;
import kefu.facts.RatingFacts;
import kefu.marts.AgentDaily;
import kefu.marts.CategoryMetrics;
import kefu.marts.Period;
import kefu.marts.ShopMetrics;

/**
 * The shared aggregations of a review, in DuckDB over the same canonical Parquet, as the
 * benchmark's baseline for Spark. The SQL is in {@code kefu/bench/*.sql}, one file per fact.
 *
 * <p>Stage {@code derive}: {@code receptions}, {@code inquiries}, {@code attributed_orders} and
 * {@code attributed_refunds} ({@link kefu.derive.Receptions}, {@link kefu.derive.Inquiries},
 * {@link kefu.derive.OrderAttribution}, {@link kefu.derive.RefundAttribution}), written as
 * {@code <outDir>/<name>.parquet}. Stage {@code marts}: the review's marts stage, the same work:
 * {@code agent_daily}, then {@code agent_metrics}, {@code category_metrics} and
 * {@code shop_metrics} for every reviewed period ({@link AgentDaily},
 * {@link kefu.marts.AgentMetrics}, {@link CategoryMetrics}, {@link ShopMetrics}). Row counts are
 * as in the review's stage lines: derive reads chats + orders and writes receptions + attributed
 * orders; marts reads receptions + attributed orders + attributed refunds and writes the three
 * period marts.
 *
 * <p>Equal to Spark (tested in {@code DuckDbBaselineTest}): every column of receptions; inquiries'
 * {@code ordered}, {@code paid}, {@code paid_amount}, {@code category}, {@code paid_next_day}; attributed orders'
 * {@code order_agent_id}, {@code payment_agent_id}, {@code credited_agent_id}, {@code is_silent},
 * {@code created_date}, {@code paid_date}; attributed refunds' agent, category, amount, units,
 * dates; every column of agent_daily, agent_metrics, category_metrics and shop_metrics.
 *
 * <p>Deliberate differences: same-second ties that Spark resolves arbitrarily (two agents replying
 * in the same second, two equal largest lines of an order) are broken by source file and line
 * here; the parquet files are single files, not folders of parts; time zone conversions use
 * DuckDB's ICU with {@code timeZone} (the Spark session zone).
 */
public final class DuckDbBaseline {
  private DuckDbBaseline() {}

  public static final List<String> TABLES = List.of("chats", "orders", "refunds", "ratings",
      "agents");

  /** A connection on the driver in {@code driverJar} (normally jobs/target/bench-lib/duckdb_jdbc.jar). */
  public static Connection connect(Path driverJar, int threads) throws SQLException {
    return DuckDbDriver.connect(DuckDbDriver.load(driverJar), threads);
  }

  /** A connection on a driver already loaded (tests have it on their classpath). */
  public static Connection connect(Driver driver, int threads) throws SQLException {
    return DuckDbDriver.connect(driver, threads);
  }

  /**
   * Runs stage {@code derive} then {@code marts} for {@code periods} on the canonical tables
   * under {@code canonicalDir} ({@code <table>/*.parquet}), writing Parquet files to
   * {@code outDir}. The tables stay in the connection as temporary tables named as the files.
   */
  public static List<BaselineStage> run(Connection c, String canonicalDir, String outDir,
      DeriveRules rules, List<Period> periods, String timeZone) throws SQLException {
    try {
      Files.createDirectories(Paths.get(outDir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> present = new HashSet<>();
    try (Statement s = c.createStatement()) {
      s.execute("SET TimeZone = " + literal(timeZone));
      // an in-memory database spills to ./.tmp by default: keep it beside the outputs
      s.execute("SET temp_directory = " + literal(Paths.get(outDir, "spill").toString()));
      for (String table : TABLES) {
        Path dir = Paths.get(canonicalDir, table);
        if (hasParquet(dir)) {
          present.add(table);
          s.execute("CREATE OR REPLACE TEMP VIEW " + table + " AS SELECT * FROM read_parquet("
              + literal(dir.resolve("*.parquet").toString()) + ")");
        }
      }
      if (!present.contains("chats") || !present.contains("orders")) {
        throw new IllegalArgumentException("no canonical chats and orders under " + canonicalDir
            + " (expected <table>/*.parquet as ingest writes them)");
      }
      s.execute("CREATE OR REPLACE TEMP MACRO unix_seconds(t) AS (epoch_us(t) // 1000000)");
      s.execute("CREATE OR REPLACE TEMP MACRO ratio(n, d) AS "
          + "(CASE WHEN d > 0 THEN CAST(n AS DOUBLE) / CAST(d AS DOUBLE) END)");
      // as the marts' 客单价: the exact quotient rounded half up to cents (DuckDB divides
      // decimals as doubles); amounts are never negative here
      s.execute("CREATE OR REPLACE TEMP MACRO money_per(n, d) AS (CASE WHEN d > 0 THEN"
          + " CAST(CAST((2 * CAST(n * 100 AS HUGEINT) + d) // (2 * d) AS DECIMAL(18, 0)) * 0.01"
          + " AS DECIMAL(14, 2)) END)");
      s.execute("CREATE OR REPLACE TEMP TABLE periods (period_type VARCHAR, period VARCHAR,"
          + " period_start DATE, period_end DATE)");
      for (Period p : periods) {
        s.execute("INSERT INTO periods VALUES (" + literal(p.type()) + ", " + literal(p.label())
            + ", DATE '" + p.start() + "', DATE '" + p.endExclusive() + "')");
      }
    }

    List<BaselineStage> stages = new ArrayList<>();
    long t0 = System.nanoTime();
    derive(c, rules, present);
    for (String t : List.of("receptions", "inquiries", "attributed_orders",
        "attributed_refunds")) {
      copyOut(c, t, outDir);
    }
    stages.add(new BaselineStage("derive", count(c, "chats") + count(c, "orders"),
        count(c, "receptions") + count(c, "attributed_orders"), seconds(t0)));

    long t1 = System.nanoTime();
    marts(c, present.contains("ratings"));
    for (String t : List.of("agent_daily", "agent_metrics", "category_metrics",
        "shop_metrics")) {
      copyOut(c, t, outDir);
    }
    stages.add(new BaselineStage("marts",
        count(c, "receptions") + count(c, "attributed_orders") + count(c, "attributed_refunds"),
        count(c, "agent_metrics") + count(c, "category_metrics") + count(c, "shop_metrics"),
        seconds(t1)));
    return stages;
  }

  private static void derive(Connection c, DeriveRules rules, Set<String> present)
      throws SQLException {
    String isReply = rules.botRepliesCount() ? "sender IN ('agent', 'bot')" : "sender = 'agent'";
    execute(c, sql("receptions", Map.of("is_reply", isReply,
        "gap_seconds", String.valueOf(rules.sessionGapMinutes() * 60L))));
    execute(c, sql("inquiries", Map.of(
        "lookback_hours", String.valueOf(rules.inquiryLookbackDays() * 24L),
        "conversion_days", String.valueOf(Inquiries.CONVERSION_DAYS),
        "next_day_payment_days", String.valueOf(Inquiries.NEXT_DAY_PAYMENT_DAYS))));
    boolean payment = rules.judgment() == Judgment.PAYMENT;
    execute(c, sql("attribution", Map.of(
        "window_days", String.valueOf(rules.attributionWindowDays()),
        "credited", payment ? "payment_agent_id" : "order_agent_id",
        "silent", payment
            ? "CASE WHEN o.paid_at IS NOT NULL THEN payment_agent_id IS NULL"
                + " ELSE order_agent_id IS NULL END"
            : "order_agent_id IS NULL")));
    if (present.contains("refunds") && count(c, "refunds") > 0) {
      Set<String> columns = columns(c, "refunds");
      execute(c, sql("refunds", Map.of(
          "item_id", columns.contains("item_id") ? "CAST(item_id AS VARCHAR)" : "NULL::VARCHAR",
          "full_flag", columns.contains("is_full_refund") ? FULL_FLAG : "NULL::BOOLEAN")));
    } else {
      execute(c, sql("refunds_from_orders", Map.of()));
    }
  }

  /** RefundAttribution's reading of the optional is_full_refund column. */
  private static final String FULL_FLAG =
      "CASE WHEN lower(trim(CAST(is_full_refund AS VARCHAR))) IN"
          + " ('true', '全部退款', '全额退款', '是', '1', 'full') THEN true"
          + " WHEN lower(trim(CAST(is_full_refund AS VARCHAR))) IN"
          + " ('false', '部分退款', '否', '0', 'partial') THEN false END";

  private static void marts(Connection c, boolean ratings) throws SQLException {
    String dailySums = measureSums(AgentDaily.COUNTS, AgentDaily.MONEY);
    execute(c, sql("agent_daily", Map.of(
        "ratings_part", ratings ? sql("agent_ratings", Map.of()) : "",
        "measure_sums", dailySums)));
    execute(c, sql("agent_metrics", Map.of("measure_sums", dailySums)));
    execute(c, sql("inquiry_buyer_days", Map.of()));
    // the inquiry counts are the shop's, added to its main category after the sums
    execute(c, sql("category_metrics", Map.of("measure_sums", measureSums(
        java.util.Arrays.stream(CategoryMetrics.COUNTS)
            .filter(m -> !CategoryMetrics.INQUIRY_COUNTS.contains(m)).toArray(String[]::new),
        CategoryMetrics.MONEY))));
    execute(c, sql("shop_metrics", Map.of(
        "measure_sums", measureSums(ShopMetrics.COUNTS, ShopMetrics.MONEY),
        "ratings_part", ratings ? sql("shop_ratings", Map.of("rolling_days",
            String.valueOf(RatingFacts.DEFAULT_ROLLING_DAYS))) : "",
        "dsr_sums", dsrSums(ratings),
        "dsr_measures", String.join(", ", dsrMeasures()),
        "dsr_columns", dsrColumns(ratings))));
  }

  /** The shops' DSR sums (ShopMetrics): 0 when no rating is in the period, null without ratings. */
  static String dsrSums(boolean ratings) {
    List<String> sums = new ArrayList<>();
    for (String m : dsrMeasures()) {
      sums.add(ratings ? "CAST(coalesce(sum(" + m + "), 0) AS BIGINT) AS " + m
          : "CAST(NULL AS BIGINT) AS " + m);
    }
    return String.join(",\n    ", sums);
  }

  /** The DSR measures summed per shop and period (the rolling ones are not mart columns). */
  static List<String> dsrMeasures() {
    List<String> measures = new ArrayList<>(List.of("dsr_rated_orders",
        "dsr_rolling_rated_orders"));
    for (String score : RatingFacts.SCORES) {
      for (String prefix : List.of("dsr_", "dsr_rolling_")) {
        measures.add(prefix + score + "_sum");
        measures.add(prefix + score + "_count");
      }
    }
    return measures;
  }

  /** The shops' DSR columns of the mart from {@link #dsrSums}. */
  static String dsrColumns(boolean ratings) {
    List<String> columns = new ArrayList<>();
    columns.add("dsr_rated_orders");
    for (String score : RatingFacts.SCORES) {
      columns.add("dsr_" + score + "_sum");
      columns.add("dsr_" + score + "_count");
    }
    for (String score : RatingFacts.SCORES) {
      columns.add("ratio(dsr_" + score + "_sum, dsr_" + score + "_count) AS dsr_" + score
          + "_avg");
    }
    columns.add((ratings ? String.valueOf(RatingFacts.DEFAULT_ROLLING_DAYS) : "CAST(NULL AS"
        + " INTEGER)") + " AS dsr_rolling_days");
    columns.add("dsr_rolling_rated_orders");
    for (String score : RatingFacts.SCORES) {
      columns.add("ratio(dsr_rolling_" + score + "_sum, dsr_rolling_" + score
          + "_count) AS dsr_rolling_" + score + "_avg");
    }
    return String.join(",\n  ", columns);
  }

  /** Each measure summed per key, 0 when no part has it: counts BIGINT, money DECIMAL(14,2). */
  static String measureSums(String[] counts, String[] money) {
    List<String> sums = new ArrayList<>();
    for (String m : counts) {
      sums.add("CAST(coalesce(sum(" + m + "), 0) AS BIGINT) AS " + m);
    }
    for (String m : money) {
      sums.add("CAST(coalesce(sum(" + m + "), 0) AS DECIMAL(14, 2)) AS " + m);
    }
    return String.join(",\n    ", sums);
  }

  /** The resource {@code kefu/bench/<name>.sql} with its {@code {placeholders}} filled in. */
  static String sql(String name, Map<String, String> values) {
    String text;
    try (InputStream in = DuckDbBaseline.class.getResourceAsStream(name + ".sql")) {
      if (in == null) {
        throw new IllegalStateException("missing resource kefu/bench/" + name + ".sql");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Map.Entry<String, String> v : values.entrySet()) {
      text = text.replace("{" + v.getKey() + "}", v.getValue());
    }
    return text.strip().replaceAll(";$", "");
  }

  private static void copyOut(Connection c, String table, String outDir) throws SQLException {
    execute(c, "COPY " + table + " TO "
        + literal(Paths.get(outDir, table + ".parquet").toString()) + " (FORMAT parquet)");
  }

  static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static Set<String> columns(Connection c, String table) throws SQLException {
    Set<String> names = new HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("DESCRIBE " + table)) {
      while (r.next()) {
        names.add(r.getString(1));
      }
    }
    return names;
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static boolean hasParquet(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A SQL string literal (single quotes doubled). */
  static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
