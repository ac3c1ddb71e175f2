package kefu.pay;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Resolves the monthly minimum wage of each agent-month on the driver (the table is tiny) and
 * attaches it as {@code min_wage_monthly}: the agent's city row if there is one, else the * row
 * of the largest city tier not above the agent's; a year uses the latest row not after it
 * (years before every row use the earliest).
 */
final class MinimumWages {
  private MinimumWages() {}

  static final int MAX_TIER = 9;

  static Dataset<Row> attach(SparkSession spark, PayConfig config, Dataset<Row> agentMonths,
      List<String> months) {
    TreeSet<Integer> years = new TreeSet<>();
    months.forEach(m -> years.add(YearMonth.parse(m).getYear()));
    List<Row> cityRows = new ArrayList<>();
    List<Row> tierRows = new ArrayList<>();
    for (int year : years) {
      TreeSet<String> regions = new TreeSet<>();
      config.minimumWages().stream().filter(w -> !w.region().equals("*"))
          .forEach(w -> regions.add(w.region()));
      for (String region : regions) {
        Optional<MinimumWage> w = forYear(config.minimumWages().stream()
            .filter(r -> r.region().equals(region)).toList(), year);
        if (w.isPresent()) {
          for (String city : region.split("\\|")) {
            cityRows.add(RowFactory.create(year, city.strip(), w.get().monthlyMinWage()));
          }
        }
      }
      for (int tier = 1; tier <= MAX_TIER; tier++) {
        final int t = tier;
        List<MinimumWage> fallback = config.minimumWages().stream()
            .filter(r -> r.region().equals("*") && r.cityTier() != null).toList();
        Optional<Integer> useTier = fallback.stream().map(MinimumWage::cityTier)
            .filter(x -> x <= t).max(Integer::compare)
            .or(() -> fallback.stream().map(MinimumWage::cityTier).min(Integer::compare));
        if (useTier.isPresent()) {
          forYear(fallback.stream().filter(r -> r.cityTier().equals(useTier.get())).toList(),
              year).ifPresent(w -> tierRows.add(RowFactory.create(year, t,
                  w.monthlyMinWage())));
        }
      }
    }
    StructType citySchema = new StructType().add("year", DataTypes.IntegerType)
        .add("city", DataTypes.StringType)
        .add("city_min_wage", DataTypes.createDecimalType(14, 2));
    StructType tierSchema = new StructType().add("year", DataTypes.IntegerType)
        .add("city_tier", DataTypes.IntegerType)
        .add("tier_min_wage", DataTypes.createDecimalType(14, 2));
    Dataset<Row> byCity = spark.createDataFrame(cityRows, citySchema);
    Dataset<Row> byTier = spark.createDataFrame(tierRows, tierSchema);
    return agentMonths
        .join(byCity, PayInputs.seq("year", "city"), "left")
        .join(byTier, PayInputs.seq("year", "city_tier"), "left")
        .withColumn("min_wage_monthly", coalesce(col("city_min_wage"), col("tier_min_wage")))
        .drop("city_min_wage", "tier_min_wage");
  }

  private static Optional<MinimumWage> forYear(List<MinimumWage> rows, int year) {
    Optional<MinimumWage> latest = rows.stream().filter(r -> r.year() <= year)
        .max(Comparator.comparingInt(MinimumWage::year));
    return latest.isPresent() ? latest
        : rows.stream().min(Comparator.comparingInt(MinimumWage::year));
  }

}
