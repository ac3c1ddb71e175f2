package kefu.generate;

/**
 * Row counts of what one generator run wrote (files, not including headers);
 * {@code agentDays} (售前明细 rows, one per agent and day) and {@code shopDays} (分时接待 rows, one
 * per shop and day) are 0 unless the per-agent exports were asked for.
 */
public record GeneratorSummary(long orders, long orderLines, long refunds, long ratings,
    long chatMessages, long agents, long agentDays, long shopDays, String outDir) {

  /** The same counts for a sample now in {@code dir}. */
  public GeneratorSummary in(String dir) {
    return new GeneratorSummary(orders, orderLines, refunds, ratings, chatMessages, agents,
        agentDays, shopDays, dir);
  }
}
