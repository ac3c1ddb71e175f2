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
  /**
   * One finished stage: rows in and out as counted by the stage itself, the peak of the live
   * heap (after garbage collection) while it ran, the work of the Spark tasks that finished
   * meanwhile ({@link SparkWork#NONE} when no Spark progress was attached) and the JVM's CPU and
   * compiling time.
   */
  public record Stage(String name, long rowsIn, long rowsOut, double seconds, long peakHeapBytes,
      SparkWork work, JvmWork jvm) {
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
  private volatile Supplier<String> progress;
  private volatile Supplier<SparkWork> work = () -> SparkWork.NONE;
  private java.util.function.Consumer<Stage> afterEachStage = stage -> {};

  private final java.time.Duration heartbeat;

  public StageLog(PrintStream out, boolean quiet) {
    this(out, quiet, java.time.Duration.ofSeconds(30));
  }

  StageLog(PrintStream out, boolean quiet, java.time.Duration heartbeat) {
    this.out = out;
    this.quiet = quiet;
    this.heartbeat = heartbeat;
  }

  /** While a stage runs, a line with {@code progress}' description every 30 s. */
  public void reportProgress(Supplier<String> progress) {
    this.progress = progress;
  }

  /** Heartbeats with {@code spark}'s progress, and each stage's Spark work from it. */
  public void reportProgress(SparkProgress spark) {
    reportProgress(spark::describe);
    this.work = spark::work;
  }

  /** Calls {@code listener} with each stage that finished, right after it (not after a failure). */
  public void afterEachStage(java.util.function.Consumer<Stage> listener) {
    this.afterEachStage = listener;
  }

  public <T> T run(String name, Supplier<T> body, java.util.function.Function<T, Counts> counts) {
    info("%s ...", name);
    long t0 = System.nanoTime();
    JvmWork jvmBefore = JvmWork.now();
    SparkWork workBefore = work.get();
    T result;
    java.util.concurrent.ScheduledExecutorService beat = heartbeat(name, t0);
    long peakHeap;
    try (HeapWatch heap = new HeapWatch()) {
      result = body.get();
      peakHeap = heap.peakBytes();
    } finally {
      if (beat != null) {
        beat.shutdownNow();
      }
    }
    Counts c = counts.apply(result);
    double seconds = (System.nanoTime() - t0) / 1e9;
    Stage stage = new Stage(name, c.rowsIn(), c.rowsOut(), seconds, peakHeap,
        work.get().minus(workBefore), JvmWork.now().minus(jvmBefore));
    stages.add(stage);
    double jit = stage.jvm().jitSeconds();
    String done = String.format(Locale.ROOT, "%s done: %,d rows in, %,d rows out, %.1f s (CPU "
        + "%.1f s%s)", name, c.rowsIn(), c.rowsOut(), seconds, stage.jvm().cpuSeconds(),
        Double.isNaN(jit) ? "" : String.format(Locale.ROOT, ", JIT %.1f s", jit));
    if (stage.work().plans() > 0) {
      info("%s, %d query plans, %d jobs", done, stage.work().plans(), stage.work().jobs());
    } else {
      info("%s", done);
    }
    afterEachStage.accept(stage);
    return result;
  }

  private java.util.concurrent.ScheduledExecutorService heartbeat(String name, long t0) {
    Supplier<String> source = progress;
    if (quiet || source == null) {
      return null;
    }
    var beat = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "kefu-heartbeat");
      t.setDaemon(true);
      return t;
    });
    long every = heartbeat.toMillis();
    beat.scheduleAtFixedRate(() -> info("%s running %.0f s: %s", name,
        (System.nanoTime() - t0) / 1e9, source.get()), every, every,
        java.util.concurrent.TimeUnit.MILLISECONDS);
    return beat;
  }

  /** Something the user should act on: printed even with --quiet, which silences progress. */
  public void warn(String format, Object... args) {
    out.println("kefu: " + String.format(Locale.ROOT, format, args));
    out.flush();
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
