package kefu.pipeline;

import java.util.List;
import kefu.ingest.FileReconciliation;
import kefu.ingest.Ingest;
import kefu.ingest.IngestOptions;
import kefu.ingest.IngestedTables;
import kefu.ingest.ListedInputs;
import org.apache.spark.sql.SparkSession;

/**
 * Raw exports to the canonical tables and the rejects (kefu.ingest), each input file reconciled:
 * rows read = rows accepted + rows rejected.
 */
final class IngestStage implements Stage<IngestStage.Input, IngestedTables> {

  /** The files listed and checked before Spark started, and how to read them. */
  record Input(SparkSession spark, ListedInputs inputs, IngestOptions options,
      OutputFolder folder) {}

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public List<Mart> marts() {
    return List.of();
  }

  @Override
  public IngestedTables run(Input in) {
    return Ingest.run(in.spark(), in.inputs(), in.options(), in.folder().staging("canonical"),
        in.folder().staging("rejects"));
  }

  @Override
  public StageLog.Counts counts(Input in, IngestedTables tables) {
    return new StageLog.Counts(FileReconciliation.rowsRead(tables.files()),
        FileReconciliation.rowsAccepted(tables.files()));
  }
}
