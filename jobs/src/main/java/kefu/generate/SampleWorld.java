package kefu.generate;

import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDateTime;
import java.util.List;
import java.util.function.ToDoubleFunction;
import kefu.calendar.PromotionCalendar;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * The driver-side dimensions of one sample (shops, items, agents, daily cells) plus the Column
 * lookups into them. Times inside the generator are "local seconds": seconds since 00:00 of the
 * first day in the shop's wall-clock time, so no time-zone conversion is ever involved.
 */
final class SampleWorld {
  final GeneratorOptions options;
  final long seed;
  final List<ShopProfile> shops;
  final ItemCatalog catalog;
  final AgentRoster roster;
  final List<Row> cells;
  /** First buyer number and buyer pool size of each shop. */
  final long[] buyerOffset;
  final long[] buyerPool;

  private SampleWorld(GeneratorOptions options, List<ShopProfile> shops, ItemCatalog catalog,
      AgentRoster roster, List<Row> cells) {
    this.options = options;
    this.seed = options.seed();
    this.shops = shops;
    this.catalog = catalog;
    this.roster = roster;
    this.cells = cells;
    long[] ordersPerShop = new long[shops.size()];
    for (Row cell : cells) {
      ordersPerShop[cell.getInt(1)] += cell.getLong(3);
    }
    buyerOffset = new long[shops.size()];
    buyerPool = new long[shops.size()];
    long next = 0;
    for (int s = 0; s < shops.size(); s++) {
      buyerOffset[s] = next;
      // Roughly a quarter of orders come from returning buyers.
      buyerPool[s] = Math.max(50, Math.round(ordersPerShop[s] * 0.75));
      next += buyerPool[s];
    }
  }

  static SampleWorld build(GeneratorOptions options, PromotionCalendar calendar) {
    List<ShopProfile> shops = ShopProfile.build(options.shops(), options.seed());
    ItemCatalog catalog = ItemCatalog.build(shops, options.seed());
    AgentRoster roster = AgentRoster.build(shops, options.from(), options.to(), options.seed());
    List<Row> cells = DailyVolume.cells(options, shops, roster, calendar);
    return new SampleWorld(options, shops, catalog, roster, cells);
  }

  /** End of the period (exclusive) in local seconds. */
  long endSeconds() {
    return options.days() * 86_400L;
  }

  LocalDateTime origin() {
    return options.from().atStartOfDay();
  }

  Column u(Column key, int draw) {
    return HashRandom.uniform(seed, key, draw);
  }

  Column u(Column key, Column subKey, int draw) {
    return HashRandom.uniform(seed, key, subKey, draw);
  }

  Column shopName(Column shop) {
    return element_at(lit(shops.stream().map(ShopProfile::name).toArray(String[]::new)),
        shop.plus(1));
  }

  Column shopNumber(Column shop) {
    return element_at(lit(shops.stream().mapToLong(ShopProfile::shopNumber).toArray()),
        shop.plus(1));
  }

  Column shopOwner(Column shop) {
    return element_at(lit(shops.stream().map(ShopProfile::ownerName).toArray(String[]::new)),
        shop.plus(1));
  }

  Column shopValue(Column shop, ToDoubleFunction<ShopProfile> value) {
    return element_at(lit(shops.stream().mapToDouble(value).toArray()), shop.plus(1));
  }

  Column shopFlag(Column shop, java.util.function.Predicate<ShopProfile> flag) {
    boolean[] flags = new boolean[shops.size()];
    for (int i = 0; i < flags.length; i++) {
      flags[i] = flag.test(shops.get(i));
    }
    Boolean[] boxed = new Boolean[flags.length];
    for (int i = 0; i < flags.length; i++) {
      boxed[i] = flags[i];
    }
    return element_at(lit(boxed), shop.plus(1));
  }

  Column buyerOffset(Column shop) {
    return element_at(lit(buyerOffset), shop.plus(1));
  }

  Column buyerPool(Column shop) {
    return element_at(lit(buyerPool), shop.plus(1));
  }

  /** Category lookups by ordinal. */
  Column categoryValue(Column ordinal, ToDoubleFunction<Category> value) {
    double[] values = new double[Category.values().length];
    for (Category c : Category.values()) {
      values[c.ordinal()] = value.applyAsDouble(c);
    }
    return element_at(lit(values), ordinal.plus(1));
  }
}
