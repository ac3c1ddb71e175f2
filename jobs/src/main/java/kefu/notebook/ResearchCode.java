package kefu.notebook;

import java.util.stream.Collectors;

/** The notebook's Python cells: load the run's marts and recompute headline numbers from them. */
final class ResearchCode {
  private ResearchCode() {}

  static String load(RunLocation run) {
    String names = run.marts().stream().map(m -> "    \"" + m + "\",")
        .collect(Collectors.joining("\n"));
    return """
        # Needs pandas + pyarrow (pip install pandas pyarrow duckdb). For s3a:// or hdfs:// marts,
        # copy them locally or read them with the matching fsspec file system.
        import pandas as pd
        MARTS = "%s"
        marts = {name: pd.read_parquet(f"{MARTS}/{name}") for name in [
        %s
        ]}
        {name: len(df) for name, df in marts.items()}""".formatted(escape(run.martsLocation()),
        names);
  }

  /** 询单转化率 per agent for the period, from the additive daily sums: numerator, denominator. */
  static String conversionByAgent(RunLocation run) {
    return """
        import duckdb
        duckdb.sql(f\"\"\"
            select shop_id, agent_id,
                   sum(inquiry_paid_buyers) as inquiry_paid_buyers,
                   sum(inquiry_buyers) as inquiry_buyers,
                   sum(inquiry_paid_buyers) / nullif(sum(inquiry_buyers), 0) as inquiry_conversion
            from read_parquet('{MARTS}/agent_daily/*.parquet')
            where business_date >= date '%s' and business_date < date '%s'
            group by all
            order by inquiry_conversion desc nulls last
        \"\"\").df()""".formatted(run.periodStart(), run.periodEndExclusive());
  }

  static String payDistribution() {
    return """
        dist = marts.get("pay_distribution")
        if dist is not None:
            overall = dist[(dist.period_type == "all") & (dist.dimension == "all")]
            display(overall[["scheme_id", "n", "median", "p10", "p90", "total_payroll",
                             "payroll_pct_of_sales"]])""";
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
