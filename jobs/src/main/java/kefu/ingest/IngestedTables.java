package kefu.ingest;

import java.util.List;
import java.util.Map;
import kefu.table.LocalTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The canonical tables and quarantined rejects as written to Parquet, plus per-file
 * reconciliation, the most frequent reject reasons and the rows of each canonical table. The
 * per-agent exports' tables (agent_days, reception_hours: agents x days) are also held on the
 * driver, where the review reads them.
 */
public record IngestedTables(
    Dataset<Row> orders,
    Dataset<Row> refunds,
    Dataset<Row> ratings,
    Dataset<Row> chats,
    Dataset<Row> agents,
    Dataset<Row> rejects,
    List<FileReconciliation> files,
    List<RejectReason> rejectReasons,
    Map<String, Long> rows,
    LocalTable agentDays,
    LocalTable receptionHours) {}
