package kefu.present;

import kefu.report.Labels;

/**
 * The report's words for the codes the marts carry (pre_sales → 售前, winner → 得益, BASE → 底薪,
 * sales_gross → 销售额): labels {@code pipeline.code.<code>}; a code without a label is shown as
 * it is (an id from the input, say).
 */
final class Codes {
  private Codes() {}

  static String of(Labels l, String code) {
    if (code == null) {
      return null;
    }
    String key = "pipeline.code." + code;
    return l.has(key) ? l.get(key) : code;
  }
}
