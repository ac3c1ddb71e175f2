package kefu.generate;

import static kefu.generate.HashRandom.below;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.Column;

/**
 * Synthetic but realistic-looking buyer identities, all derived from the buyer number so every
 * order and chat of a buyer shows the same 会员名, phone and address. Nicknames are unique: the
 * number part is a bijection of the buyer number.
 */
final class BuyerIdentity {
  private BuyerIdentity() {}

  private static final String[] NICK_WORDS = {"快乐的鱼", "阳光小猪", "星星点灯", "糖果屋", "lily", "momo",
      "雨天的猫", "清风徐来", "小太阳", "jack", "奶茶续命", "咸鱼翻身", "橘子汽水", "summer", "夏天的风", "追梦人"};
  private static final String[] PHONE_PREFIXES = {"38", "39", "50", "58", "86", "88", "35", "37", "36",
      "52", "57", "82", "87", "33", "53", "80", "89", "77", "59", "51"};
  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
      "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢"};
  private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
      "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "晓燕"};
  private static final String[] REGIONS = {"浙江省 杭州市 西湖区", "浙江省 宁波市 鄞州区", "江苏省 南京市 鼓楼区",
      "江苏省 苏州市 工业园区", "上海 上海市 浦东新区", "北京 北京市 朝阳区", "广东省 广州市 天河区",
      "广东省 深圳市 南山区", "四川省 成都市 武侯区", "湖北省 武汉市 洪山区", "山东省 青岛市 市南区",
      "河南省 郑州市 金水区", "福建省 厦门市 思明区", "湖南省 长沙市 岳麓区", "陕西省 西安市 雁塔区",
      "安徽省 合肥市 蜀山区"};
  private static final String[] POSTCODES = {"310012", "315100", "210008", "215021", "200120", "100020",
      "510630", "518057", "610041", "430074", "266001", "450008", "361001", "410012", "710061",
      "230031"};
  private static final String[] ROADS = {"文三路", "中山路", "人民路", "解放路", "建设路", "长江路", "黄河路",
      "学院路", "新华路", "和平路", "科技路", "光明路"};

  private static Column u(long seed, Column buyer, int draw) {
    return HashRandom.uniform(seed, buyer, draw);
  }

  private static Column digits(long seed, Column buyer, int draw, long modulus, int width) {
    return lpad(pmod(xxhash64(lit(seed), buyer, lit(draw)), lit(modulus)).cast(StringType), width,
        "0");
  }

  /** A number in [0, 1e9) unique per buyer number (odd multiplier, coprime to 10^9). */
  private static Column uniqueNumber(long seed, Column buyer) {
    return pmod(buyer.multiply(2_654_435_761L).plus(lit(Math.floorMod(seed * 7_919L, 1_000_000_000L))),
        lit(1_000_000_000L));
  }

  static Column nickname(long seed, Column buyer) {
    Column number = uniqueNumber(seed, buyer).cast(StringType);
    return when(u(seed, buyer, 101).lt(0.45),
        concat(lit("tb"), number, lit("_"), digits(seed, buyer, 102, 100, 2)))
        .otherwise(concat(element_at(lit(NICK_WORDS),
            below(u(seed, buyer, 103), NICK_WORDS.length).plus(1)), number));
  }

  static Column phone(long seed, Column buyer) {
    return concat(lit("1"), element_at(lit(PHONE_PREFIXES),
        below(u(seed, buyer, 104), PHONE_PREFIXES.length).plus(1)),
        digits(seed, buyer, 105, 100_000_000L, 8));
  }

  static Column alipayAccount(long seed, Column buyer) {
    Column masked = concat(phone(seed, buyer).substr(1, 3), lit("****"),
        phone(seed, buyer).substr(8, 4));
    Column email = concat(lit("u"), digits(seed, buyer, 106, 100_000_000L, 8),
        when(u(seed, buyer, 107).lt(0.5), lit("@163.com")).otherwise(lit("@qq.com")));
    return when(u(seed, buyer, 108).lt(0.65), masked).otherwise(email);
  }

  static Column receiverName(long seed, Column buyer) {
    return concat(element_at(lit(SURNAMES), below(u(seed, buyer, 109), SURNAMES.length).plus(1)),
        element_at(lit(GIVEN), below(u(seed, buyer, 110), GIVEN.length).plus(1)));
  }

  static Column address(long seed, Column buyer) {
    Column region = below(u(seed, buyer, 111), REGIONS.length).plus(1);
    return concat(element_at(lit(REGIONS), region), lit(" "),
        element_at(lit(ROADS), below(u(seed, buyer, 112), ROADS.length).plus(1)),
        below(u(seed, buyer, 113), 300).plus(1).cast(StringType), lit("号"),
        below(u(seed, buyer, 114), 20).plus(1).cast(StringType), lit("幢"),
        below(u(seed, buyer, 115), 28).plus(1).cast(StringType), lit("0"),
        below(u(seed, buyer, 116), 4).plus(1).cast(StringType), lit("室("),
        element_at(lit(POSTCODES), region), lit(")"));
  }
}
