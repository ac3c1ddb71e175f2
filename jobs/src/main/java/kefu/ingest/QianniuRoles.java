package kefu.ingest;

import java.util.Map;
import java.util.Set;
import kefu.canonical.CanonicalSchema;

/**
 * Who wrote a 千牛 message, from the nickname alone: the shop's bot (a nickname with 机器人, or
 * the 服务助手), an agent (a sub-account {@code 店铺名:客服名}, a roster agent id, or a side of a
 * transfer in the same file), else the buyer. An agent's id is the nickname as written, as in
 * the 聊天记录 export's 客服昵称 and the roster; its shop is the part before the colon.
 */
final class QianniuRoles {
  /** A sender role, with the agent id (agents only) and the shop the nickname names, if any. */
  record Role(String sender, String agentId, String shop) {
    boolean isBuyer() {
      return CanonicalSchema.BUYER.equals(sender);
    }
  }

  private final Map<String, String> rosterShops;
  private final Set<String> transferSides;

  /**
   * @param rosterShops agent id to shop id (null when the roster has none) of the run's roster
   * @param transferSides nicknames either side of a transfer line of the file
   */
  QianniuRoles(Map<String, String> rosterShops, Set<String> transferSides) {
    this.rosterShops = rosterShops;
    this.transferSides = transferSides;
  }

  Role of(String nick) {
    String shop = shopOf(nick);
    if (nick.contains("机器人") || nick.contains("服务助手")) {
      return new Role(CanonicalSchema.BOT, null, shop);
    }
    if (shop != null) {
      return new Role(CanonicalSchema.AGENT, nick, shop);
    }
    if (rosterShops.containsKey(nick)) {
      return new Role(CanonicalSchema.AGENT, nick, rosterShops.get(nick));
    }
    if (transferSides.contains(nick)) {
      return new Role(CanonicalSchema.AGENT, nick, null);
    }
    return new Role(CanonicalSchema.BUYER, null, null);
  }

  /** The shop of a sub-account {@code 店铺名:客服名}, else null. */
  static String shopOf(String nick) {
    int colon = nick.indexOf(':');
    return colon > 0 && colon < nick.length() - 1 ? nick.substring(0, colon) : null;
  }
}
