package kefu.ingest;

/**
 * How raw exports are read.
 *
 * @param timeZone zone of the local times in the exports (the shop's zone, e.g. Asia/Shanghai)
 * @param pseudonymKey secret key of the buyer pseudonyms (see {@link PseudonymKey})
 * @param categories item-code prefix to category master; null leaves categories empty
 * @param defaultShop shop id for files that name none; null falls back to the file name stem
 * @param strict throw {@link InputError} for the first rejected row instead of quarantining it
 * @param keepChatText keep chat message text (personal data) instead of nulling it
 */
public record IngestOptions(
    String timeZone,
    byte[] pseudonymKey,
    CategoryMaster categories,
    String defaultShop,
    boolean strict,
    boolean keepChatText) {}
