package kefu.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * A daily line chart with event windows shaded: series on the left axis (e.g. orders) and
 * optionally on a right axis (e.g. a conversion rate), one value per day of {@code days} (null =
 * gap). Placed like a {@link ChartSpec}; {@code id} names charts/&lt;id&gt;.png and .svg.
 */
public record TimeSeriesSpec(
    String id,
    String title,
    List<LocalDate> days,
    String leftAxisLabel,
    CellKind leftKind,
    LinkedHashMap<String, List<Number>> leftSeries,
    String rightAxisLabel,
    CellKind rightKind,
    LinkedHashMap<String, List<Number>> rightSeries,
    List<Window> windows,
    String anchorSheet) {

  /** A shaded interval, both ends inclusive. */
  public record Window(String label, LocalDate start, LocalDate end) {}

  public TimeSeriesSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(days, "days");
    if (!id.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("chart id must be a safe file name: " + id);
    }
    leftSeries = leftSeries == null ? new LinkedHashMap<>() : leftSeries;
    rightSeries = rightSeries == null ? new LinkedHashMap<>() : rightSeries;
    windows = windows == null ? List.of() : windows;
    for (var s : List.of(leftSeries, rightSeries)) {
      for (var e : s.entrySet()) {
        if (e.getValue().size() != days.size()) {
          throw new IllegalArgumentException("series '" + e.getKey() + "' has "
              + e.getValue().size() + " values for " + days.size() + " days");
        }
      }
    }
  }

  /** Whether any series has a value on any day (an empty frame is not drawn). */
  public boolean hasValues() {
    return !withValues(leftSeries).isEmpty() || !withValues(rightSeries).isEmpty();
  }

  /**
   * This chart without the series that have no value on any day: conversion without chat logs
   * would otherwise draw an empty right axis (0–100%) and a legend entry for no line.
   */
  public TimeSeriesSpec withoutEmptySeries() {
    return new TimeSeriesSpec(id, title, days, leftAxisLabel, leftKind, withValues(leftSeries),
        rightAxisLabel, rightKind, withValues(rightSeries), windows, anchorSheet);
  }

  private static LinkedHashMap<String, List<Number>> withValues(
      LinkedHashMap<String, List<Number>> series) {
    LinkedHashMap<String, List<Number>> kept = new LinkedHashMap<>();
    series.forEach((name, values) -> {
      if (values.stream().anyMatch(Objects::nonNull)) {
        kept.put(name, values);
      }
    });
    return kept;
  }
}
