package kefu.ingest;

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

/**
 * One streaming pass over a file's bytes: size, SHA-256, container (csv / xlsx / unreadable) and
 * text encoding (UTF-8 with or without BOM when the bytes are valid UTF-8, else GB18030, the
 * superset of GBK). Bytes valid in neither, or holding NULs, are not a text export.
 */
record FileFacts(long bytes, String sha256, String container, String encoding, String problem) {

  static final String CSV = "csv";
  static final String XLSX = "xlsx";
  static final Charset GB18030 = Charset.forName("GB18030");

  Charset charset() {
    return encoding != null && encoding.startsWith("UTF-8") ? StandardCharsets.UTF_8 : GB18030;
  }

  static FileFacts scan(InputStream in) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Validator utf8 = new Validator(StandardCharsets.UTF_8);
    Validator gb = new Validator(GB18030);
    byte[] head = new byte[8];
    int headLength = 0;
    boolean nul = false;
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    int n;
    while ((n = in.read(buffer)) > 0) {
      sha.update(buffer, 0, n);
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
      total += n;
    }
    String digest = HexFormat.of().formatHex(sha.digest());
    if (headLength >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return new FileFacts(total, digest, XLSX, "xlsx", null);
    }
    if (headLength >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF
        && (head[2] & 0xff) == 0x11 && (head[3] & 0xff) == 0xE0) {
      return new FileFacts(total, digest, null, null,
          "legacy binary .xls workbook; save it as .xlsx or CSV");
    }
    if (nul) {
      return new FileFacts(total, digest, null, null,
          "binary data (NUL bytes), expected a CSV text export or an .xlsx workbook");
    }
    boolean bom = headLength >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
        && (head[2] & 0xff) == 0xBF;
    if (utf8.finish()) {
      return new FileFacts(total, digest, CSV, bom ? "UTF-8 (BOM)" : "UTF-8", null);
    }
    if (gb.finish()) {
      return new FileFacts(total, digest, CSV, "GB18030", null);
    }
    return new FileFacts(total, digest, null, null,
        "bytes are neither UTF-8 nor GBK/GB18030 text, expected a CSV export or an .xlsx workbook");
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
