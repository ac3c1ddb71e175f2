package kefu.ingest;

import java.io.Serializable;
import java.time.ZoneId;

/** What record mappers need besides the record: zone, pseudonyms, categories, shop fallback. */
record ParseContext(
    String timeZone,
    Pseudonymizer pseudonymizer,
    CategoryMaster categories,
    String defaultShop,
    boolean keepChatText) implements Serializable {

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
