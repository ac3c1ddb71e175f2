package kefu.ingest;

import kefu.canonical.CanonicalSchema;

/** 聊天记录 export (千牛-like): one message per record; 买家昵称 is pseudonymised. */
final class ChatExportMapper implements RecordMapper {
  private final ParseContext ctx;

  ChatExportMapper(ParseContext ctx) {
    this.ctx = ctx;
  }

  static String sender(String v) {
    switch (v) {
      case "买家": case "buyer": return CanonicalSchema.BUYER;
      case "客服": case "agent": return CanonicalSchema.AGENT;
      case "机器人": case "bot": return CanonicalSchema.BOT;
      default: return null;
    }
  }

  @Override
  public void map(Fields f, Parsed.Builder out, String fallbackShop) {
    String shop = f.text("店铺名称");
    String sender = f.oneOf(ChatExportMapper::sender, "买家, 客服 or 机器人", "发送方");
    if (sender == null) {
      throw f.reject(new String[] {"发送方"}, "missing required value");
    }
    String buyer = ctx.pseudonymizer().pseudonym(f.text("买家昵称"));
    if (buyer == null) {
      throw f.reject(new String[] {"买家昵称"}, "message without buyer");
    }
    String agent = f.text("客服昵称");
    if (CanonicalSchema.AGENT.equals(sender) && agent == null) {
      throw f.reject(new String[] {"客服昵称"}, "agent message without agent");
    }
    out.set("shop_id", shop == null ? fallbackShop : shop)
        .set("buyer_key", buyer)
        .set("agent_id", CanonicalSchema.AGENT.equals(sender) ? agent : null)
        .set("sender", sender)
        .set("sent_at", f.requiredTime("发送时间"))
        .set("text", ctx.keepChatText() ? f.text("消息内容") : null);
  }
}
