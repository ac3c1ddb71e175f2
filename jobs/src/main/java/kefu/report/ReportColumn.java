package kefu.report;

import java.util.Objects;

/** One column of a {@link ReportTable}: its (Chinese) header and how its values are typed. */
public record ReportColumn(String header, CellKind kind) {
  public ReportColumn {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(kind, "kind");
  }
}
