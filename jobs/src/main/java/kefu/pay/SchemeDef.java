package kefu.pay;

import java.math.BigDecimal;

/**
 * One pay scheme (a row of sheet Schemes). {@code appliesTo} is an {@link AgentFilter} expression
 * ("all", "employment=part_time", ...); the guards are per scheme so a scheme can be studied
 * without them.
 */
public record SchemeDef(
    String schemeId,
    String name,
    String description,
    String appliesTo,
    boolean isCurrent,
    boolean minWageGuard,
    BigDecimal deductionCapRate) {}
