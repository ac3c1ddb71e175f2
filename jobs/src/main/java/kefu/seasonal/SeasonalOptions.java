package kefu.seasonal;

/**
 * Settings of the seasonal effects: the baseline takes the same weekdays within
 * {@code baselineWeeks} weeks either side of an event window; the uplift interval is a
 * percentile bootstrap with {@code bootstrapSamples} resamples from {@code seed}.
 */
public record SeasonalOptions(int baselineWeeks, int bootstrapSamples, long seed) {
  public SeasonalOptions {
    if (baselineWeeks < 1) {
      throw new IllegalArgumentException("baselineWeeks must be at least 1: " + baselineWeeks);
    }
    if (bootstrapSamples < 0) {
      throw new IllegalArgumentException("bootstrapSamples must be >= 0: " + bootstrapSamples);
    }
  }

  public static SeasonalOptions defaults() {
    return new SeasonalOptions(4, 1000, 20251111L);
  }
}
