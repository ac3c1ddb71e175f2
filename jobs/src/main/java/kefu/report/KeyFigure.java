package kefu.report;

import java.util.Objects;

/**
 * A headline number of the summary: this period's value, the previous period's and the same
 * period last year's (either may be null). The writer computes the change columns.
 */
public record KeyFigure(
    String label, Object value, CellKind kind, Object previous, Object lastYear) {
  public KeyFigure {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(kind, "kind");
  }
}
