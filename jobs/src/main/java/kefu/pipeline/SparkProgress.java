package kefu.pipeline;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;

/**
 * What Spark has done so far: tasks, rows read and written for the heartbeat lines of long stages
 * (a run of many minutes should show it is moving), and the tasks' {@link SparkWork} for the
 * benchmark's profile of each stage.
 */
public final class SparkProgress extends SparkListener {
  private final AtomicLong plans = new AtomicLong();
  private final AtomicLong jobs = new AtomicLong();
  private final AtomicLong tasks = new AtomicLong();
  private final AtomicLong rowsRead = new AtomicLong();
  private final AtomicLong rowsWritten = new AtomicLong();
  private final AtomicLong taskMillis = new AtomicLong();
  private final AtomicLong cpuNanos = new AtomicLong();
  private final AtomicLong gcMillis = new AtomicLong();
  private final AtomicLong shuffleWritten = new AtomicLong();
  private final AtomicLong spilled = new AtomicLong();

  public static SparkProgress attach(SparkSession spark) {
    SparkProgress p = new SparkProgress();
    spark.sparkContext().addSparkListener(p);
    return p;
  }

  public void detach(SparkSession spark) {
    spark.sparkContext().removeSparkListener(this);
  }

  /** A SQL execution is one query plan: analysed, optimised and code-generated once. */
  @Override
  public void onOtherEvent(SparkListenerEvent event) {
    if (event instanceof SparkListenerSQLExecutionStart) {
      plans.incrementAndGet();
    }
  }

  @Override
  public void onJobStart(SparkListenerJobStart start) {
    jobs.incrementAndGet();
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    tasks.incrementAndGet();
    TaskMetrics m = end.taskMetrics();
    if (m != null) {
      rowsRead.addAndGet(m.inputMetrics().recordsRead() + m.shuffleReadMetrics().recordsRead());
      rowsWritten.addAndGet(m.outputMetrics().recordsWritten());
      taskMillis.addAndGet(m.executorRunTime());
      cpuNanos.addAndGet(m.executorCpuTime());
      gcMillis.addAndGet(m.jvmGCTime());
      shuffleWritten.addAndGet(m.shuffleWriteMetrics().bytesWritten());
      spilled.addAndGet(m.diskBytesSpilled());
    }
  }

  /** The plans and jobs started and the work of the tasks finished so far. */
  public SparkWork work() {
    return new SparkWork(plans.get(), jobs.get(), tasks.get(), taskMillis.get() / 1e3,
        cpuNanos.get() / 1e9, gcMillis.get() / 1e3, shuffleWritten.get(), spilled.get());
  }

  public String describe() {
    return String.format(Locale.ROOT, "run so far %,d tasks, %,d rows read, %,d rows written",
        tasks.get(), rowsRead.get(), rowsWritten.get());
  }
}
