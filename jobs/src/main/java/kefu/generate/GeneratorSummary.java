package kefu.generate;

/** Row counts of what one generator run wrote (files, not including headers). */
public record GeneratorSummary(long orders, long orderLines, long refunds, long ratings,
    long chatMessages, long agents, String outDir) {}
