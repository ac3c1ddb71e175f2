package kefu.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * A grouped bar chart: one bar group per category, one bar per series (series order = legend
 * order). Each series holds one value per category (null = no bar). The chart is embedded on
 * {@code anchorSheet} (a ReportTable's sheetName) or, if that is null or unknown, on the 图表
 * sheet; {@code id} names the files charts/&lt;id&gt;.png and .svg.
 */
public record ChartSpec(
    String id,
    String title,
    String categoryAxisLabel,
    String valueAxisLabel,
    CellKind valueKind,
    List<String> categories,
    LinkedHashMap<String, List<Number>> series,
    String anchorSheet) {
  public ChartSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(categories, "categories");
    Objects.requireNonNull(series, "series");
    if (!id.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("chart id must be a safe file name: " + id);
    }
    for (var e : series.entrySet()) {
      if (e.getValue().size() != categories.size()) {
        throw new IllegalArgumentException("series '" + e.getKey() + "' has "
            + e.getValue().size() + " values for " + categories.size() + " categories");
      }
    }
  }

  /**
   * Whether any bar has a value. A chart without one is not drawn: an empty frame with a ¥0–¥1
   * axis reads as zeros, while the table beside it says why there is nothing to show.
   */
  public boolean hasValues() {
    return series.values().stream().flatMap(List::stream).anyMatch(Objects::nonNull);
  }
}
