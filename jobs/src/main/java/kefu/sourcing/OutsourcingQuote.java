package kefu.sourcing;

/**
 * One outsourcing price model (sheet Outsourcing, one row per option id). Which fields an option
 * uses: dedicated_flat seatFee; dedicated_commission seatFee + commissionRate of sales;
 * shared_seat baseFee per shop-month + unitPrice per message; tiered_inquiry and hybrid a
 * tierTable of per-inquiry prices by daily volume. All: minimumMonthlyFee, peakSurcharge (event
 * days), nightSurcharge (night hours), minSeats (seat models).
 */
public record OutsourcingQuote(
    String option,
    String name,
    double seatFee,
    double baseFee,
    double commissionRate,
    double unitPrice,
    String tierTable,
    double minimumMonthlyFee,
    int minSeats,
    double peakSurcharge,
    double nightSurcharge,
    String note) {}
