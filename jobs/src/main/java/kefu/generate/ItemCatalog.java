package kefu.generate;

import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Column;

/**
 * The items each shop sells, built on the driver and handed to Spark as literal arrays indexed by
 * a global item number (so picking an item is an array lookup, not a join). Item codes are
 * {@code <category prefix>-<4 digits>} as data/config/categories.csv expects.
 */
final class ItemCatalog {
  final String[] codes;
  final String[] titles;
  final String[] attributes;
  final long[] priceCents;
  final int[] categoryOrdinal;
  final int[] shopOffset;
  final int[] shopCount;

  private ItemCatalog(List<String> codes, List<String> titles, List<String> attributes,
      List<Long> prices, List<Integer> categories, int[] shopOffset, int[] shopCount) {
    this.codes = codes.toArray(String[]::new);
    this.titles = titles.toArray(String[]::new);
    this.attributes = attributes.toArray(String[]::new);
    this.priceCents = prices.stream().mapToLong(Long::longValue).toArray();
    this.categoryOrdinal = categories.stream().mapToInt(Integer::intValue).toArray();
    this.shopOffset = shopOffset;
    this.shopCount = shopCount;
  }

  private static final String[] TITLE_PREFIXES = {"2024新款", "爆款", "店长推荐", "官方正品", "限量", "经典款"};

  static ItemCatalog build(List<ShopProfile> shops, long seed) {
    List<String> codes = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    List<String> attributes = new ArrayList<>();
    List<Long> prices = new ArrayList<>();
    List<Integer> categories = new ArrayList<>();
    Map<Category, Integer> nextCode = new EnumMap<>(Category.class);
    int[] offset = new int[shops.size()];
    int[] count = new int[shops.size()];
    for (ShopProfile shop : shops) {
      SplittableRandom rng = new SplittableRandom(seed * 31 + shop.index() * 104_729L + 5);
      offset[shop.index()] = codes.size();
      for (Map.Entry<Category, Double> share : shop.categoryShares().entrySet()) {
        Category c = share.getKey();
        int n = Math.max(3, (int) Math.round(share.getValue() * 28));
        for (int k = 0; k < n; k++) {
          int number = nextCode.merge(c, 1, Integer::sum);
          codes.add(String.format("%s-%04d", c.prefix, number));
          String base = c.titles.get(rng.nextInt(c.titles.size()));
          titles.add(TITLE_PREFIXES[rng.nextInt(TITLE_PREFIXES.length)] + base
              + (char) ('A' + k % 26) + "款");
          attributes.add(c.attributes.get(rng.nextInt(c.attributes.size())));
          // Log-uniform prices within the range, ending in .00 or .90 like real listings.
          double yuan = c.priceMin * Math.pow((double) c.priceMax / c.priceMin, rng.nextDouble())
              * shop.priceFactor();
          long cents = Math.max(990, Math.round(yuan) * 100 - (rng.nextBoolean() ? 10 : 0));
          prices.add(cents);
          categories.add(c.ordinal());
        }
      }
      count[shop.index()] = codes.size() - offset[shop.index()];
    }
    return new ItemCatalog(codes, titles, attributes, prices, categories, offset, count);
  }

  int size() {
    return codes.length;
  }

  Column code(Column item) {
    return element_at(lit(codes), item.plus(1));
  }

  Column title(Column item) {
    return element_at(lit(titles), item.plus(1));
  }

  Column attribute(Column item) {
    return element_at(lit(attributes), item.plus(1));
  }

  Column priceCents(Column item) {
    return element_at(lit(priceCents), item.plus(1));
  }

  Column categoryOrdinal(Column item) {
    return element_at(lit(categoryOrdinal), item.plus(1));
  }

  Column offset(Column shop) {
    return element_at(lit(shopOffset), shop.plus(1));
  }

  Column count(Column shop) {
    return element_at(lit(shopCount), shop.plus(1));
  }
}
