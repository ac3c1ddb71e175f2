package kefu.cli;

import java.io.PrintStream;
import java.util.Locale;
import kefu.pipeline.ReviewResult;
import kefu.pipeline.SparkWork;
import kefu.pipeline.StageLog;

/** What commands print on stdout: where the report is, the headlines and the stage table. */
final class Printing {
  private Printing() {}

  static void result(ReviewResult r) {
    PrintStream out = System.out;
    out.println("Workbook: " + r.workbook());
    if (r.notebook() != null) {
      out.println("Notebook: " + r.notebook());
    }
    out.println("Marts:    " + r.outDir() + "/marts/");
    for (String h : r.headlines()) {
      out.println("  · " + h);
    }
  }

  static void stageTable(Iterable<StageLog.Stage> stages) {
    PrintStream out = System.out;
    out.printf(Locale.ROOT, "%-10s %14s %14s %9s %14s %19s%n", "stage", "rows in", "rows out",
        "seconds", "rows/s", "peak live heap MB");
    for (StageLog.Stage s : stages) {
      out.printf(Locale.ROOT, "%-10s %,14d %,14d %9.1f %,14.0f %,19d%n", s.name(), s.rowsIn(),
          s.rowsOut(), s.seconds(), s.rowsPerSecond(), s.peakHeapBytes() >> 20);
    }
  }

  /**
   * Where each stage's time went in Spark's tasks: busy cores (task seconds per wall second),
   * CPU against task time, garbage collection, shuffle and spill volumes; and in the JVM: its CPU
   * (tasks, planning, compiling, collecting) and its JIT compilers' time.
   */
  static void workTable(Iterable<StageLog.Stage> stages) {
    PrintStream out = System.out;
    out.printf(Locale.ROOT, "%-10s %6s %6s %9s %10s %8s %8s %8s %12s %12s %10s %8s%n", "stage",
        "plans", "jobs", "tasks", "task s", "cores", "cpu s", "gc s", "shuffle MB", "spilled MB",
        "jvm cpu s", "jit s");
    long plans = 0;
    long jobs = 0;
    for (StageLog.Stage s : stages) {
      SparkWork w = s.work();
      plans += w.plans();
      jobs += w.jobs();
      out.printf(Locale.ROOT, "%-10s %,6d %,6d %,9d %,10.1f %8.2f %,8.1f %,8.1f %,12d %,12d "
          + "%,10.1f %8s%n", s.name(), w.plans(), w.jobs(), w.tasks(), w.taskSeconds(),
          s.seconds() > 0 ? w.taskSeconds() / s.seconds() : 0, w.cpuSeconds(), w.gcSeconds(),
          w.shuffleWrittenBytes() >> 20, w.spilledBytes() >> 20, s.jvm().cpuSeconds(),
          Double.isNaN(s.jvm().jitSeconds()) ? "n/a"
              : String.format(Locale.ROOT, "%,.1f", s.jvm().jitSeconds()));
    }
    out.printf(Locale.ROOT, "%-10s %,6d %,6d%n", "review", plans, jobs);
  }
}
