package kefu.pay;

import java.math.BigDecimal;

/** Gross margin of a category, used by profit-based commission (profit = sales x margin). */
public record CategoryMargin(String category, String categoryName, BigDecimal marginRate) {}
