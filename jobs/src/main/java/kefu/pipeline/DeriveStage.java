package kefu.pipeline;

import java.util.List;
import kefu.derive.DeriveRules;
import kefu.derive.Inquiries;
import kefu.derive.OrderAttribution;
import kefu.derive.Receptions;
import kefu.derive.RefundAttribution;
import kefu.ingest.FileReconciliation;
import kefu.ingest.IngestedTables;
import kefu.spark.WrittenTable;
import kefu.table.LocalTable;
import kefu.table.ParquetTableWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;

/**
 * The derived facts of domain brief Part 1 (kefu.derive): receptions, inquiries, attributed
 * orders and refunds, each written once under {@code derived/} and read back, so later stages
 * scan column-pruned files instead of recomputing them.
 */
final class DeriveStage implements Stage<DeriveStage.Input, DeriveStage.Result> {

  record Input(SparkSession spark, IngestedTables tables, DeriveRules rules,
      OutputFolder folder) {}

  /** The derived tables as written, and their rows (from the files' footers, not a query). */
  record Result(Dataset<Row> receptions, Dataset<Row> inquiries, Dataset<Row> orders,
      Dataset<Row> refunds, Rows rows) {}

  record Rows(long receptions, long inquiries, long orders, long refunds) {
    long total() {
      return receptions + inquiries + orders + refunds;
    }
  }

  @Override
  public String name() {
    return "derive";
  }

  @Override
  public List<Mart> marts() {
    return List.of();
  }

  @Override
  public Result run(Input in) {
    IngestedTables t = in.tables();
    DeriveRules rules = in.rules();
    WrittenTable receptions = write(in, Receptions.build(t.chats(), rules), "receptions");
    WrittenTable inquiries = write(in, Inquiries.build(receptions.table(), t.orders(), rules),
        "inquiries");
    WrittenTable orders = write(in,
        OrderAttribution.attribute(t.orders(), receptions.table(), rules), "attributed_orders");
    // No refunds table (or an empty one, as ingest counted): the orders' refund_amount column.
    WrittenTable refunds = write(in, t.rows().getOrDefault("refunds", 0L) > 0
        ? RefundAttribution.fromRefunds(t.refunds(), orders.table())
        : RefundAttribution.fromOrderColumn(orders.table()), "attributed_refunds");
    return new Result(receptions.table(), inquiries.table(), orders.table(), refunds.table(),
        new Rows(receptions.rows(), inquiries.rows(), orders.rows(), refunds.rows()));
  }

  @Override
  public StageLog.Counts counts(Input in, Result r) {
    return new StageLog.Counts(FileReconciliation.rowsAccepted(in.tables().files()),
        r.rows().receptions() + r.rows().orders());
  }

  /**
   * Writes a derived table and reads it back. A table the optimiser proves empty (no chats: no
   * receptions, no inquiries) is written from the driver, with no physical plan or job for it.
   */
  private static WrittenTable write(Input in, Dataset<Row> ds, String name) {
    String path = in.folder().staging("derived/" + name);
    if (ds.queryExecution().optimizedPlan() instanceof LocalRelation r && r.data().isEmpty()) {
      ParquetTableWriter.write(LocalTable.empty(ds.schema()), path,
          in.spark().sparkContext().hadoopConfiguration());
    } else {
      ds.write().mode(SaveMode.Overwrite).parquet(path);
    }
    return WrittenTable.read(in.spark(), path, ds.schema());
  }
}
