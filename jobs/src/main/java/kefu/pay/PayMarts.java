package kefu.pay;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The pay marts of a run; columns are documented in jobs/src/main/java/kefu/pay/README.md.
 * {@code attributionSensitivity} is null when the run did not compute it (kefu.pipeline does).
 */
public record PayMarts(
    Dataset<Row> payroll,
    Dataset<Row> payslipLines,
    Dataset<Row> payDistribution,
    Dataset<Row> payChanges,
    Dataset<Row> attributionSensitivity) {

  public PayMarts(Dataset<Row> payroll, Dataset<Row> payslipLines, Dataset<Row> payDistribution,
      Dataset<Row> payChanges) {
    this(payroll, payslipLines, payDistribution, payChanges, null);
  }
}
