package kefu.ingest;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * What record mappers need besides the record: zone, pseudonyms, categories, shop fallback, and
 * the roster's agent ids with their shops (a 千牛 text record names agents only by nickname).
 */
record ParseContext(
    String timeZone,
    Pseudonymizer pseudonymizer,
    CategoryMaster categories,
    String defaultShop,
    boolean keepChatText,
    HashMap<String, String> rosterShops) implements Serializable {

  ParseContext {
    rosterShops = rosterShops == null ? new HashMap<>() : rosterShops;
  }

  ParseContext(String timeZone, Pseudonymizer pseudonymizer, CategoryMaster categories,
      String defaultShop, boolean keepChatText) {
    this(timeZone, pseudonymizer, categories, defaultShop, keepChatText, null);
  }

  /** The same context, knowing the roster's agents (agent id to shop id, which may be null). */
  ParseContext withRoster(Map<String, String> agents) {
    return new ParseContext(timeZone, pseudonymizer, categories, defaultShop, keepChatText,
        new HashMap<>(agents));
  }

  ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  String categoryOf(String itemId) {
    return categories == null ? null : categories.categoryOf(itemId);
  }

  /** Shop of rows that name none: the run's default shop, else the file name stem. */
  String fallbackShop(String sourceFile) {
    if (defaultShop != null && !defaultShop.isBlank()) {
      return defaultShop.trim();
    }
    return fileNameShop(sourceFile);
  }

  /** The shop a file that names none falls back to without --shop: its file name stem. */
  static String fileNameShop(String sourceFile) {
    String name = sourceFile.substring(sourceFile.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
