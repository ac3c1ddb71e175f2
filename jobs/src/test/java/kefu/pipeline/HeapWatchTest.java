package kefu.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.Reference;
import org.junit.jupiter.api.Test;

class HeapWatchTest {
  @Test
  void thePeakIsTheHeapRightAfterACollectionWithWhatIsStillReachable() throws Exception {
    long keptBytes = 64L << 20;
    try (HeapWatch watch = new HeapWatch()) {
      byte[][] kept = new byte[64][];
      for (int i = 0; i < kept.length; i++) {
        kept[i] = new byte[1 << 20];
      }
      System.gc();
      // Collection notifications arrive on the JVM's service thread.
      for (int i = 0; i < 100 && watch.peakBytes() < keptBytes; i++) {
        Thread.sleep(50);
      }
      long peak = watch.peakBytes();
      assertTrue(peak >= keptBytes, peak + " bytes, 64 MB still reachable");
      assertTrue(peak <= Runtime.getRuntime().maxMemory(), peak + " bytes, above the heap");
      Reference.reachabilityFence(kept);
    }
  }
}
