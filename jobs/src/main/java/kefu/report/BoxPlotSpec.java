package kefu.report;

import java.util.List;
import java.util.Objects;

/**
 * A box-and-whisker chart: one box per category ({@code boxes.get(i)} for
 * {@code categories.get(i)}), whiskers at P10/P90 (see {@link BoxStats}). Placed like a
 * {@link ChartSpec}: on {@code anchorSheet}, else on the 图表 sheet; {@code id} names
 * charts/&lt;id&gt;.png and .svg.
 */
public record BoxPlotSpec(
    String id,
    String title,
    String categoryAxisLabel,
    String valueAxisLabel,
    CellKind valueKind,
    List<String> categories,
    List<BoxStats> boxes,
    String anchorSheet) {
  public BoxPlotSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(categories, "categories");
    Objects.requireNonNull(boxes, "boxes");
    if (!id.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("chart id must be a safe file name: " + id);
    }
    if (boxes.size() != categories.size()) {
      throw new IllegalArgumentException(boxes.size() + " boxes for " + categories.size()
          + " categories");
    }
    categories = List.copyOf(categories);
    boxes = List.copyOf(boxes);
  }

  /** Whether there is a box to draw (an empty frame is not drawn; see ChartSpec#hasValues). */
  public boolean hasValues() {
    return !boxes.isEmpty();
  }
}
