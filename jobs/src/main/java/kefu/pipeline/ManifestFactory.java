package kefu.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kefu.ingest.FileReconciliation;
import kefu.ingest.PseudonymKey;
import kefu.marts.Period;
import kefu.report.ManifestWriter;

/** manifest.json: what went in, what came out, with which code, config and rules. */
final class ManifestFactory {
  private ManifestFactory() {}

  static void write(OutputFolder folder, ReviewSettings s, Period period,
      List<FileReconciliation> files, List<StageLog.Stage> stages) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", s.runId());
    m.put("period", period.label());
    m.put("time_zone", s.timeZone());
    m.put("language", s.language());
    m.put("versions", versions());
    m.put("config_dir", s.configDir());
    m.put("config_sha256", configHash(Paths.get(s.configDir())));
    m.put("rules", ReviewRun.rulesAsMap(s.rules()));
    m.put("strict", s.strict());
    m.put("inputs", inputs(files));
    Map<String, Object> sample = generatedSample(files, folder);
    if (sample != null) {
      m.put("generated_sample", sample); // its seed reproduces the inputs
    }
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("rows_read", FileReconciliation.rowsRead(files));
    totals.put("rows_accepted", FileReconciliation.rowsAccepted(files));
    totals.put("rows_rejected", FileReconciliation.rowsRejected(files));
    totals.put("summary_rows_skipped", FileReconciliation.summaryRowsSkipped(files));
    if (!FileReconciliation.linesSkipped(files).isEmpty()) {
      totals.put("lines_skipped", FileReconciliation.linesSkipped(files));
    }
    m.put("reconciliation", totals);
    m.put("stages", stages(stages));
    folder.writeLocally(dir -> {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ManifestWriter.write(m, dir.resolve("manifest.json"));
    });
  }

  /**
   * The generator.json of `kefu generate` output the inputs came from (it sits one or two
   * folders above each export file), or null for real exports.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> generatedSample(List<FileReconciliation> files,
      OutputFolder folder) {
    for (FileReconciliation f : files) {
      org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(f.file()).getParent();
      for (int up = 0; up < 2 && dir != null; up++, dir = dir.getParent()) {
        org.apache.hadoop.fs.Path json = new org.apache.hadoop.fs.Path(dir,
            kefu.generate.SampleManifest.FILE);
        try {
          org.apache.hadoop.fs.FileSystem fs = json.getFileSystem(folder.fileSystem().getConf());
          if (fs.exists(json)) {
            try (InputStream in = fs.open(json)) {
              return new com.fasterxml.jackson.databind.ObjectMapper().readValue(in, Map.class);
            }
          }
        } catch (IOException e) {
          return null; // provenance is a courtesy; the inputs' hashes already pin the run
        }
      }
    }
    return null;
  }

  static Map<String, Object> versions() {
    Map<String, Object> v = new LinkedHashMap<>();
    String kefu = ManifestFactory.class.getPackage().getImplementationVersion();
    v.put("kefu", kefu == null ? "dev" : kefu);
    v.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    v.put("java", System.getProperty("java.version"));
    return v;
  }

  private static List<Object> inputs(List<FileReconciliation> files) {
    List<Object> out = new ArrayList<>();
    for (FileReconciliation f : files) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("table", f.table());
      e.put("file", f.file());
      e.put("format", f.format());
      e.put("encoding", f.encoding());
      e.put("bytes", f.bytes());
      e.put("sha256", f.sha256());
      e.put("rows_read", f.rowsRead());
      e.put("rows_accepted", f.rowsAccepted());
      e.put("rows_rejected", f.rowsRejected());
      e.put("summary_rows_skipped", f.summaryRowsSkipped());
      if (!f.linesSkipped().isEmpty()) {
        e.put("lines_skipped", f.linesSkipped()); // a text record's non-message lines, by kind
      }
      out.add(e);
    }
    return out;
  }

  private static List<Object> stages(List<StageLog.Stage> stages) {
    List<Object> out = new ArrayList<>();
    for (StageLog.Stage st : stages) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("stage", st.name());
      e.put("rows_in", st.rowsIn());
      e.put("rows_out", st.rowsOut());
      e.put("seconds", Math.round(st.seconds() * 1000) / 1000.0);
      out.add(e);
    }
    return out;
  }

  /** SHA-256 over the config files' names and bytes, leaving out the pseudonymisation key. */
  static String configHash(Path dir) {
    try (var walk = Files.walk(dir)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      List<Path> paths = walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals(PseudonymKey.FILE_NAME))
          .sorted().toList();
      for (Path p : paths) {
        md.update(dir.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (InputStream in = Files.newInputStream(p)) {
          md.update(in.readAllBytes());
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config folder " + dir, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
