package kefu.sourcing;

/** In-house agents of one shop-month in one city tier (payroll mart): how many and their pay. */
public record PayrollTier(int cityTier, int agents, double pay) {}
