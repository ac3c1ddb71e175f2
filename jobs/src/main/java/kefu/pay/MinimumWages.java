package kefu.pay;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The monthly minimum wage of an agent-month: the agent's city row if there is one, else the *
 * row of the largest city tier not above the agent's (the smallest tier when every row is above
 * it); a year uses the latest row not after it (years before every row use the earliest).
 */
final class MinimumWages {
  static final int MAX_TIER = 9;

  private final PayConfig config;

  MinimumWages(PayConfig config) {
    this.config = config;
  }

  /** Null when neither the city nor the tier (1–9) has a row. */
  BigDecimal monthly(int year, String city, int cityTier) {
    if (city != null) {
      BigDecimal byCity = null;
      for (String region : config.minimumWages().stream().map(MinimumWage::region)
          .filter(r -> !r.equals("*")).distinct().sorted().toList()) {
        boolean names = List.of(region.split("\\|")).stream().map(String::strip)
            .anyMatch(city::equals);
        if (names) {
          Optional<MinimumWage> w = forYear(config.minimumWages().stream()
              .filter(r -> r.region().equals(region)).toList(), year);
          if (w.isPresent()) {
            byCity = w.get().monthlyMinWage();
          }
        }
      }
      if (byCity != null) {
        return Money.fen(byCity);
      }
    }
    if (cityTier < 1 || cityTier > MAX_TIER) {
      return null;
    }
    List<MinimumWage> fallback = config.minimumWages().stream()
        .filter(r -> r.region().equals("*") && r.cityTier() != null).toList();
    Optional<Integer> useTier = fallback.stream().map(MinimumWage::cityTier)
        .filter(t -> t <= cityTier).max(Integer::compare)
        .or(() -> fallback.stream().map(MinimumWage::cityTier).min(Integer::compare));
    return useTier.flatMap(t -> forYear(fallback.stream()
        .filter(r -> r.cityTier().equals(t)).toList(), year))
        .map(w -> Money.fen(w.monthlyMinWage())).orElse(null);
  }

  private static Optional<MinimumWage> forYear(List<MinimumWage> rows, int year) {
    Optional<MinimumWage> latest = rows.stream().filter(r -> r.year() <= year)
        .max(Comparator.comparingInt(MinimumWage::year));
    return latest.isPresent() ? latest
        : rows.stream().min(Comparator.comparingInt(MinimumWage::year));
  }
}
