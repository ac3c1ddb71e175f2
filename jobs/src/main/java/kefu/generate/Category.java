package kefu.generate;

import java.util.List;

/**
 * The five categories of data/config/categories.csv with the traits the generator draws from:
 * price range (yuan), share of paid lines refunded, share of those refunds needing the goods back,
 * monthly seasonality (Jan..Dec) and typical refund reasons.
 */
enum Category {
  APPAREL("APP", 59, 399, 0.24, 0.88, 0.80,
      new double[] {0.9, 0.7, 1.0, 1.0, 1.0, 0.9, 0.8, 0.8, 1.0, 1.1, 1.3, 1.2},
      List.of("纯棉短袖T恤", "高腰牛仔裤", "羊毛针织开衫", "连帽卫衣", "轻薄羽绒服", "休闲西装外套", "碎花连衣裙",
          "运动休闲裤", "法式衬衫"),
      List.of("颜色分类:黑色;尺码:M", "颜色分类:白色;尺码:L", "颜色分类:杏色;尺码:S", "颜色分类:藏青;尺码:XL"),
      List.of("尺码不合适", "七天无理由退换货", "不喜欢/效果不好", "质量问题", "描述不符", "尺码不合适", "颜色与图片不符")),
  BEAUTY("BEA", 49, 499, 0.08, 0.45, 0.86,
      new double[] {0.9, 0.8, 1.2, 1.0, 1.0, 1.0, 0.9, 0.9, 1.0, 1.0, 1.2, 1.1},
      List.of("保湿精华液", "氨基酸洗面奶", "持妆粉底液", "丝绒哑光口红", "修护面霜", "控油散粉", "卸妆水"),
      List.of("规格:30ml", "规格:50ml", "色号:01自然色", "色号:03暖调"),
      List.of("七天无理由退换货", "过敏/不适用", "不想要了", "描述不符", "质量问题", "包装破损")),
  FOOD("FOO", 19, 129, 0.03, 0.10, 0.88,
      new double[] {1.4, 1.0, 0.9, 0.9, 0.9, 0.9, 0.8, 0.9, 1.1, 1.0, 1.1, 1.2},
      List.of("每日坚果礼盒", "手撕牛肉干", "云南小粒咖啡", "黑糖红枣茶", "海苔脆片", "低脂鸡胸肉", "年货零食大礼包"),
      List.of("规格:500g", "规格:750g礼盒装", "口味:原味", "口味:香辣"),
      List.of("包装破损", "临近保质期", "拍错了/不想要了", "口味不喜欢", "少件/漏发")),
  HOME("HOM", 15, 299, 0.09, 0.55, 0.85,
      new double[] {0.9, 0.7, 1.0, 1.0, 1.0, 1.0, 0.9, 0.9, 1.0, 1.0, 1.2, 1.1},
      List.of("加厚收纳箱", "纯棉四件套", "记忆棉枕头", "不锈钢保温杯", "北欧风地毯", "厨房置物架", "香薰蜡烛"),
      List.of("颜色分类:灰色", "尺寸:1.8m床", "颜色分类:米白", "容量:500ml"),
      List.of("七天无理由退换货", "商品破损", "描述不符", "质量问题", "不想要了", "发错货")),
  ELECTRONICS("ELE", 49, 1999, 0.07, 0.65, 0.86,
      new double[] {0.9, 0.7, 0.9, 0.9, 1.0, 1.2, 0.9, 1.0, 1.1, 1.0, 1.3, 1.0},
      List.of("蓝牙降噪耳机", "65W氮化镓充电器", "机械键盘", "无线鼠标", "智能手环", "移动电源20000mAh", "便携音箱"),
      List.of("颜色分类:黑色", "颜色分类:白色", "版本:标准版", "版本:套装版"),
      List.of("质量问题", "七天无理由退换货", "描述不符", "商品破损", "发错货", "不想要了"));

  final String prefix;
  final int priceMin;
  final int priceMax;
  final double refundRate;
  final double returnShare;
  final double descriptionFiveShare;
  final double[] monthFactor;
  final List<String> titles;
  final List<String> attributes;
  final List<String> refundReasons;

  Category(String prefix, int priceMin, int priceMax, double refundRate, double returnShare,
      double descriptionFiveShare, double[] monthFactor, List<String> titles,
      List<String> attributes, List<String> refundReasons) {
    this.prefix = prefix;
    this.priceMin = priceMin;
    this.priceMax = priceMax;
    this.refundRate = refundRate;
    this.returnShare = returnShare;
    this.descriptionFiveShare = descriptionFiveShare;
    this.monthFactor = monthFactor;
    this.titles = titles;
    this.attributes = attributes;
    this.refundReasons = refundReasons;
  }

  /** Extra volume factor of this category during an event (年货节 food, 38节 beauty, 618 digital). */
  double eventBoost(String event) {
    if (event == null) {
      return 1.0;
    }
    return switch (this) {
      case FOOD -> event.equals("年货节") ? 1.6 : 1.0;
      case BEAUTY -> event.equals("38节") ? 1.5 : 1.0;
      case ELECTRONICS -> event.equals("618") ? 1.3 : 1.0;
      case APPAREL -> event.equals("双11") ? 1.15 : 1.0;
      default -> 1.0;
    };
  }
}
