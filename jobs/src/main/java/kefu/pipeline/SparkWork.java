package kefu.pipeline;

/**
 * What Spark did, summed so far; a stage's work is the difference of two readings. Plans (SQL
 * executions) and jobs are the fixed cost: each plan costs about a CPU-second of analysis,
 * planning and code generation whatever its size, so their count is tracked like the seconds.
 * Task seconds above the stage's wall seconds times the cores mean the cores were busy; CPU well
 * below task time means the tasks waited (disk, spills); spilled bytes mean a sort or
 * aggregation outgrew its memory.
 */
public record SparkWork(long plans, long jobs, long tasks, double taskSeconds, double cpuSeconds,
    double gcSeconds, long shuffleWrittenBytes, long spilledBytes) {

  public static final SparkWork NONE = new SparkWork(0, 0, 0, 0, 0, 0, 0, 0);

  public SparkWork minus(SparkWork earlier) {
    return new SparkWork(plans - earlier.plans, jobs - earlier.jobs, tasks - earlier.tasks,
        taskSeconds - earlier.taskSeconds, cpuSeconds - earlier.cpuSeconds,
        gcSeconds - earlier.gcSeconds, shuffleWrittenBytes - earlier.shuffleWrittenBytes,
        spilledBytes - earlier.spilledBytes);
  }
}
