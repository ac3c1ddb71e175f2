package kefu.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import kefu.generate.GeneratorOptions;
import kefu.generate.GeneratorSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kefu generate}: a realistic, seeded shop history in the Taobao export formats. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Generate a seeded, deterministic shop history (orders, sub-orders, refunds, "
        + "DSR ratings, chats, agent roster) in the Taobao/千牛 export formats.")
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  String out;

  @Option(names = "--orders", defaultValue = "200000", paramLabel = "N",
      description = "Orders to generate (default: ${DEFAULT-VALUE}).")
  long orders;

  @Option(names = "--shops", defaultValue = "4", paramLabel = "N",
      description = "Shops (default: ${DEFAULT-VALUE}).")
  int shops;

  @Option(names = "--seed", defaultValue = "20251111", paramLabel = "S",
      description = "Random seed: the same seed gives the same files (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--from", defaultValue = "2024-01-01", paramLabel = "DATE",
      description = "First day (default: ${DEFAULT-VALUE}).")
  LocalDate from;

  @Option(names = "--to", defaultValue = "2025-12-31", paramLabel = "DATE",
      description = "Last day, inclusive (default: ${DEFAULT-VALUE}).")
  LocalDate to;

  @Option(names = "--chat-format", defaultValue = "csv", paramLabel = "csv|qianniu",
      description = "csv: the chats as 聊天记录 CSV in chats/ (default); qianniu: also as 千牛 chat "
          + "records in text, one file per shop in chats-qianniu/ (read with --chats like the "
          + "CSV).")
  String chatFormat;

  @Option(names = "--agent-exports", paramLabel = "",
      description = "Also write the 赤兔 per-agent exports of the same history: 售前明细 (one row "
          + "per agent and day) in chitu-presales/ and 分时接待 (receptions by hour) in "
          + "chitu-hourly/, one GBK CSV per shop, with the figures kefu computes from the "
          + "sample's chats and orders.")
  boolean agentExports;

  @Mixin MessagesPerOrderOption messages;

  @Mixin GzipOption compression;

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (to.isBefore(from)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--to " + to + " is before --from " + from);
    }
    if (!chatFormat.equals("csv") && !chatFormat.equals("qianniu")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--chat-format " + chatFormat + ": expected csv or qianniu");
    }
    GeneratorOptions options = new GeneratorOptions(out, orders, shops, seed, from, to,
        common.timeZone, messages.value(), compression.gzip);
    if (chatFormat.equals("qianniu")) {
      options = options.withQianniuChats();
    }
    if (agentExports) {
      options = options.withAgentExports();
    }
    GeneratorSummary summary = SampleData.generate(options, common);
    System.out.printf("Generated %,d orders, %,d sub-orders, %,d refunds, %,d ratings, "
        + "%,d chat messages, %,d agents%s into %s%n", summary.orders(), summary.orderLines(),
        summary.refunds(), summary.ratings(), summary.chatMessages(), summary.agents(),
        agentExports ? String.format(", %,d 售前明细 agent-days and %,d 分时接待 shop-days",
            summary.agentDays(), summary.shopDays()) : "",
        summary.outDir());
    return ExitCodes.OK;
  }
}
