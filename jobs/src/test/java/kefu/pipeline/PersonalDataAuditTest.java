package kefu.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import kefu.derive.DeriveRules;
import kefu.ingest.InputPaths;
import kefu.ingest.PseudonymKey;
import kefu.ingest.Pseudonymizer;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An adversary's audit of a run's outputs: the buyers' member names, Alipay accounts, receiver
 * names, addresses and phones of the inputs appear nowhere in what the run writes (Parquet,
 * workbook, JSON, charts' SVG text, notebook, the run's log), and neither does the key.
 */
class PersonalDataAuditTest {
  @TempDir Path tmp;

  /** Mainland mobile numbers, however they were cut out of a cell. */
  static final String PHONE = "1[3-9][0-9]{9}";

  @Test
  void noBuyerIdentityOrKeyReachesAnyOutput() throws Exception {
    SparkSession spark = SparkTestSession.get();
    Path sample = tmp.resolve("sample");
    kefu.generate.ShopHistoryGenerator.generate(spark, new kefu.generate.GeneratorOptions(
        sample.toString(), 1500, 1, 3, LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31),
        "Asia/Shanghai"), kefu.calendar.PromotionCalendar.defaults());
    Secrets secrets = Secrets.of(spark, sample);
    assertTrue(secrets.exact.size() > 100 && !secrets.phones.isEmpty(), "inputs carry identities");

    Path config = Files.createDirectories(tmp.resolve("config"));
    Files.copy(ReviewRunTest.REPO.resolve("data/config/categories.csv"),
        config.resolve("categories.csv"));
    Path out = tmp.resolve("review");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    InputPaths inputs = kefu.cli.DemoCommand.sampleInputs(sample);
    new ReviewRun(new ReviewSettings(inputs, config.toString(), "2025Q4", out.toString(), null,
        "Asia/Shanghai", DeriveRules.defaults(), false, false, false, "audit"),
        new StageLog(new PrintStream(log, true, StandardCharsets.UTF_8), false)).execute(spark);

    Path keyFile = config.resolve(PseudonymKey.FILE_NAME);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)),
        "the key is readable by its owner only");
    byte[] key = Files.readAllBytes(keyFile);
    secrets.exact.add(HexFormat.of().formatHex(key));
    secrets.exact.add(java.util.Base64.getEncoder().encodeToString(key));

    List<String> leaks = new ArrayList<>();
    leaks.addAll(secrets.findIn("run log", log.toString(StandardCharsets.UTF_8)));
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (Files.isDirectory(f) && Files.exists(f.resolve("_SUCCESS"))) {
          leaks.addAll(secrets.findInParquet(spark, f));
        } else if (name.endsWith(".xlsx")) {
          leaks.addAll(secrets.findIn(f.toString(), xlsxText(f)));
        } else if (name.matches(".*\\.(json|svg|html|ipynb|csv|txt|log)$")) {
          leaks.addAll(secrets.findIn(f.toString(), Files.readString(f)));
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void pseudonymsFromDifferentKeysCannotBeJoined() {
    Pseudonymizer a = new Pseudonymizer(new byte[32]);
    byte[] other = new byte[32];
    other[0] = 1;
    Pseudonymizer b = new Pseudonymizer(other);
    assertEquals(a.pseudonym("tb123456789_01"), a.pseudonym("tb123456789_01"));
    assertNotEquals(a.pseudonym("tb123456789_01"), b.pseudonym("tb123456789_01"));
  }

  /** The identities the generated exports carry, read straight from the raw GBK files. */
  record Secrets(Set<String> exact, Set<String> phones) {
    static Secrets of(SparkSession spark, Path sample) {
      Dataset<Row> orders = spark.read().option("header", true).option("encoding", "GB18030")
          .option("multiLine", true).csv(sample.resolve("orders").toString());
      Set<String> exact = new LinkedHashSet<>();
      for (String c : List.of("买家会员名", "买家支付宝账号", "收货人姓名", "收货地址")) {
        exact.addAll(orders.select(col(c)).where(col(c).isNotNull()).distinct()
            .as(Encoders.STRING()).collectAsList());
      }
      Set<String> phones = new LinkedHashSet<>(orders.selectExpr(
          "regexp_extract(`联系手机`, '" + PHONE + "', 0)").distinct().as(Encoders.STRING())
          .collectAsList());
      phones.remove("");
      Dataset<Row> chats = spark.read().option("header", true).option("encoding", "GB18030")
          .option("multiLine", true).csv(sample.resolve("chats").toString());
      exact.addAll(chats.select("买家昵称").distinct().as(Encoders.STRING()).collectAsList());
      exact.removeIf(s -> s == null || s.isBlank());
      return new Secrets(exact, phones);
    }

    /**
     * Long identities (member names, accounts, addresses) anywhere in the text; short ones
     * (a two-character receiver name) only as a whole cell or field, so "王伟" is not found
     * inside an unrelated word.
     */
    List<String> findIn(String where, String text) {
      List<String> found = new ArrayList<>();
      for (String s : exact) {
        boolean hit = s.length() >= 5 ? text.contains(s)
            : text.contains(">" + s + "<") || text.contains("\"" + s + "\"");
        if (hit) {
          found.add(where + ": " + s);
        }
      }
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![0-9])" + PHONE
          + "(?![0-9])").matcher(text);
      while (m.find()) {
        if (phones.contains(m.group())) {
          found.add(where + ": phone " + m.group());
        }
      }
      return found;
    }

    /** Every string column of the dataset, value by value (Parquet pages are compressed). */
    List<String> findInParquet(SparkSession spark, Path dir) {
      Dataset<Row> ds = spark.read().parquet(dir.toString());
      List<String> all = new ArrayList<>(exact);
      all.addAll(phones);
      Dataset<Row> secrets = spark.createDataset(all, Encoders.STRING()).toDF("secret");
      List<String> found = new ArrayList<>();
      for (StructField f : ds.schema().fields()) {
        if (!f.dataType().equals(DataTypes.StringType)) {
          continue;
        }
        Dataset<Row> values = ds.select(col(f.name()).as("v")).where(col("v").isNotNull())
            .distinct();
        values.join(org.apache.spark.sql.functions.broadcast(secrets),
                col("v").equalTo(col("secret")))
            .limit(5).collectAsList()
            .forEach(r -> found.add(dir.getFileName() + "." + f.name() + ": " + r.get(0)));
      }
      return found;
    }
  }

  /** All XML parts of the workbook (shared strings, sheets, properties) as one text. */
  static String xlsxText(Path xlsx) throws Exception {
    StringBuilder sb = new StringBuilder();
    try (InputStream in = Files.newInputStream(xlsx); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().endsWith(".xml") || e.getName().endsWith(".rels")) {
          sb.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return sb.toString();
  }
}
