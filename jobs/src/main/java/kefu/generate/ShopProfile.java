package kefu.generate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One synthetic shop: its categories (share of items), size, behaviour rates and export quirks.
 * Built on the driver from the seed; shops cycle through eight templates.
 */
record ShopProfile(
    int index,
    String name,
    long shopNumber,
    Map<Category, Double> categoryShares,
    double priceFactor,
    double size,
    double chatShare,
    double unpaidRate,
    double refundFactor,
    boolean hasBot,
    boolean outsourcedTeam,
    boolean partTimeSeat,
    boolean newerHeaders,
    boolean yuanSuffix,
    String city,
    int cityTier,
    String ownerName) {

  private record Template(String name, Map<Category, Double> shares, double priceFactor,
      String city, int cityTier) {}

  private static final List<Template> TEMPLATES = List.of(
      new Template("悦衣坊服饰旗舰店", Map.of(Category.APPAREL, 0.9, Category.HOME, 0.1), 1.0, "杭州", 2),
      new Template("花颜美妆专营店", Map.of(Category.BEAUTY, 1.0), 1.1, "上海", 1),
      new Template("山野食品旗舰店", Map.of(Category.FOOD, 0.85, Category.HOME, 0.15), 0.9, "成都", 2),
      new Template("极客数码专营店", Map.of(Category.ELECTRONICS, 0.8, Category.HOME, 0.2), 1.0, "深圳", 1),
      new Template("简素女装店", Map.of(Category.APPAREL, 0.7, Category.BEAUTY, 0.3), 0.8, "广州", 1),
      new Template("家和居家日用店", Map.of(Category.HOME, 0.8, Category.FOOD, 0.2), 0.9, "金华", 3),
      new Template("萌宝零食铺", Map.of(Category.FOOD, 1.0), 0.8, "长沙", 2),
      new Template("优品生活馆", Map.of(Category.HOME, 0.5, Category.ELECTRONICS, 0.3,
          Category.BEAUTY, 0.2), 1.0, "武汉", 2));

  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
  private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟"};

  static List<ShopProfile> build(int shops, long seed) {
    List<ShopProfile> out = new ArrayList<>();
    for (int i = 0; i < shops; i++) {
      SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + i * 7919L + 17);
      Template t = TEMPLATES.get(i % TEMPLATES.size());
      int round = i / TEMPLATES.size();
      String name = round == 0 ? t.name() : t.name() + (round + 1) + "号店";
      Map<Category, Double> shares = new EnumMap<>(Category.class);
      shares.putAll(t.shares());
      out.add(new ShopProfile(
          i,
          name,
          57_000_000L + i * 1_130_417L + rng.nextInt(1000),
          shares,
          t.priceFactor() * (0.9 + 0.2 * rng.nextDouble()),
          // A few big shops and a long tail.
          1.0 / Math.pow(i + 1, 0.6) * (0.85 + 0.3 * rng.nextDouble()),
          0.52 + 0.18 * rng.nextDouble(),
          0.05 + 0.06 * rng.nextDouble(),
          0.8 + 0.4 * rng.nextDouble(),
          i % 2 == 0,
          i % 3 == 1,
          i % 2 == 0,
          i % 4 == 1,
          i == Math.min(2, shops - 1),
          t.city(),
          t.cityTier(),
          SURNAMES[rng.nextInt(SURNAMES.length)] + GIVEN[rng.nextInt(GIVEN.length)]));
    }
    return out;
  }

  /** The category with the largest share (used for the order-level description score). */
  Category mainCategory() {
    return categoryShares.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow()
        .getKey();
  }

  double monthFactor(int month, String event) {
    double sum = 0;
    for (Map.Entry<Category, Double> e : categoryShares.entrySet()) {
      sum += e.getValue() * e.getKey().monthFactor[month - 1] * e.getKey().eventBoost(event);
    }
    return sum;
  }
}
