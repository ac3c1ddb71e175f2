package kefu.ingest;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a buyer identity (会员名, 昵称, twitter id) into a stable key: HMAC-SHA256 of the trimmed
 * identity, hex of the first 16 bytes. Without the key the identity cannot be recovered or guessed.
 */
public final class Pseudonymizer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern KEY_SHAPE = Pattern.compile("[0-9a-f]{32}");

  private final byte[] key;
  private transient Mac mac;
  /** A chat's messages come one buyer after another: the last pseudonym is asked for again. */
  private transient String lastIdentity;
  private transient String lastPseudonym;

  public Pseudonymizer(byte[] key) {
    if (key == null || key.length < 16) {
      throw new IllegalArgumentException("pseudonym key must have at least 16 bytes");
    }
    this.key = key.clone();
  }

  /** The pseudonym of {@code identity}; null or blank gives null. */
  public String pseudonym(String identity) {
    if (identity == null || identity.isBlank()) {
      return null;
    }
    if (!identity.equals(lastIdentity)) {
      byte[] digest = mac().doFinal(identity.trim().getBytes(StandardCharsets.UTF_8));
      lastPseudonym = HexFormat.of().formatHex(digest, 0, 16);
      lastIdentity = identity;
    }
    return lastPseudonym;
  }

  /** True when {@code value} already has the shape of a pseudonym (canonical input files). */
  static boolean looksLikePseudonym(String value) {
    return value != null && KEY_SHAPE.matcher(value).matches();
  }

  private Mac mac() {
    if (mac == null) {
      try {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 unavailable", e);
      }
    }
    return mac;
  }

  @Override
  public String toString() {
    return "Pseudonymizer[key hidden]";
  }
}
