package kefu.generate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate: {@code orders} orders over {@code from..to} (inclusive) for {@code shops} shops,
 * written under {@code outDir}; the same options always give the same files. With
 * {@code messagesPerOrder} above 0, every chat's length is scaled so the history holds about that
 * many messages per order; at {@link #NATURAL_MESSAGES} chats keep their natural length (about 9
 * messages per order). With {@code gzip} every export file is written gzip-compressed
 * ({@code .csv.gz}), a fifth of the disk for the largest benchmark histories. With
 * {@code qianniuChats} the chat history is also written as 千牛 chat records in text
 * ({@code chats-qianniu/}, one file per shop), the shape shops copy from the chat window. With
 * {@code agentExports} the 赤兔 per-agent exports of the same history are written too
 * ({@link AgentExportFiles}: 售前明细 per agent and day, 分时接待 per shop and day), with the figures
 * kefu computes from the sample's chats and orders.
 */
public record GeneratorOptions(String outDir, long orders, int shops, long seed, LocalDate from,
    LocalDate to, String timeZone, double messagesPerOrder, boolean gzip, boolean qianniuChats,
    boolean agentExports) {

  public static final double NATURAL_MESSAGES = 0;

  public static final long DEFAULT_ORDERS = 200_000;
  public static final int DEFAULT_SHOPS = 4;
  public static final long DEFAULT_SEED = 3;
  public static final LocalDate DEFAULT_FROM = LocalDate.of(2024, 1, 1);
  public static final LocalDate DEFAULT_TO = LocalDate.of(2025, 12, 31);

  public GeneratorOptions {
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (timeZone == null || timeZone.isBlank()) {
      timeZone = "Asia/Shanghai";
    }
    if (orders < 1) {
      throw new IllegalArgumentException("orders must be positive: " + orders);
    }
    if (shops < 1 || shops > 64) {
      throw new IllegalArgumentException("shops must be 1..64: " + shops);
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to " + to + " is before from " + from);
    }
    if (!isMessagesPerOrder(messagesPerOrder)) {
      throw new IllegalArgumentException("messages per order must be 0..1000: "
          + messagesPerOrder);
    }
  }

  /** Options without the 千牛 text copy of the chats and without the per-agent exports. */
  public GeneratorOptions(String outDir, long orders, int shops, long seed, LocalDate from,
      LocalDate to, String timeZone, double messagesPerOrder, boolean gzip) {
    this(outDir, orders, shops, seed, from, to, timeZone, messagesPerOrder, gzip, false, false);
  }

  /** The same options, also writing the chats as 千牛 text records. */
  public GeneratorOptions withQianniuChats() {
    return new GeneratorOptions(outDir, orders, shops, seed, from, to, timeZone, messagesPerOrder,
        gzip, true, agentExports);
  }

  /** The same options, also writing the 赤兔 per-agent exports (售前明细, 分时接待). */
  public GeneratorOptions withAgentExports() {
    return new GeneratorOptions(outDir, orders, shops, seed, from, to, timeZone, messagesPerOrder,
        gzip, qianniuChats, true);
  }

  /** A messages-per-order setting: natural (0) up to 1,000; never NaN. */
  public static boolean isMessagesPerOrder(double m) {
    return m >= 0 && m <= 1_000;
  }

  /** Options whose chats keep their natural length. */
  public GeneratorOptions(String outDir, long orders, int shops, long seed, LocalDate from,
      LocalDate to, String timeZone) {
    this(outDir, orders, shops, seed, from, to, timeZone, NATURAL_MESSAGES, false);
  }

  /** The same options written somewhere else. */
  public GeneratorOptions withOutDir(String dir) {
    return new GeneratorOptions(dir, orders, shops, seed, from, to, timeZone, messagesPerOrder,
        gzip, qianniuChats, agentExports);
  }

  /** The defaults: 4 shops, 2024-2025, seed 3, in Asia/Shanghai. */
  public static GeneratorOptions defaults(String outDir) {
    return new GeneratorOptions(outDir, DEFAULT_ORDERS, DEFAULT_SHOPS, DEFAULT_SEED, DEFAULT_FROM,
        DEFAULT_TO, "Asia/Shanghai");
  }

  /** Number of calendar days covered. */
  public int days() {
    return (int) (to.toEpochDay() - from.toEpochDay() + 1);
  }
}
