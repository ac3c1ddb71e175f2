package kefu.pipeline;

import java.util.List;

/**
 * What a finished review tells its caller: where the report and its notebook export are (the
 * notebook is null when not exported) and what it found.
 */
public record ReviewResult(String outDir, String workbook, String notebook,
    List<StageLog.Stage> stages, List<String> headlines) {}
