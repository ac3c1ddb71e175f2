package kefu.ingest;

import java.util.List;

/** Where each canonical table's raw exports are: files, folders (recursive) or globs, any Hadoop FS. */
public record InputPaths(
    List<String> orders,
    List<String> refunds,
    List<String> ratings,
    List<String> chats,
    List<String> agents) {

  public InputPaths {
    orders = orders == null ? List.of() : List.copyOf(orders);
    refunds = refunds == null ? List.of() : List.copyOf(refunds);
    ratings = ratings == null ? List.of() : List.copyOf(ratings);
    chats = chats == null ? List.of() : List.copyOf(chats);
    agents = agents == null ? List.of() : List.copyOf(agents);
  }

  List<String> forTable(String table) {
    switch (table) {
      case "orders": return orders;
      case "refunds": return refunds;
      case "ratings": return ratings;
      case "chats": return chats;
      case "agents": return agents;
      default: throw new IllegalArgumentException("unknown table " + table);
    }
  }
}
