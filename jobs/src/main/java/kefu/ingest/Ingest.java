package kefu.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.List;
import java.util.Map;
import kefu.canonical.CanonicalSchema;
import kefu.spark.WrittenTable;
import kefu.table.LocalTable;
import kefu.table.ParquetTableWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;

/**
 * Raw exports to canonical Parquet tables plus quarantined rejects, reconciled per input file.
 * Files are listed on the driver and parsed on the executors, one task per file; cross-row rules
 * (sub-orders, duplicates, refunds against orders, twcs conversations) run as Spark joins. Chat
 * messages, which need no other row, are written into the canonical chats by the parse itself.
 */
public final class Ingest {
  private Ingest() {}

  static final List<String> TABLES = List.of("orders", "refunds", "ratings", "chats", "agents");
  /** Scratch for the parsed rows, inside the canonical folder and removed after ingest. */
  private static final String PARSED_DIR = "parsed-rows";

  /**
   * Parses every input, writes {@code <canonicalDir>/<table>/} and {@code <rejectsDir>/} as
   * Parquet, returns the tables read back from that Parquet.
   *
   * @throws InputError for an unreadable file, a file whose headers match no known format of its
   *     table, or (strict mode) the first rejected row
   */
  public static IngestedTables run(SparkSession spark, InputPaths inputs, IngestOptions options,
      String canonicalDir, String rejectsDir) {
    return run(spark, ListedInputs.check(inputs, spark.sparkContext().hadoopConfiguration()),
        options, canonicalDir, rejectsDir);
  }

  /** As above, for inputs listed and checked before Spark started. */
  public static IngestedTables run(SparkSession spark, ListedInputs inputs,
      IngestOptions options, String canonicalDir, String rejectsDir) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Map<String, List<FileParser.Task>> tasks = inputs.tasks();
    ParseContext ctx = new ParseContext(options.timeZone(),
        new Pseudonymizer(options.pseudonymKey()), options.categories(), options.defaultShop(),
        options.keepChatText());
    Path parsedDir = new Path(canonicalDir, PARSED_DIR);
    String chatsDir = new Path(canonicalDir, "chats").toString();
    List<Dataset<Row>> cached = new ArrayList<>();
    try {
      CollectionAccumulator<ParsedFile> parsedFiles =
          spark.sparkContext().collectionAccumulator("kefu parsed files");
      Map<String, String> confEntries = new HashMap<>();
      conf.forEach(e -> confEntries.put(e.getKey(), e.getValue()));
      AgentExports.Result exports = AgentExports.read(confEntries, inputs.agentExportTasks(),
          ctx, parsedFiles);
      // The parse writes the chat messages into this table beside its empty first part.
      ParquetTableWriter.write(LocalTable.empty(CanonicalChatParts.SCHEMA), chatsDir, conf);
      Dataset<Row> parsed = parse(spark, conf, tasks, inputs.hasQianniuChats(), ctx, parsedDir,
          chatsDir, parsedFiles, confEntries);
      List<ParsedFile> fileRows = fileRows(parsedFiles);
      // Tables and formats that no file produced become empty local relations, which Spark
      // optimises away instead of running their joins.
      Set<String> present = new HashSet<>();
      for (ParsedFile f : fileRows) {
        if (f.rowsRead() > 0) {
          present.add(f.table());
          present.add(f.format().replaceAll("/.*", ""));
        }
      }
      Dataset<Row> none = spark.createDataFrame(new ArrayList<Row>(), Parsed.SCHEMA);
      Dataset<Row> parsedRows = parsed.filter(col("kind").equalTo(Parsed.ROW));
      Function<String, Dataset<Row>> rowsOf = t -> present.contains(t) ? table(parsedRows, t) : none;

      // Ranked rows of a table that repeats a key, order facts and resolved tweets are read by
      // several outputs (canonical table, rejects, counts): kept once instead of re-running
      // their shuffles for each.
      UnaryOperator<Dataset<Row>> keep = d -> {
        cached.add(d.persist(StorageLevel.MEMORY_AND_DISK()));
        return d;
      };
      // One query says which tables repeat a key. A table no file gave a row has none to look
      // for, and one whose files' keys were seen not to repeat (FileKeys) needs no query.
      Set<String> unrepeated = FileKeys.unrepeated(fileRows);
      Map<String, Dataset<Row>> keyed = new HashMap<>();
      Duplicates.KEYS.keySet().stream().filter(present::contains)
          .filter(t -> !unrepeated.contains(t))
          .forEach(t -> keyed.put(t, rowsOf.apply(t)));
      Set<String> repeating = Duplicates.repeating(keyed);
      // A table without repeats has no shuffle to keep: its parsed Parquet is read again, which
      // costs less than building the cache (18% of ingest's sampled task CPU at 1M orders).
      Function<String, Dataset<Row>> rankedOf = t -> {
        if (!present.contains(t)) {
          return Duplicates.unique(none);
        }
        boolean repeats = repeating.contains(t);
        Dataset<Row> ranked = Duplicates.ranked(rowsOf.apply(t), repeats, Duplicates.KEYS.get(t));
        return repeats ? keep.apply(ranked) : ranked;
      };
      OrdersAssembly.Result orders = OrdersAssembly.assemble(rankedOf.apply("orders"));
      Map<String, Dataset<Row>> written = new HashMap<>();
      // The orders first: refunds and ratings are checked against the written orders, a scan of
      // three columns, instead of assembling the orders' lines and heads again.
      written.put("orders", write(spark, present.contains("orders"),
          canonical(orders.orders(), CanonicalSchema.ORDERS), canonicalDir, "orders"));
      Dataset<Row> orderFacts = keep.apply(RefundChecks.orderFacts(written.get("orders")));
      RefundChecks.Result refunds = RefundChecks.refunds(
          rankedOf.apply("refunds"), orderFacts,
          !inputs.paths().orders().isEmpty());
      RefundChecks.Result ratings = RefundChecks.ratings(
          rankedOf.apply("ratings"), orderFacts);
      // The parse wrote the other chat formats' messages (CanonicalChatParts): the parsed chat
      // rows are twcs tweets. Only the columns twcs needs go through its joins (smaller
      // shuffles and generated code).
      Dataset<Row> tweets = TwcsLinks.resolve((present.contains("twcs")
          ? rowsOf.apply("chats") : none).select(TwcsLinks.COLUMNS));
      if (present.contains("twcs")) {
        tweets = keep.apply(tweets);
      }
      Dataset<Row> agentsRanked = rankedOf.apply("agents");

      Dataset<Row> parseRejects = parsed.filter(col("kind").equalTo(Parsed.REJECT));
      Dataset<Row> rejects = RejectRows.fromParsed(parseRejects)
          .unionByName(orders.rejects())
          .unionByName(refunds.rejects())
          .unionByName(ratings.rejects())
          .unionByName(TwcsLinks.rejects(tweets))
          .unionByName(RejectRows.of(Duplicates.repeats(agentsRanked), "agent_id",
              col("agent_id"), org.apache.spark.sql.functions.lit("duplicate agent")));
      if (!exports.rejects().isEmpty()) {
        // a local relation: no job of its own, it goes out with the other rejects
        rejects = rejects.unionByName(
            spark.createDataFrame(exports.rejects(), CanonicalSchema.REJECTS));
      }
      if (options.strict()) {
        failOnFirstReject(rejects);
      }
      written.put("refunds", write(spark, present.contains("refunds"),
          canonical(refunds.accepted(), CanonicalSchema.REFUNDS,
              CanonicalMapper.REFUND_EXTRAS.toArray(String[]::new)),
          canonicalDir, "refunds"));
      written.put("ratings", write(spark, present.contains("ratings"),
          canonical(ratings.accepted(), CanonicalSchema.RATINGS), canonicalDir, "ratings"));
      if (present.contains("twcs")) {
        canonical(TwcsLinks.placed(tweets), CanonicalSchema.CHATS).write().mode(SaveMode.Append)
            .parquet(chatsDir);
      }
      written.put("chats", WrittenTable.read(spark, chatsDir, CanonicalChatParts.SCHEMA).table());
      written.put("agents", write(spark, present.contains("agents"),
          canonical(Duplicates.firsts(agentsRanked), CanonicalSchema.AGENTS, "source_file",
              "source_line"), canonicalDir, "agents"));
      rejects.orderBy("table", "source_file", "source_line")
          .write().mode(SaveMode.Overwrite).parquet(rejectsDir);
      Dataset<Row> rejectsBack = WrittenTable.read(spark, rejectsDir, rejects.schema()).table();

      // Written only when exports are given: the canonical folders of other runs stay as they were.
      for (String table : inputs.agentExportTasks().isEmpty() ? List.<String>of()
          : AgentExports.TABLES) {
        ParquetTableWriter.write(table.equals("agent_days") ? exports.agentDays()
            : exports.receptionHours(), new Path(canonicalDir, table).toString(), conf);
      }
      Reconciliation.Counts counts = Reconciliation.count(written, rejectsBack,
          orders.consumed()).withDriverTables(exports.accepted(),
              Map.of("agent_days", exports.rows("agent_days"),
                  "reception_hours", exports.rows("reception_hours")));
      return new IngestedTables(written.get("orders"), written.get("refunds"),
          written.get("ratings"), written.get("chats"), written.get("agents"), rejectsBack,
          Reconciliation.of(fileRows, counts), counts.rejectReasons(), counts.rows(),
          exports.agentDays(), exports.receptionHours());
    } finally {
      cached.forEach(Dataset::unpersist);
      deleteQuietly(conf, parsedDir);
    }
  }

  /**
   * Writes a canonical table and reads it back ({@link WrittenTable}: an empty one as an empty
   * relation); a table no file gave a row is written from the driver, with no query for it.
   */
  private static Dataset<Row> write(SparkSession spark, boolean present, Dataset<Row> table,
      String canonicalDir, String name) {
    String dir = new Path(canonicalDir, name).toString();
    if (present) {
      table.write().mode(SaveMode.Overwrite).parquet(dir);
    } else {
      ParquetTableWriter.write(LocalTable.empty(table.schema()), dir,
          spark.sparkContext().hadoopConfiguration());
    }
    return WrittenTable.read(spark, dir, table.schema()).table();
  }

  /**
   * Parses every file once, each table's into {@code dir/<table>} as {@link Parsed#schemaOf} that
   * table, and reads them back as one relation of {@link Parsed#SCHEMA}. The parsed rows feed
   * every output (canonical tables, rejects, file facts); as Parquet each of those scans reads
   * only its table and columns, and a history bigger than memory spills no cached blocks (the
   * cached wide rows took spark.local.dir to 34 GB at 10M orders). Chat messages other than twcs
   * tweets go straight into {@code chatsDir} instead ({@link CanonicalChatParts}).
   */
  private static Dataset<Row> parse(SparkSession spark, Configuration conf,
      Map<String, List<FileParser.Task>> tasks, boolean qianniuChats, ParseContext ctx, Path dir,
      String chatsDir, CollectionAccumulator<ParsedFile> parsedFiles,
      Map<String, String> confEntries) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Map<String, Dataset<Row>> byTable = new HashMap<>();
    ParseContext chatsCtx = ctx;
    if (qianniuChats && !tasks.getOrDefault("agents", List.of()).isEmpty()) {
      // A 千牛 text record names agents by nickname only: the roster, parsed first, says which
      // nicknames without a shop prefix are agents.
      Dataset<Row> agents = parseTable(spark, jsc, "agents", tasks.get("agents"),
          new FileParser(confEntries, ctx, parsedFiles), dir);
      byTable.put("agents", agents);
      chatsCtx = ctx.withRoster(rosterShops(agents));
    }
    Dataset<Row> parsed = spark.createDataFrame(new ArrayList<Row>(), Parsed.SCHEMA);
    for (Map.Entry<String, List<FileParser.Task>> table : tasks.entrySet()) {
      List<FileParser.Task> files = table.getValue();
      if (files.isEmpty()) {
        continue;
      }
      Dataset<Row> rows = byTable.get(table.getKey());
      if (rows == null) {
        FlatMapFunction<FileParser.Task, Row> parser = "chats".equals(table.getKey())
            ? new CanonicalChatParts(new FileParser(confEntries, chatsCtx, parsedFiles), chatsDir)
            : new FileParser(confEntries, ctx, parsedFiles);
        rows = parseTable(spark, jsc, table.getKey(), files, parser, dir);
      }
      parsed = parsed.unionByName(rows, true);
    }
    return parsed;
  }

  /** Parses one table's files into {@code dir/<table>} and reads them back. */
  private static Dataset<Row> parseTable(SparkSession spark, JavaSparkContext jsc, String table,
      List<FileParser.Task> files, FlatMapFunction<FileParser.Task, Row> parser, Path dir) {
    StructType schema = Parsed.schemaOf(table);
    String tableDir = new Path(dir, table).toString();
    JavaRDD<Row> rows = jsc.parallelize(files, files.size()).flatMap(parser);
    // Scratch read once by a few scans: dictionary-encoding its ids, timestamps and texts cost
    // more hashing than it saves in reading.
    spark.createDataFrame(rows, schema).write().mode(SaveMode.Overwrite)
        .option(ParquetOutputFormat.ENABLE_DICTIONARY, "false").parquet(tableDir);
    return spark.read().schema(schema).parquet(tableDir);
  }

  /** The roster's agent ids and their shops (null when the roster names none). */
  private static Map<String, String> rosterShops(Dataset<Row> parsedAgents) {
    Map<String, String> shops = new HashMap<>();
    for (Row r : parsedAgents.filter(col("kind").equalTo(Parsed.ROW))
        .select("agent_id", "shop_id").collectAsList()) {
      if (r.getString(0) != null) {
        shops.putIfAbsent(r.getString(0), r.getString(1));
      }
    }
    return shops;
  }

  private static void deleteQuietly(Configuration conf, Path dir) {
    try {
      dir.getFileSystem(conf).delete(dir, true);
    } catch (java.io.IOException e) {
      // Scratch inside the run's staging folder: a leftover goes with the folder.
    }
  }

  /**
   * The facts of every input file, by table and file (a retried task may have reported its file
   * twice: the same facts); a fatal problem stops the run.
   */
  private static List<ParsedFile> fileRows(CollectionAccumulator<ParsedFile> parsed) {
    java.util.TreeMap<String, ParsedFile> files = new java.util.TreeMap<>();
    for (ParsedFile f : parsed.value()) {
      files.put(f.table() + "\u0000" + f.path(), f);
    }
    for (ParsedFile f : files.values()) {
      if (f.fatalError() != null) {
        throw new InputError(f.fatalError());
      }
    }
    return List.copyOf(files.values());
  }

  private static Dataset<Row> table(Dataset<Row> rows, String table) {
    return rows.filter(col("table").equalTo(table))
        .select(Parsed.columnsOf(table).stream().map(c -> col(c)).toArray(Column[]::new));
  }

  private static Dataset<Row> canonical(Dataset<Row> rows, org.apache.spark.sql.types.StructType
      schema, String... extras) {
    List<Column> columns = new ArrayList<>();
    for (StructField f : schema.fields()) {
      columns.add(col(f.name()).cast(f.dataType()).as(f.name()));
    }
    for (String extra : extras) {
      columns.add(col(extra));
    }
    return rows.select(columns.toArray(new Column[0]));
  }

  private static void failOnFirstReject(Dataset<Row> rejects) {
    List<Row> first = rejects.orderBy("source_file", "source_line").limit(1).collectAsList();
    if (!first.isEmpty()) {
      Row r = first.get(0);
      throw InputError.at(r.getString(1), r.getLong(2), r.getString(3),
          "an acceptable value (strict mode): " + r.getString(5), r.getString(4));
    }
  }

}
