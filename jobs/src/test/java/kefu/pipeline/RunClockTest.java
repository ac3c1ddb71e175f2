package kefu.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunClockTest {
  @Test
  void sourceDateEpochPinsTheGenerationTime() {
    assertEquals(Instant.parse("2026-01-05T08:00:00Z"), RunClock.generatedAt("1767600000"));
  }

  @Test
  void withoutItTheRunIsDatedNowToTheSecond() {
    Instant t = RunClock.generatedAt("not a number");
    assertEquals(0, t.getNano());
    assertTrue(Math.abs(t.getEpochSecond() - Instant.now().getEpochSecond()) < 5);
  }
}
