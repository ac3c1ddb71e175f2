package kefu.ingest;

/** How many rows of a table were rejected for one reason (the data-quality sheet lists them). */
public record RejectReason(String table, String reason, long rows) {}
