package kefu.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DdlTest {

  @Test
  void readsEverySchemaAsSparksParserDoes() {
    for (String ddl : List.of(
        "shop_id STRING, agent_id STRING, business_date DATE",
        "shop_id STRING, month STRING, gross_pay DECIMAL(14,2), deductions decimal( 14 , 2 )",
        "n BIGINT, k INT, share DOUBLE, ok BOOLEAN, at TIMESTAMP",
        "date DATE, option STRING, month STRING",
        "  rule_id   STRING  ",
        // beyond name-type pairs of those types: Spark's own parser answers
        "m LONG, j INTEGER, s SMALLINT, t TINYINT, f FLOAT",
        "offsets ARRAY<BIGINT>, money ARRAY<DECIMAL(14,2)>",
        "shop_id STRING NOT NULL, note STRING COMMENT 'free text'",
        "`客服 id` STRING, counts MAP<STRING, BIGINT>",
        "line STRUCT<no: INT, amount: DECIMAL(14,2)>")) {
      assertEquals(StructType.fromDDL(ddl), Ddl.schema(ddl), ddl);
    }
  }

  /**
   * kefu's own code reads no SQL text, so a run never prepares Spark's SQL grammar (about a
   * second in a new JVM): schemas go through {@link Ddl}, casts take a {@code DataType}.
   */
  @Test
  void mainCodeNeverAsksSparksSqlParser() throws IOException {
    Pattern parserUse = Pattern.compile(
        "fromDDL\\(|\\.cast\\(\"|\\bexpr\\(|selectExpr\\(|\\.(filter|where)\\(\"|\\.sql\\(\"");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/kefu"))) {
      List<String> uses = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.endsWith("Ddl.java"))
          .flatMap(f -> lines(f).filter(l -> parserUse.matcher(l).find())
              .map(l -> f + ": " + l.strip()))
          .toList();
      assertEquals(List.of(), uses);
    }
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
