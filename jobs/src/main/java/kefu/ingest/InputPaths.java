package kefu.ingest;

import java.util.List;

/**
 * Where each canonical table's raw exports are: files, folders (recursive) or globs, any Hadoop
 * FS. {@code agentExports} are the 赤兔/千牛/生意参谋 per-agent exports and 分时接待, whose
 * headers say which of agent_days and reception_hours each fills.
 */
public record InputPaths(
    List<String> orders,
    List<String> refunds,
    List<String> ratings,
    List<String> chats,
    List<String> agents,
    List<String> agentExports) {

  /** Without per-agent exports. */
  public InputPaths(List<String> orders, List<String> refunds, List<String> ratings,
      List<String> chats, List<String> agents) {
    this(orders, refunds, ratings, chats, agents, List.of());
  }

  public InputPaths {
    orders = orders == null ? List.of() : List.copyOf(orders);
    refunds = refunds == null ? List.of() : List.copyOf(refunds);
    ratings = ratings == null ? List.of() : List.copyOf(ratings);
    chats = chats == null ? List.of() : List.copyOf(chats);
    agents = agents == null ? List.of() : List.copyOf(agents);
    agentExports = agentExports == null ? List.of() : List.copyOf(agentExports);
  }

  /** The input group of {@link #agentExports}. */
  static final String AGENT_EXPORTS = "agent_exports";

  List<String> forTable(String table) {
    switch (table) {
      case "orders": return orders;
      case "refunds": return refunds;
      case "ratings": return ratings;
      case "chats": return chats;
      case "agents": return agents;
      case AGENT_EXPORTS: return agentExports;
      default: throw new IllegalArgumentException("unknown table " + table);
    }
  }
}
