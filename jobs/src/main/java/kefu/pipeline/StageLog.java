package kefu.pipeline;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Times the stages of a run, prints progress lines to stderr (unless quiet) and keeps the figures
 * for the manifest and the benchmark table.
 */
public final class StageLog {
  /** One finished stage: rows in and out as counted by the stage itself. */
  public record Stage(String name, long rowsIn, long rowsOut, double seconds, long peakHeapBytes) {
    public double rowsPerSecond() {
      return seconds > 0 ? rowsIn / seconds : 0;
    }
  }

  /** What a stage body reports back. */
  public record Counts(long rowsIn, long rowsOut) {}

  private final PrintStream out;
  private final boolean quiet;
  private final long startNanos = System.nanoTime();
  private final List<Stage> stages = new ArrayList<>();

  public StageLog(PrintStream out, boolean quiet) {
    this.out = out;
    this.quiet = quiet;
  }

  public <T> T run(String name, Supplier<T> body, java.util.function.Function<T, Counts> counts) {
    info("%s ...", name);
    long t0 = System.nanoTime();
    T result = body.get();
    Counts c = counts.apply(result);
    double seconds = (System.nanoTime() - t0) / 1e9;
    Runtime rt = Runtime.getRuntime();
    stages.add(new Stage(name, c.rowsIn(), c.rowsOut(), seconds, rt.totalMemory() - rt.freeMemory()));
    info("%s done: %,d rows in, %,d rows out, %.1f s", name, c.rowsIn(), c.rowsOut(), seconds);
    return result;
  }

  public void info(String format, Object... args) {
    if (!quiet) {
      double elapsed = (System.nanoTime() - startNanos) / 1e9;
      out.printf(Locale.ROOT, "[kefu %6.1fs] %s%n", elapsed, String.format(Locale.ROOT, format, args));
    }
  }

  public List<Stage> stages() {
    return List.copyOf(stages);
  }

  public double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
