package kefu.pipeline;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * What this JVM spent so far; a stage's share is the difference of two readings. CPU seconds sit
 * beside the wall seconds because a shared host's speed varies, and CPU compares code better. JIT
 * seconds are the time the JVM's compilers took to turn hot code (Spark's generated classes among
 * it) into machine code, summed over the compiler threads, waits for a core included: on 2 cores
 * they compete with the tasks (a demo review: 130 s of compiling in a 114 s run). On a cluster
 * both are the driver JVM's only. {@code jitSeconds} is NaN where the JVM does not time its
 * compilers.
 */
public record JvmWork(double cpuSeconds, double jitSeconds) {

  public static final JvmWork NONE = new JvmWork(0, 0);

  public static JvmWork now() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    double jitSeconds = jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime() / 1e3 : Double.NaN;
    return new JvmWork(((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9, jitSeconds);
  }

  public JvmWork minus(JvmWork earlier) {
    return new JvmWork(cpuSeconds - earlier.cpuSeconds, jitSeconds - earlier.jitSeconds);
  }
}
