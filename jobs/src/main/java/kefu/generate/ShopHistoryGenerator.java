package kefu.generate;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import kefu.calendar.PromotionCalendar;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code kefu generate}: writes a synthetic multi-shop history in the export formats of
 * docs/formats.md under options.outDir: orders/ (订单报表, two header generations), order_lines/
 * (宝贝报表), refunds/ (退款导出), ratings/ (评价), chats/ (聊天记录), all GBK CSV; agents.csv
 * (UTF-8 roster) and generator.json; when asked, the chats again as 千牛 text (chats-qianniu/) and
 * the 赤兔 per-agent exports (chitu-presales/, chitu-hourly/, {@link AgentExportFiles}). Small dimensions are built on the driver; every fact row
 * comes from exploded sequences and hash draws, so output depends only on the options.
 */
public final class ShopHistoryGenerator {
  private ShopHistoryGenerator() {}

  static final String[] OUTPUTS = {"orders", "order_lines", "refunds", "ratings", "chats",
      "agents.csv", SampleManifest.FILE, "_staging", QianniuTextExport.FOLDER,
      AgentExportFiles.PRESALES_FOLDER, AgentExportFiles.HOURLY_FOLDER};

  public static GeneratorSummary generate(SparkSession spark, GeneratorOptions options,
      PromotionCalendar calendar) {
    SampleWorld world = SampleWorld.build(options, calendar);
    Path root = new Path(options.outDir());
    FileSystem fs;
    try {
      fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CsvExport export = new CsvExport(fs, root, options.gzip());
    for (String output : OUTPUTS) {
      export.delete(output);
    }

    // One export file per ~50k orders, independent of the machine, so a run is reproducible
    // and ingest (one task per file) has work for every core.
    int partitions = (int) Math.max(1, Math.min(400, (options.orders() + 49_999) / 50_000));
    Dataset<Row> cells = spark.createDataFrame(world.cells, DailyVolume.SCHEMA)
        .repartition(partitions, col("cell"))
        .sortWithinPartitions("cell");
    // Persisted: six exports read it, and the cache stops filters from being rewritten into the
    // (large) generating expressions.
    Dataset<Row> orders = OrderHistory.build(cells, world).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> lines = OrderExports.lines(orders);

    long orderRows = export.write(OrderExports.orderReport(orders, world, false), "orders",
        "ExportOrderList");
    orderRows += export.write(OrderExports.orderReport(orders, world, true), "orders",
        "ExportOrderList-new");
    long lineRows = export.write(OrderExports.lineReport(lines, world), "order_lines",
        "ExportOrderDetailList");
    long refundRows = export.write(AfterSaleExports.refundReport(lines, world), "refunds",
        "refund-export");
    long ratingRows = export.write(AfterSaleExports.ratingReport(orders, world), "ratings",
        "dsr-ratings");
    Dataset<Row> receptions = ChatHistory.receptions(orders, cells, world);
    double lengthScale = options.messagesPerOrder() > 0
        ? ChatHistory.lengthScale(receptions, world, options.messagesPerOrder() * options.orders())
        : 1.0;
    long messageRows = export.write(ChatHistory.messages(receptions, world, lengthScale), "chats",
        "chat-records");
    if (options.qianniuChats()) {
      new QianniuTextExport(fs, root, options.gzip())
          .write(ChatHistory.withReception(receptions, world, lengthScale), world);
    }
    AgentExportFiles.Written agentExports = options.agentExports()
        ? new AgentExportFiles(fs, root).write(
            ChatHistory.withReception(receptions, world, lengthScale), lines, world)
        : new AgentExportFiles.Written(0, 0);
    orders.unpersist();
    export.writeText("agents.csv", world.roster.csv());
    export.delete("_staging");

    GeneratorSummary summary = new GeneratorSummary(orderRows, lineRows, refundRows, ratingRows,
        messageRows, world.roster.agents.size(), agentExports.agentDays(),
        agentExports.shopDays(), options.outDir());
    // Written last: its presence means the sample is complete.
    export.writeText(SampleManifest.FILE, SampleManifest.json(options, summary));
    return summary;
  }
}
