package kefu.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * One streaming pass over a file's bytes: size, SHA-256, container (csv / xlsx / parquet /
 * unreadable), whether a CSV is gzip-compressed (recognised by its magic bytes, as exports kept
 * on HDFS or S3 often are) and text encoding (UTF-8 with or without BOM when the bytes are valid
 * UTF-8, else GB18030, the superset of GBK). Bytes valid in neither, or holding NULs, are not a
 * text export. Size and SHA-256 are of the file as stored, so they match {@code sha256sum}.
 */
record FileFacts(long bytes, String sha256, String container, boolean gzip, String encoding,
    String problem) {

  static final String CSV = "csv";
  static final String XLSX = "xlsx";
  static final String PARQUET = "parquet";
  static final Charset GB18030 = Charset.forName("GB18030");

  Charset charset() {
    return encoding != null && encoding.startsWith("UTF-8") ? StandardCharsets.UTF_8 : GB18030;
  }

  /** The container as reported beside the export format: {@code csv.gz} for a gzipped CSV. */
  String containerLabel() {
    return gzip ? container + ".gz" : container;
  }

  /** The file's text as written, decompressed when {@link #gzip}. */
  InputStream content(InputStream stored) throws IOException {
    return gzip ? new GZIPInputStream(stored, BUFFER) : stored;
  }

  private static final int BUFFER = 64 * 1024;

  static FileFacts scan(InputStream in) throws IOException {
    StoredBytes stored = new StoredBytes(in);
    BufferedInputStream peek = new BufferedInputStream(stored, BUFFER);
    peek.mark(2);
    boolean gzip = peek.read() == 0x1f && peek.read() == 0x8b;
    peek.reset();
    if (!gzip) {
      return scanContent(peek, stored, false);
    }
    try {
      FileFacts facts = scanContent(new GZIPInputStream(peek, BUFFER), stored, true);
      if (facts.problem() == null && !CSV.equals(facts.container())) {
        return new FileFacts(facts.bytes(), facts.sha256(), null, true, null,
            "a gzip-compressed " + facts.container() + " file; only CSV exports are read"
                + " compressed, decompress it first");
      }
      return facts;
    } catch (IOException e) {
      // A download cut short is the usual cause: the size tells the user how far it got.
      stored.drain();
      return new FileFacts(stored.count, stored.digest(), null, true, null,
          "corrupt or truncated gzip data (" + e.getMessage() + "), " + stored.count
              + " bytes; download the export again");
    }
  }

  private static FileFacts scanContent(InputStream in, StoredBytes stored, boolean gzip)
      throws IOException {
    Validator utf8 = new Validator(StandardCharsets.UTF_8);
    Validator gb = new Validator(GB18030);
    byte[] head = new byte[8];
    int headLength = 0;
    boolean nul = false;
    byte[] buffer = new byte[BUFFER];
    int n;
    while ((n = in.read(buffer)) != -1) {
      for (int i = 0; i < n && headLength < head.length; i++) {
        head[headLength++] = buffer[i];
      }
      for (int i = 0; i < n && !nul; i++) {
        nul = buffer[i] == 0;
      }
      if (!nul) {
        utf8.feed(buffer, n);
        gb.feed(buffer, n);
      }
    }
    stored.drain(); // bytes after the last gzip member still belong to the file's size and hash
    long total = stored.count;
    String digest = stored.digest();
    if (headLength >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return new FileFacts(total, digest, XLSX, gzip, "xlsx", null);
    }
    if (headLength >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
      return new FileFacts(total, digest, PARQUET, gzip, "parquet", null);
    }
    if (headLength >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF
        && (head[2] & 0xff) == 0x11 && (head[3] & 0xff) == 0xE0) {
      return new FileFacts(total, digest, null, gzip, null,
          "legacy binary .xls workbook; save it as .xlsx or CSV");
    }
    if (nul) {
      return new FileFacts(total, digest, null, gzip, null,
          "binary data (NUL bytes), expected a CSV text export, an .xlsx workbook or Parquet");
    }
    boolean bom = headLength >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
        && (head[2] & 0xff) == 0xBF;
    if (utf8.finish()) {
      return new FileFacts(total, digest, CSV, gzip, bom ? "UTF-8 (BOM)" : "UTF-8", null);
    }
    if (gb.finish()) {
      return new FileFacts(total, digest, CSV, gzip, "GB18030", null);
    }
    return new FileFacts(total, digest, null, gzip, null,
        "bytes are neither UTF-8 nor GBK/GB18030 text, expected a CSV export or an .xlsx workbook");
  }

  /** The stored bytes as they are read: counted and hashed. */
  private static final class StoredBytes extends FilterInputStream {
    private final MessageDigest sha;
    long count;

    StoredBytes(InputStream in) {
      super(in);
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b != -1) {
        sha.update((byte) b);
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        sha.update(b, off, n);
        count += n;
      }
      return n;
    }

    void drain() throws IOException {
      byte[] rest = new byte[BUFFER];
      while (read(rest, 0, rest.length) != -1) {
        // counted and hashed by read
      }
    }

    String digest() {
      return HexFormat.of().formatHex(sha.digest());
    }
  }

  /** Incremental strict decoder: remembers whether all bytes so far decoded cleanly. */
  private static final class Validator {
    private final CharsetDecoder decoder;
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private final CharBuffer sink = CharBuffer.allocate(64 * 1024);
    private boolean valid = true;

    Validator(Charset charset) {
      decoder = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    void feed(byte[] bytes, int length) {
      if (!valid) {
        return;
      }
      ByteBuffer in = ByteBuffer.allocate(pending.remaining() + length);
      in.put(pending).put(bytes, 0, length).flip();
      decode(in, false);
      pending = in.slice();
    }

    boolean finish() {
      if (valid) {
        decode(pending, true);
      }
      return valid;
    }

    private void decode(ByteBuffer in, boolean end) {
      while (valid) {
        sink.clear();
        CoderResult r = decoder.decode(in, sink, end);
        if (r.isError()) {
          valid = false;
        } else if (r.isUnderflow()) {
          return;
        }
      }
    }
  }
}
