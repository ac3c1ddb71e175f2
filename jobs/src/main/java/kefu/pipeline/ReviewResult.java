package kefu.pipeline;

import java.util.List;

/** What a finished review tells its caller: where the report is and what it found. */
public record ReviewResult(
    String outDir, String workbook, List<StageLog.Stage> stages, List<String> headlines) {}
