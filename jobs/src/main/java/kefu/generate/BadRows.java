package kefu.generate;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A copy of a generated sample in which a share of the order rows carry an unreadable paid
 * amount ("N/A"), to measure ingest on dirty input: every such row must be quarantined with its
 * reason, never dropped or fatal. The generator writes unquoted GBK CSV (no value holds an ASCII
 * comma), so rows are rewritten field by field without a CSV parser.
 */
public final class BadRows {
  private BadRows() {}

  static final Charset GBK = Charset.forName("GB18030");
  static final List<String> PAID_HEADERS = List.of("买家实际支付金额", "买家实付金额");
  static final String UNREADABLE = "N/A";

  /** Copies {@code sample} to {@code out}, damaging about {@code share} of the order rows. */
  public static long inject(Path sample, Path out, double share, long seed) throws IOException {
    if (share <= 0 || share >= 1) {
      throw new IllegalArgumentException("bad-row share must be in (0, 1): " + share);
    }
    long damaged = 0;
    try (Stream<Path> files = Files.walk(sample)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = out.resolve(sample.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else if (f.getParent().getFileName().toString().equals("orders")
            && (f.getFileName().toString().endsWith(".csv") || gzipped(f))) {
          damaged += damage(f, target, share, seed);
        } else {
          Files.copy(f, target);
        }
      }
    }
    return damaged;
  }

  private static long damage(Path in, Path out, double share, long seed) throws IOException {
    long damaged = 0;
    // Drawn by the export's name without .gz: compressed or not, the same rows are damaged.
    long file = in.getFileName().toString().replaceFirst("\\.gz$", "").hashCode();
    try (BufferedReader r = reader(in); BufferedWriter w = writer(out)) {
      String header = r.readLine();
      if (header == null) {
        return 0;
      }
      w.write(header);
      w.newLine();
      int paid = paidColumn(header.replace("\uFEFF", "").split(",", -1));
      long line = 1;
      for (String row = r.readLine(); row != null; row = r.readLine()) {
        line++;
        String[] cells = row.split(",", -1);
        if (paid >= 0 && paid < cells.length && unit(seed, file, line) < share) {
          cells[paid] = UNREADABLE;
          row = String.join(",", cells);
          damaged++;
        }
        w.write(row);
        w.newLine();
      }
    }
    return damaged;
  }

  /** An export the generator wrote with {@code --gzip}. */
  private static boolean gzipped(Path file) {
    return file.getFileName().toString().endsWith(".csv.gz");
  }

  private static BufferedReader reader(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return new BufferedReader(new InputStreamReader(
        gzipped(file) ? new GZIPInputStream(in) : in, GBK));
  }

  private static BufferedWriter writer(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    return new BufferedWriter(new OutputStreamWriter(
        gzipped(file) ? new GZIPOutputStream(out) : out, GBK));
  }

  /** A uniform draw in [0, 1) fixed by seed, file and line (SplitMix64 finaliser). */
  static double unit(long seed, long file, long line) {
    long z = seed * 0x9E3779B97F4A7C15L + file * 0xBF58476D1CE4E5B9L + line;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) / (double) (1L << 53);
  }

  private static int paidColumn(String[] headers) {
    for (int i = 0; i < headers.length; i++) {
      if (PAID_HEADERS.contains(headers[i].strip())) {
        return i;
      }
    }
    return -1;
  }
}
