package kefu.ingest;

/** A cell that cannot be read as its column's type; becomes a reject with this reason. */
public final class BadCell extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadCell(String reason) {
    super(reason, null, false, false);
  }

  public String reason() {
    return getMessage();
  }
}
