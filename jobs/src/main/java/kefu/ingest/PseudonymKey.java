package kefu.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** The secret key of buyer pseudonyms: 32 random bytes in {@code .kefu-pseudonym-key}, owner-only. */
public final class PseudonymKey {
  private PseudonymKey() {}

  public static final String FILE_NAME = ".kefu-pseudonym-key";
  static final int LENGTH = 32;

  /** Reads the key of {@code configDir}, creating it (rw-------) on first use. Never logs it. */
  public static byte[] loadOrCreate(Path configDir) {
    Path file = configDir.resolve(FILE_NAME);
    try {
      if (Files.exists(file)) {
        return read(file);
      }
      Files.createDirectories(configDir);
      byte[] key = new byte[LENGTH];
      new SecureRandom().nextBytes(key);
      try {
        create(file);
      } catch (FileAlreadyExistsException raced) {
        return read(file);
      }
      Files.write(file, key, StandardOpenOption.TRUNCATE_EXISTING);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create pseudonym key " + file, e);
    }
  }

  private static void create(Path file) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
      file.toFile().setReadable(false, false);
      file.toFile().setReadable(true, true);
      file.toFile().setWritable(false, false);
      file.toFile().setWritable(true, true);
    }
  }

  private static byte[] read(Path file) throws IOException {
    byte[] key = Files.readAllBytes(file);
    if (key.length != LENGTH) {
      throw new IllegalStateException("pseudonym key " + file + " must hold " + LENGTH
          + " bytes but holds " + key.length + "; restore it or delete it to start new keys");
    }
    return key;
  }
}
