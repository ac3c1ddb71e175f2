package kefu.pipeline;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The peak of the live heap while a stage runs: the heap's occupancy right after each garbage
 * collection, as the collector reports it for all heap pools at once. Used heap between
 * collections is mostly garbage and grows with the heap size, so only the after-collection figure
 * shows whether the driver stays flat. (Summing each pool's own last after-collection figure, as
 * an earlier version did, mixed readings of different collections and could exceed the heap.)
 * Without a collection during the stage, the peak is the heap's current use, an upper bound.
 */
final class HeapWatch implements AutoCloseable {
  private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
      .collect(Collectors.toUnmodifiableSet());

  private final AtomicLong peak = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onCollection;

  HeapWatch() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
  }

  /** The highest live heap seen so far, in bytes. */
  long peakBytes() {
    long afterCollections = peak.get();
    return afterCollections > 0 ? afterCollections
        : ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException ignored) {
        // already gone
      }
    }
  }

  private void onCollection(Notification n, Object handback) {
    if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
      GarbageCollectionNotificationInfo info =
          GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
      peak.accumulateAndGet(liveAfter(info), Math::max);
    }
  }

  /** The heap pools' occupancy right after the collection {@code info} reports. */
  static long liveAfter(GarbageCollectionNotificationInfo info) {
    long bytes = 0;
    for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (HEAP_POOLS.contains(pool.getKey())) {
        MemoryUsage usage = pool.getValue();
        bytes += usage.getUsed();
      }
    }
    return bytes;
  }
}
