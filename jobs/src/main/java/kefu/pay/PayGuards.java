package kefu.pay;

import static org.apache.spark.sql.functions.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Sums payslip lines into the payroll and applies the legal guards (《工资支付暂行规定》第16条):
 * deductions are capped at the scheme's deduction_cap_rate (default 20%) of gross pay, and a
 * full-time agent's pay after deductions is topped up to the local monthly minimum wage,
 * prorated by employed days.
 */
final class PayGuards {
  private PayGuards() {}

  static final int CAP_LINE = 900;
  static final int TOP_UP_LINE = 901;

  static Dataset<Row> payroll(SparkSession spark, PayConfig config, Dataset<Row> agentMonths,
      Dataset<Row> schemeMonths, Dataset<Row> lines) {
    List<Column> sums = new ArrayList<>();
    for (ComponentType t : ComponentType.values()) {
      sums.add(sum(when(col("component_type").equalTo(t.name()), col("amount")))
          .as(t.payrollColumn()));
    }
    Column isDeduction = col("component_type").equalTo(ComponentType.RETURN_DEDUCTION.name());
    sums.add(sum(when(isDeduction.unary_$bang(), col("amount"))).as("gross_pay"));
    sums.add(sum(when(isDeduction, col("amount").unary_$minus())).as("deductions"));
    Dataset<Row> totals = lines.groupBy("shop_id", "agent_id", "month", "scheme_id")
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0]));

    Dataset<Row> df = schemeMonths
        .join(agentMonths, PayInputs.joinKeys())
        .join(totals, PayInputs.seq("shop_id", "agent_id", "month", "scheme_id"), "left")
        .join(schemes(spark, config), "scheme_id");
    for (ComponentType t : ComponentType.values()) {
      df = df.withColumn(t.payrollColumn(), zero(t.payrollColumn()));
    }
    df = df.withColumn("gross_pay", zero("gross_pay"))
        .withColumn("deductions", zero("deductions"))
        .withColumn("deduction_cap_adjustment", PayInputs.money(greatest(lit(BigDecimal.ZERO),
            col("deductions").minus(col("deduction_cap_rate").multiply(
                greatest(col("gross_pay"), lit(BigDecimal.ZERO)))))))
        .withColumn("pay_before_guards", col("gross_pay").minus(col("deductions")))
        .withColumn("is_full_time", col("employment").equalTo("full_time"))
        .withColumn("min_wage_floor", when(col("is_full_time"), PayInputs.money(
            PayslipLines.exact(col("min_wage_monthly")).multiply(col("employed_days"))
                .divide(col("days_in_month")))))
        .withColumn("min_wage_top_up", PayInputs.money(when(col("min_wage_guard")
            .and(col("min_wage_floor").isNotNull()), greatest(lit(BigDecimal.ZERO),
                col("min_wage_floor").minus(col("pay_before_guards"))
                    .minus(col("deduction_cap_adjustment"))))
            .otherwise(lit(BigDecimal.ZERO))))
        .withColumn("guard_adjustment", PayInputs.money(col("deduction_cap_adjustment")
            .plus(col("min_wage_top_up"))))
        .withColumn("net_pay", PayInputs.money(col("pay_before_guards")
            .plus(col("guard_adjustment"))))
        .withColumn("pay_before_guards", PayInputs.money(col("pay_before_guards")))
        .withColumn("is_below_min_wage", when(col("min_wage_floor").isNotNull(),
            col("pay_before_guards").lt(col("min_wage_floor"))));
    List<String> out = new ArrayList<>(List.of("shop_id", "agent_id", "month", "scheme_id",
        "scheme_name", "is_current_scheme", "quarter", "season", "role", "employment",
        "sourcing", "city", "city_tier", "main_category", "employed_days", "days_in_month",
        "active_days", "credited_sales", "credited_refunds", "paid_orders"));
    for (ComponentType t : ComponentType.values()) {
      out.add(t.payrollColumn());
    }
    out.addAll(List.of("gross_pay", "deductions", "deduction_cap_rate",
        "deduction_cap_adjustment", "pay_before_guards", "min_wage_monthly", "min_wage_floor",
        "is_below_min_wage", "min_wage_top_up", "guard_adjustment", "net_pay"));
    return df.select(out.stream().map(org.apache.spark.sql.functions::col)
        .toArray(Column[]::new));
  }

  private static Column zero(String column) {
    return PayInputs.money(coalesce(col(column), lit(BigDecimal.ZERO)));
  }

  /** Payslip lines for the cap and the top-up, only where they are non-zero. */
  static Dataset<Row> guardLines(Dataset<Row> payroll, PayConfig config) {
    Dataset<Row> cap = payroll.filter(col("deduction_cap_adjustment").gt(0)).select(
        col("shop_id"), col("agent_id"), col("month"), col("scheme_id"),
        concat(col("scheme_id"), lit("-cap")).as("component_id"),
        lit(CAP_LINE).as("component_line"),
        lit(ComponentType.DEDUCTION_CAP).as("component_type"),
        lit(null).cast(DataTypes.StringType).as("category"),
        lit("deductions").as("basis"),
        col("deductions").cast(PayslipLines.BASIS).as("basis_amount"),
        col("deduction_cap_rate").cast(PayslipLines.RATE).as("rate"),
        col("deduction_cap_adjustment").cast(PayslipLines.MONEY).as("amount"),
        concat(lit("deductions "), col("deductions").cast("string"), lit(" capped at "),
            col("deduction_cap_rate").multiply(100).cast("decimal(6,2)").cast("string"),
            lit("% of gross pay "), col("gross_pay").cast("string")).as("note"));
    Dataset<Row> topUp = payroll.filter(col("min_wage_top_up").gt(0)).select(
        col("shop_id"), col("agent_id"), col("month"), col("scheme_id"),
        concat(col("scheme_id"), lit("-min-wage")).as("component_id"),
        lit(TOP_UP_LINE).as("component_line"),
        lit(ComponentType.MIN_WAGE_TOP_UP).as("component_type"),
        lit(null).cast(DataTypes.StringType).as("category"),
        lit("min_wage_floor").as("basis"),
        col("min_wage_floor").cast(PayslipLines.BASIS).as("basis_amount"),
        lit(null).cast(PayslipLines.RATE).as("rate"),
        col("min_wage_top_up").cast(PayslipLines.MONEY).as("amount"),
        concat(lit("full-time pay topped up to the minimum wage "),
            col("min_wage_monthly").cast("string"), lit(" x "), col("employed_days"), lit("/"),
            col("days_in_month"), lit(" days (city "), coalesce(col("city"), lit("?")),
            lit(", tier "), col("city_tier").cast("string"), lit(")")).as("note"));
    return cap.unionByName(topUp);
  }

  static Dataset<Row> schemes(SparkSession spark, PayConfig config) {
    List<Row> rows = new ArrayList<>();
    for (SchemeDef s : config.schemes()) {
      rows.add(RowFactory.create(s.schemeId(), s.name(), s.isCurrent(), s.minWageGuard(),
          s.deductionCapRate()));
    }
    StructType schema = new StructType().add("scheme_id", DataTypes.StringType)
        .add("scheme_name", DataTypes.StringType)
        .add("is_current_scheme", DataTypes.BooleanType)
        .add("min_wage_guard", DataTypes.BooleanType)
        .add("deduction_cap_rate", DataTypes.createDecimalType(6, 4));
    return spark.createDataFrame(rows, schema);
  }
}
