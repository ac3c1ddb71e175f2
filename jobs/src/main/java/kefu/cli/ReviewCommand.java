package kefu.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import kefu.derive.DeriveRules;
import kefu.derive.Judgment;
import kefu.ingest.InputPaths;
import kefu.marts.Period;
import kefu.pipeline.ReviewResult;
import kefu.pipeline.ReviewRun;
import kefu.pipeline.ReviewSettings;
import kefu.pipeline.RunClock;
import kefu.pipeline.StageLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kefu review}: one period's review from the shop's exports. */
@Command(name = "review", mixinStandardHelpOptions = true,
    description = "Review one period: ingest the exports, derive receptions, inquiries and "
        + "attribution, compute the marts and write the workbook. Paths may be files, folders "
        + "or globs, local, hdfs:// or s3a://.")
public final class ReviewCommand implements Callable<Integer> {
  @Option(names = "--orders", required = true, arity = "1..*", paramLabel = "PATH",
      description = "订单报表 / 宝贝报表 exports (GBK or UTF-8 CSV, XLSX) or canonical files.")
  List<String> orders;

  @Option(names = "--refunds", arity = "1..*", paramLabel = "PATH",
      description = "退款导出 files.")
  List<String> refunds = List.of();

  @Option(names = "--ratings", arity = "1..*", paramLabel = "PATH",
      description = "DSR 评价 exports.")
  List<String> ratings = List.of();

  @Option(names = "--chats", arity = "1..*", paramLabel = "PATH",
      description = "聊天记录 exports (message grain) or twcs.csv.")
  List<String> chats = List.of();

  @Option(names = "--agents", paramLabel = "PATH", description = "Agent roster (CSV/XLSX).")
  String agents;

  @Option(names = "--agent-exports", arity = "1..*", paramLabel = "PATH",
      description = "赤兔/千牛/生意参谋 per-agent exports (售前明细, 工作量, 绩效汇总, 人均日接入, "
          + "售前导入) and 分时接待, CSV or XLSX, each recognised by its header. Without --chats "
          + "the review's agent figures, pay and staffing come from them.")
  List<String> agentExports = List.of();

  @Option(names = "--period", required = true, paramLabel = "PERIOD",
      converter = PeriodConverter.class,
      description = "The period to review, exactly as 2025Q4 (quarter, capital Q), 2025-10 "
          + "(month, two digits) or 2025 (year).")
  Period period;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder (default: reports/<run-id>/ of the kefu checkout).")
  String out;

  @Option(names = "--shop", paramLabel = "NAME",
      description = "Shop of exports that have no 店铺名称/店铺Id column (default: the file "
          + "name without extension, with a warning).")
  String shop;

  @Option(names = "--strict", description = "Fail on the first rejected row instead of "
      + "quarantining it.")
  boolean strict;

  @Option(names = "--keep-chat-text", description = "Keep chat message text (personal data) "
      + "in the canonical chats table; it is dropped by default.")
  boolean keepChatText;

  @Option(names = "--judgment", defaultValue = "PAYMENT", paramLabel = "RULE",
      description = "Which agent gets the sale: PAYMENT (落实付款, default) or ORDER (落实下单).")
  Judgment judgment;

  @Option(names = "--attribution-window", defaultValue = "1", paramLabel = "DAYS",
      description = "Days before the order (besides its own day) a reception still earns "
          + "credit (default: ${DEFAULT-VALUE}).")
  int attributionWindowDays;

  @Option(names = "--session-gap", defaultValue = "30", paramLabel = "MINUTES",
      description = "Silence that splits two receptions (default: ${DEFAULT-VALUE}).")
  int sessionGapMinutes;

  @Option(names = "--bot-replies-count", description = "Count bot replies as the agent's.")
  boolean botRepliesCount;

  @Mixin CommonOptions common;

  @Mixin LanguageOption lang;

  @Mixin NotebookOption notebook;

  @Override
  public Integer call() {
    ReviewResult result = new ReviewRun(settings(), new StageLog(System.err, common.quiet))
        .execute();
    Printing.result(result);
    return ExitCodes.OK;
  }

  ReviewSettings settings() {
    String runId = runId(period);
    DeriveRules defaults = DeriveRules.defaults();
    DeriveRules rules = new DeriveRules(sessionGapMinutes, botRepliesCount,
        defaults.inquiryLookbackDays(), attributionWindowDays, judgment);
    return new ReviewSettings(
        new InputPaths(orders, refunds, ratings, chats,
            agents == null ? List.of() : List.of(agents), agentExports),
        common.configDir(), period.label(),
        out != null ? out : CommonOptions.home().resolve("reports").resolve(runId).toString(),
        shop, common.timeZone, rules, strict, keepChatText, common.quiet, runId,
        lang.language(), notebook.dir(out != null));
  }

  /**
   * "2025Q4-20260105-080000": the period and when the run says it was generated, in the machine's
   * time zone; SOURCE_DATE_EPOCH pins it like the workbook's dates, so equal runs have equal ids.
   */
  static String runId(Period period) {
    return runId(period, RunClock.generatedAt(), ZoneId.systemDefault());
  }

  static String runId(Period period, Instant generatedAt, ZoneId zone) {
    return period.label() + "-" + generatedAt.atZone(zone)
        .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  }
}
