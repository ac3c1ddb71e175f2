package kefu.pipeline;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When a run says it was generated. {@code SOURCE_DATE_EPOCH} (the reproducible-builds
 * convention, seconds since 1970) pins it, so two runs over the same inputs write workbooks with
 * identical contents and document dates; otherwise it is now, to the second.
 */
public final class RunClock {
  private RunClock() {}

  public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

  public static Instant generatedAt() {
    return generatedAt(System.getenv(SOURCE_DATE_EPOCH));
  }

  static Instant generatedAt(String sourceDateEpoch) {
    if (sourceDateEpoch != null && sourceDateEpoch.strip().matches("\\d{1,12}")) {
      return Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch.strip()));
    }
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }
}
