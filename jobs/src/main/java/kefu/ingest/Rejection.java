package kefu.ingest;

/** A record that cannot be accepted: the column (as headed in the file), its raw value, why. */
final class Rejection extends RuntimeException {
  private static final long serialVersionUID = 1L;
  static final String REDACTED = "<redacted>";

  final String column;
  final String raw;

  Rejection(String column, String raw, String reason) {
    super(reason, null, false, false);
    this.column = column;
    this.raw = raw;
  }

  String reason() {
    return getMessage();
  }
}
