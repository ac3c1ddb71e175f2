package kefu.pay;

import java.math.BigDecimal;

/**
 * One band of a tier table: values above {@code lower} up to and including {@code upper}
 * (null = no upper limit) get {@code rate}. Progressive mode pays each band's rate on the part of
 * the value inside the band; whole mode pays the rate of the band the value falls in on all of it.
 */
public record TierBand(String tierTable, BigDecimal lower, BigDecimal upper, BigDecimal rate) {}
