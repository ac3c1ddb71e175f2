package kefu.report;

/** How a report value is typed and formatted in the workbook. */
public enum CellKind {
  TEXT,
  INTEGER,
  DECIMAL,
  /** Yuan amounts, formatted ¥#,##0.00. */
  MONEY,
  /** A fraction from 0 to 1 (0.123 shows as 12.3%). */
  PERCENT,
  DATE,
  DATETIME
}
