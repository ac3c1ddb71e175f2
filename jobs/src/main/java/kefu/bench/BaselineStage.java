package kefu.bench;

/** One stage of the DuckDB baseline: rows read, rows written and wall-clock seconds. */
public record BaselineStage(String name, long rowsIn, long rowsOut, double seconds) {}
