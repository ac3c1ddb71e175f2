package kefu.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** Shared helpers of the ingest tests: the shared data folder, fixture files, default options. */
final class IngestFixtures {
  private IngestFixtures() {}

  static final Charset GBK = Charset.forName("GBK");
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

  static Path sharedDir() {
    return kefu.testing.SharedData.dir();
  }

  static IngestOptions options(boolean strict) {
    return new IngestOptions("Asia/Shanghai", KEY, null, null, strict, false);
  }

  static Path write(Path dir, String name, Charset charset, String... lines) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.write(p, String.join("\r\n", lines).concat("\r\n").getBytes(charset));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputPaths orders(Path... files) {
    return new InputPaths(List.of(paths(files)), null, null, null, null);
  }

  static String[] paths(Path... files) {
    String[] s = new String[files.length];
    for (int i = 0; i < files.length; i++) {
      s[i] = files[i].toString();
    }
    return s;
  }
}
