package kefu.sourcing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Everything the in-house vs outsourced comparison is configured by, from
 * {@code data/config/sourcing.xlsx} (sheets Staffing, Concurrency, InHouse, Outsourcing,
 * PriceTiers). Small; lives on the driver.
 */
public record SourcingConfig(
    StaffingParameters staffing,
    List<ConcurrencyFactor> concurrency,
    List<InHouseCost> inHouse,
    List<OutsourcingQuote> quotes,
    List<PriceBand> priceBands) {

  public static final String FILE_NAME = "sourcing.xlsx";

  public static final String IN_HOUSE = "in_house";
  public static final String DEDICATED_FLAT = "dedicated_flat";
  public static final String DEDICATED_COMMISSION = "dedicated_commission";
  public static final String SHARED_SEAT = "shared_seat";
  public static final String TIERED_INQUIRY = "tiered_inquiry";
  public static final String HYBRID = "hybrid";
  /** Option ids in report order. */
  public static final List<String> OPTIONS = List.of(IN_HOUSE, DEDICATED_FLAT,
      DEDICATED_COMMISSION, SHARED_SEAT, TIERED_INQUIRY, HYBRID);
  /** Options priced by an outsourcing quote (all but in_house). */
  public static final List<String> QUOTED = OPTIONS.subList(1, OPTIONS.size());

  public SourcingConfig {
    concurrency = List.copyOf(concurrency);
    inHouse = List.copyOf(inHouse);
    quotes = List.copyOf(quotes);
    priceBands = List.copyOf(priceBands);
  }

  public static SourcingConfig defaults() {
    return DefaultSourcingConfig.get();
  }

  /** Reads and validates {@code dir/sourcing.xlsx}; throws {@link SourcingConfigError}. */
  public static SourcingConfig read(Path dir) {
    return SourcingConfigReader.read(dir.resolve(FILE_NAME));
  }

  /** {@code dir/sourcing.xlsx} when present, else the defaults. */
  public static SourcingConfig readOrDefaults(Path dir) {
    return Files.exists(dir.resolve(FILE_NAME)) ? read(dir) : defaults();
  }

  /** Writes the defaults as {@code dir/sourcing.xlsx}. */
  public static Path writeDefaults(Path dir) {
    return SourcingConfigWorkbook.write(defaults(), dir.resolve(FILE_NAME));
  }

  public Path write(Path file) {
    return SourcingConfigWorkbook.write(this, file);
  }

  /** In-house costs of a city tier (the nearest configured tier if absent). */
  public InHouseCost inHouse(int cityTier) {
    InHouseCost best = null;
    for (InHouseCost c : inHouse) {
      if (best == null || Math.abs(c.cityTier() - cityTier) < Math.abs(best.cityTier() - cityTier)) {
        best = c;
      }
    }
    if (best == null) {
      throw new SourcingConfigError(List.of("no in-house cost rows"));
    }
    return best;
  }

  public OutsourcingQuote quote(String option) {
    return quotes.stream().filter(q -> q.option().equals(option)).findFirst()
        .orElseThrow(() -> new SourcingConfigError(List.of("no outsourcing quote " + option)));
  }

  /** Per-inquiry price at a daily volume (whole-volume bands: the day's band prices all). */
  public double unitPrice(String tierTable, double perDay) {
    for (PriceBand b : priceBands) {
      if (b.tierTable().equals(tierTable) && b.contains(perDay)) {
        return b.unitPrice();
      }
    }
    throw new SourcingConfigError(List.of("tier table " + tierTable + " has no band for "
        + perDay + " per day"));
  }

  /**
   * The speed-up at {@code chats} simultaneous chats, linear between table rows, flat beyond
   * them (below 1 chat: 1.0).
   */
  public double concurrencyFactor(double chats) {
    List<ConcurrencyFactor> rows = new ArrayList<>(concurrency);
    rows.sort((a, b) -> Integer.compare(a.chats(), b.chats()));
    if (rows.isEmpty() || chats <= rows.get(0).chats()) {
      return rows.isEmpty() ? 1.0 : Math.max(1.0, Math.min(rows.get(0).factor(), 1.0 * chats));
    }
    for (int i = 0; i + 1 < rows.size(); i++) {
      ConcurrencyFactor lo = rows.get(i);
      ConcurrencyFactor hi = rows.get(i + 1);
      if (chats <= hi.chats()) {
        double t = (chats - lo.chats()) / (hi.chats() - lo.chats());
        return lo.factor() + t * (hi.factor() - lo.factor());
      }
    }
    return rows.get(rows.size() - 1).factor();
  }

  /** The factor used for a shop: the table at the configured or the observed concurrency. */
  public double planningFactor(Double observedConcurrency) {
    String setting = staffing.concurrentChats();
    if (StaffingParameters.OBSERVED.equalsIgnoreCase(setting)) {
      return observedConcurrency == null ? 1.0 : concurrencyFactor(observedConcurrency);
    }
    return concurrencyFactor(Double.parseDouble(setting));
  }

  // ---- what-if copies for the sensitivity mart ----

  /** In-house wages × factor. */
  public SourcingConfig withWageFactor(double factor) {
    return new SourcingConfig(staffing, concurrency, mapInHouse(c -> new InHouseCost(c.cityTier(),
        c.monthlyWage() * factor, c.socialInsuranceRate(), c.equipment(), c.office(),
        c.software(), c.management(), c.hireCost(), c.averageTenureMonths())), quotes,
        priceBands);
  }

  /** Turnover × factor (tenure ÷ factor). */
  public SourcingConfig withTurnoverFactor(double factor) {
    return new SourcingConfig(staffing, concurrency, mapInHouse(c -> new InHouseCost(c.cityTier(),
        c.monthlyWage(), c.socialInsuranceRate(), c.equipment(), c.office(), c.software(),
        c.management(), c.hireCost(), c.averageTenureMonths() / factor)), quotes, priceBands);
  }

  /** Every outsourcing price (fees, commission, unit and band prices, minimums) × factor. */
  public SourcingConfig withOutsourcingPriceFactor(double factor) {
    List<OutsourcingQuote> q = new ArrayList<>();
    for (OutsourcingQuote o : quotes) {
      q.add(new OutsourcingQuote(o.option(), o.name(), o.seatFee() * factor,
          o.baseFee() * factor, o.commissionRate() * factor, o.unitPrice() * factor,
          o.tierTable(), o.minimumMonthlyFee() * factor, o.minSeats(), o.peakSurcharge(),
          o.nightSurcharge(), o.note()));
    }
    List<PriceBand> bands = new ArrayList<>();
    for (PriceBand b : priceBands) {
      bands.add(new PriceBand(b.tierTable(), b.lower(), b.upper(), b.unitPrice() * factor));
    }
    return new SourcingConfig(staffing, concurrency, inHouse, q, bands);
  }

  private List<InHouseCost> mapInHouse(UnaryOperator<InHouseCost> f) {
    return inHouse.stream().map(f).toList();
  }
}
