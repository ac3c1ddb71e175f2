package kefu.sourcing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import kefu.spark.Ddl;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The mart {@code sourcing_sensitivity} (shop_id, option, driver): total cost over the history
 * with one driver at −20% and +20% (tornado data). Drivers: volume (receptions, messages,
 * inquiries, sales; staffing recomputed), wage (tier wages and payroll pay), turnover (turnover
 * cost, i.e. tenure ÷ factor), outsourcing_price (every fee, commission and unit price).
 *
 * <p>Columns: shop_id, option, driver, months, base_cost, low_cost, high_cost, low_change,
 * high_change (money), low_factor, high_factor.
 */
public final class SourcingSensitivity {
  private SourcingSensitivity() {}

  public static final double SWING = 0.20;
  public static final List<String> DRIVERS =
      List.of("volume", "wage", "turnover", "outsourcing_price");

  public static final StructType SCHEMA = Ddl.schema("shop_id STRING, option STRING, "
      + "driver STRING, months INT, base_cost DECIMAL(14,2), low_cost DECIMAL(14,2), "
      + "high_cost DECIMAL(14,2), low_change DECIMAL(14,2), high_change DECIMAL(14,2), "
      + "low_factor DOUBLE, high_factor DOUBLE");

  public record Swing(String shopId, String option, String driver, int months, double baseCost,
      double lowCost, double highCost) {}

  public static List<Swing> swings(List<ShopMonth> months, SourcingConfig config) {
    Map<String, List<ShopMonth>> byShop = new TreeMap<>();
    months.forEach(m -> byShop.computeIfAbsent(m.shopId(), k -> new ArrayList<>()).add(m));
    List<Swing> out = new ArrayList<>();
    byShop.forEach((shop, list) -> {
      Map<String, Double> base = totals(list, config, (m, c) -> CostModel.costs(m, c));
      for (String driver : DRIVERS) {
        Map<String, Double> low = totals(list, config, variant(driver, 1 - SWING));
        Map<String, Double> high = totals(list, config, variant(driver, 1 + SWING));
        for (String option : SourcingConfig.OPTIONS) {
          out.add(new Swing(shop, option, driver, list.size(), base.get(option),
              low.get(option), high.get(option)));
        }
      }
    });
    return out;
  }

  private static BiFunction<ShopMonth, SourcingConfig, List<OptionCost>> variant(String driver,
      double f) {
    return switch (driver) {
      case "volume" -> (m, c) -> CostModel.costs(m.scaled(f), c);
      case "wage" -> (m, c) -> CostModel.costs(m.withPayrollFactor(f), c.withWageFactor(f));
      case "turnover" -> (m, c) -> CostModel.costs(m, c.withTurnoverFactor(f));
      default -> (m, c) -> CostModel.costs(m, c.withOutsourcingPriceFactor(f));
    };
  }

  private static Map<String, Double> totals(List<ShopMonth> months, SourcingConfig config,
      BiFunction<ShopMonth, SourcingConfig, List<OptionCost>> costs) {
    Map<String, Double> totals = new LinkedHashMap<>();
    for (ShopMonth m : months) {
      costs.apply(m, config).forEach(c -> totals.merge(c.option(), c.cost(), Double::sum));
    }
    return totals;
  }

  public static LocalTable table(List<Swing> swings) {
    List<Row> rows = new ArrayList<>();
    for (Swing s : swings) {
      rows.add(LocalTable.row(SCHEMA, s.shopId(), s.option(), s.driver(), s.months(),
          SourcingCost.money(s.baseCost()), SourcingCost.money(s.lowCost()),
          SourcingCost.money(s.highCost()), SourcingCost.money(s.lowCost() - s.baseCost()),
          SourcingCost.money(s.highCost() - s.baseCost()), 1 - SWING, 1 + SWING));
    }
    return new LocalTable(SCHEMA, rows);
  }
}
