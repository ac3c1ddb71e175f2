package kefu.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import kefu.ingest.PseudonymKey;
import kefu.ingest.Pseudonymizer;
import kefu.testing.ParquetTables;
import org.junit.jupiter.api.Test;

/**
 * An adversary's audit of a run's outputs: the buyers' member names, Alipay accounts, receiver
 * names, addresses and phones of the inputs appear nowhere in what the run writes (Parquet,
 * workbook, JSON, charts' SVG text, notebook, the run's log), and neither does the key.
 */
class PersonalDataAuditTest {

  /** Mainland mobile numbers, however they were cut out of a cell. */
  static final String PHONE = "1[3-9][0-9]{9}";

  @Test
  void noBuyerIdentityOrKeyReachesAnyOutput() throws Exception {
    SampleRun run = SampleRun.get(); // buyers' names, accounts, addresses and phones in its inputs
    Secrets secrets = Secrets.of(run.sample);
    assertTrue(secrets.exact.size() > 100 && !secrets.phones.isEmpty(), "inputs carry identities");
    Path config = run.config;
    Path out = run.out;

    Path keyFile = config.resolve(PseudonymKey.FILE_NAME);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)),
        "the key is readable by its owner only");
    byte[] key = Files.readAllBytes(keyFile);
    secrets.exact.add(HexFormat.of().formatHex(key));
    secrets.exact.add(java.util.Base64.getEncoder().encodeToString(key));

    List<String> leaks = new ArrayList<>();
    leaks.addAll(secrets.findIn("run log", run.log));
    int stringColumns = 0;
    try (Stream<Path> files = Stream.concat(Files.walk(out), Files.walk(run.notebooks));
        ParquetTables tables = new ParquetTables()) {
      tables.want(secrets.all());
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (Files.isDirectory(f) && Files.exists(f.resolve("_SUCCESS"))) {
          stringColumns += secrets.findInParquet(tables, f, leaks);
        } else if (name.endsWith(".xlsx")) {
          leaks.addAll(secrets.findIn(f.toString(), xlsxText(f)));
        } else if (name.matches(".*\\.(json|svg|html|ipynb|csv|txt|log)$")) {
          leaks.addAll(secrets.findIn(f.toString(), Files.readString(f)));
        }
      }
    }
    assertEquals(List.of(), leaks);
    // the Parquet audit looked at the tables' text: canonical, derived, rejects and marts
    assertTrue(stringColumns >= 100, stringColumns + " string columns searched");
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

  @Test
  void aPseudonymDependsOnlyOnTheIdentityNotOnTheOneAskedBefore() {
    Pseudonymizer asked = new Pseudonymizer(new byte[32]);
    String first = asked.pseudonym("tb1_01");
    String second = asked.pseudonym("tb2_02");
    assertNotEquals(first, second);
    assertEquals(first, asked.pseudonym(" tb1_01 "));
    assertEquals(second, new Pseudonymizer(new byte[32]).pseudonym("tb2_02"));
    assertEquals(second, asked.pseudonym("tb2_02"));
  }

  /** The identities the generated exports carry, read straight from the raw GBK files. */
  record Secrets(Set<String> exact, Set<String> phones) {
    static Secrets of(Path sample) throws java.io.IOException {
      Set<String> exact = new LinkedHashSet<>();
      Set<String> phones = new LinkedHashSet<>();
      for (String value : column(sample.resolve("orders"), "买家会员名", "买家支付宝账号", "收货人姓名",
          "收货地址", "联系手机")) {
        java.util.regex.Matcher phone = java.util.regex.Pattern.compile(PHONE).matcher(value);
        if (phone.find()) {
          phones.add(phone.group());
        } else {
          exact.add(value);
        }
      }
      exact.addAll(column(sample.resolve("chats"), "买家昵称"));
      exact.removeIf(String::isBlank);
      // The shop's own agents are not buyers: a roster name that is also some buyer's receiver
      // name (王敏 is common) may and must appear in the outputs.
      List<String> roster = Files.readAllLines(sample.resolve("agents.csv"), StandardCharsets.UTF_8);
      int name = List.of(roster.get(0).split(",", -1)).indexOf("display_name");
      roster.subList(1, roster.size()).forEach(l -> exact.remove(l.split(",", -1)[name]));
      return new Secrets(exact, phones);
    }

    /**
     * The values of some columns of every CSV in a folder: the generator writes unquoted GBK
     * (no value holds an ASCII comma), so a split is a faithful parse.
     */
    static List<String> column(Path folder, String... names) throws java.io.IOException {
      List<String> values = new ArrayList<>();
      try (Stream<Path> files = Files.list(folder)) {
        for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".csv"))::iterator) {
          List<String> lines = Files.readAllLines(f, java.nio.charset.Charset.forName("GB18030"));
          List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(",", -1));
          for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            for (String name : names) {
              int i = header.indexOf(name);
              if (i >= 0 && i < cells.length) {
                values.add(cells[i].replace("'", "").strip());
              }
            }
          }
        }
      }
      return values;
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

    /** The member names, accounts, addresses and phones, as whole values. */
    List<String> all() {
      List<String> all = new ArrayList<>(exact);
      all.addAll(phones);
      return all;
    }

    /**
     * Adds to {@code found} every string column's values (Parquet pages are compressed) of the
     * table in {@code dir} that equal a secret, up to 5 a column; returns the columns searched.
     */
    int findInParquet(ParquetTables tables, Path dir, List<String> found) throws Exception {
      int searched = 0;
      for (var column : tables.schema(dir).entrySet()) {
        if (!column.getValue().equals("VARCHAR")) {
          continue;
        }
        searched++;
        tables.wantedIn(dir, column.getKey(), 5)
            .forEach(v -> found.add(dir.getFileName() + "." + column.getKey() + ": " + v));
      }
      return searched;
    }
  }

  /** All XML parts of the workbook (shared strings, sheets, properties) as one text. */
  static String xlsxText(Path xlsx) throws Exception {
    StringBuilder sb = new StringBuilder();
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(xlsx.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        if (e.getName().endsWith(".xml") || e.getName().endsWith(".rels")) {
          try (InputStream in = zip.getInputStream(e)) {
            sb.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    return sb.toString();
  }

}
