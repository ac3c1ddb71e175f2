package kefu.pay;

import java.math.BigDecimal;

/**
 * A monthly minimum wage: {@code region} is a city name (alternatives separated by |) or * for
 * the fallback by {@code cityTier}; the value applies from {@code year} until a later row.
 */
public record MinimumWage(
    String region,
    Integer cityTier,
    int year,
    BigDecimal monthlyMinWage,
    BigDecimal hourlyMinWage,
    String source,
    String note) {}
