package kefu.ingest;

import java.util.Locale;

/** Agent roster (English canonical headers or Chinese aliases). */
final class AgentRosterMapper implements RecordMapper {
  static String sourcing(String v) {
    switch (v.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_')) {
      case "in_house": case "inhouse": case "自营": case "自有": case "内部": return "in_house";
      case "outsourced": case "外包": return "outsourced";
      default: return null;
    }
  }

  static String role(String v) {
    switch (v.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_')) {
      case "pre_sales": case "presales": case "售前": return "pre_sales";
      case "after_sales": case "aftersales": case "售后": return "after_sales";
      default: return null;
    }
  }

  static String employment(String v) {
    switch (v.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_')) {
      case "full_time": case "fulltime": case "全职": return "full_time";
      case "part_time": case "parttime": case "兼职": return "part_time";
      default: return null;
    }
  }

  @Override
  public void map(Fields f, Parsed.Builder out, String fallbackShop) {
    String agent = f.requiredText("agent_id", "客服昵称");
    String shop = f.text("shop_id", "店铺名称");
    if (shop == null && agent.contains(":")) {
      shop = agent.substring(0, agent.indexOf(':'));
    }
    out.set("agent_id", agent)
        .set("shop_id", shop)
        .set("display_name", f.text("display_name", "姓名"))
        .set("team", f.text("team", "分组"))
        .set("sourcing", f.oneOf(AgentRosterMapper::sourcing, "in_house/outsourced (自营/外包)",
            "sourcing", "用工方式", "来源"))
        .set("role", f.oneOf(AgentRosterMapper::role, "pre_sales/after_sales (售前/售后)",
            "role", "岗位"))
        .set("employment", f.oneOf(AgentRosterMapper::employment,
            "full_time/part_time (全职/兼职)", "employment", "全职/兼职"))
        .set("city", f.text("city", "城市"))
        .set("city_tier", f.count("city_tier", "城市等级"))
        .set("hired_on", f.date("hired_on", "入职日期"))
        .set("left_on", f.date("left_on", "离职日期"));
  }
}
