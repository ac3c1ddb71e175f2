/**
 * The report layer: turns plain Java records (built by the pipeline from small mart aggregates)
 * into the quarterly-review workbook, its charts (PNG + SVG) and the run manifest.
 *
 * <p>Contract: no Spark types here (no {@code org.apache.spark} import); numbers and dates are
 * written as typed cells, text from inputs always as safe string cells (never a formula); the
 * output folder is replaced atomically and equal inputs give equal sheet contents.
 *
 * <p>Entry points: {@link kefu.report.ReviewWorkbookWriter#write}, {@link
 * kefu.report.ManifestWriter#write}, {@link kefu.report.Charts}.
 */
package kefu.report;
