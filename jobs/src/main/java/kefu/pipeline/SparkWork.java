package kefu.pipeline;

/**
 * What Spark's tasks did, summed over the tasks finished so far; a stage's work is the difference
 * of two readings. Task seconds above the stage's wall seconds times the cores mean the cores were
 * busy; CPU well below task time means the tasks waited (disk, spills); spilled bytes mean a
 * sort or aggregation outgrew its memory.
 */
public record SparkWork(long tasks, double taskSeconds, double cpuSeconds, double gcSeconds,
    long shuffleWrittenBytes, long spilledBytes) {

  public static final SparkWork NONE = new SparkWork(0, 0, 0, 0, 0, 0);

  public SparkWork minus(SparkWork earlier) {
    return new SparkWork(tasks - earlier.tasks, taskSeconds - earlier.taskSeconds,
        cpuSeconds - earlier.cpuSeconds, gcSeconds - earlier.gcSeconds,
        shuffleWrittenBytes - earlier.shuffleWrittenBytes, spilledBytes - earlier.spilledBytes);
  }
}
