package kefu.pay;

import java.math.BigDecimal;

/**
 * One scoring step of a KPI table: {@code metric comparison threshold} earns {@code points}
 * (the best satisfied step counts); {@code weight} is the metric's weight (same on every step of
 * a metric). Metrics: inquiry_conversion, reply_rate, avg_response_seconds, dsr_service,
 * dsr_description, dsr_logistics.
 */
public record KpiRule(
    String kpiTable,
    String metric,
    BigDecimal weight,
    String comparison,
    BigDecimal threshold,
    BigDecimal points) {}
