package kefu.ingest;

/**
 * A record that cannot be accepted: the column (as headed in the file), its raw value, why, and
 * the row's other values behind the why (its detail, e.g. the creation time a payment preceded),
 * kept out of the reason so that reasons group on the data-quality sheet.
 */
final class Rejection extends RuntimeException {
  private static final long serialVersionUID = 1L;
  static final String REDACTED = "<redacted>";

  final String column;
  final String raw;
  final String detail;

  Rejection(String column, String raw, String reason) {
    this(column, raw, reason, null);
  }

  Rejection(String column, String raw, String reason, String detail) {
    super(reason, null, false, false);
    this.column = column;
    this.raw = raw;
    this.detail = detail;
  }

  String reason() {
    return getMessage();
  }
}
