package kefu.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peak of the live heap while a stage runs: the heap's occupancy right after each garbage
 * collection, sampled twice a second. Used heap between collections is mostly garbage and grows
 * with the heap size, so only the after-collection figure shows whether the driver stays flat.
 */
final class HeapWatch implements AutoCloseable {
  private static final List<MemoryPoolMXBean> HEAP_POOLS =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported())
          .toList();

  private final AtomicLong peak = new AtomicLong(live());
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "kefu-heap-watch");
    t.setDaemon(true);
    return t;
  });

  HeapWatch() {
    sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(live(), Math::max), 500, 500,
        TimeUnit.MILLISECONDS);
  }

  /** The highest live heap seen so far, in bytes. */
  long peakBytes() {
    return peak.accumulateAndGet(live(), Math::max);
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }

  /** Heap occupancy after the last collection of each pool (before any collection: its usage). */
  static long live() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : HEAP_POOLS) {
      MemoryUsage afterGc = pool.getCollectionUsage();
      bytes += afterGc != null && afterGc.getUsed() > 0 ? afterGc.getUsed()
          : pool.getUsage().getUsed();
    }
    return bytes;
  }
}
