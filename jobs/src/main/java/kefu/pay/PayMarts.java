package kefu.pay;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The pay marts of a run; columns are documented in jobs/src/main/java/kefu/pay/README.md. */
public record PayMarts(
    Dataset<Row> payroll,
    Dataset<Row> payslipLines,
    Dataset<Row> payDistribution,
    Dataset<Row> payChanges) {}
