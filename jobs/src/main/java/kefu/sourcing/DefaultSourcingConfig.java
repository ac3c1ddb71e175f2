package kefu.sourcing;

import java.util.List;

/**
 * Defaults from the domain brief (Part 1 "In-house vs outsourced", Part 2 §3, §4, §6) and seed
 * 004: SL 90% in 30 s, 30% shrinkage, 85% max occupancy, at least 2 agents, cover 08–24, night
 * 22–08; the four outsourcing models of seed 004 and a hybrid.
 */
final class DefaultSourcingConfig {
  private DefaultSourcingConfig() {}

  static final String INQUIRY_TIERS = "T_INQUIRY";

  static SourcingConfig get() {
    StaffingParameters staffing = new StaffingParameters(0.90, 30, 0.30, 0.85, 2, 1, 8, 24, 22,
        8, 8, 174, StaffingParameters.OBSERVED, 2, StaffingParameters.CURRENT, "receptions", 5000);
    List<ConcurrencyFactor> concurrency = List.of(new ConcurrencyFactor(1, 1.0),
        new ConcurrencyFactor(2, 1.7), new ConcurrencyFactor(3, 2.5),
        new ConcurrencyFactor(4, 2.9), new ConcurrencyFactor(5, 3.5));
    // wage by tier: Part 2 §3 bases (tier-1 5–8k, tier-2 4–6k, tier-3 3–5k), mid-points rounded
    List<InHouseCost> inHouse = List.of(
        new InHouseCost(1, 6500, 0.32, 300, 800, 150, 1500, 3000, 7.5),
        new InHouseCost(2, 5000, 0.32, 300, 500, 150, 1200, 2500, 7.5),
        new InHouseCost(3, 4000, 0.32, 250, 300, 150, 1000, 2000, 7.5));
    List<OutsourcingQuote> quotes = List.of(
        new OutsourcingQuote(SourcingConfig.DEDICATED_FLAT, "专人专店（包月）", 5000, 0, 0, 0, null, 0,
            1, 0.75, 0.30, "seed 004 / Part 2 §4: 4,500–6,000 per seat and month"),
        new OutsourcingQuote(SourcingConfig.DEDICATED_COMMISSION, "专人专店 底薪+提成", 2000, 0, 0.02, 0,
            null, 0, 1, 0.75, 0.30, "base 1,500–2,500 per seat + 1–3% of sales"),
        new OutsourcingQuote(SourcingConfig.SHARED_SEAT, "拼坐席 底薪+按消息", 0, 1500, 0, 0.8, null,
            0, 0, 0.75, 0.30, "base 1,500 per shop + 0.5–1.2 per message (base 0 = per message only)"),
        new OutsourcingQuote(SourcingConfig.TIERED_INQUIRY, "按咨询量阶梯计费", 0, 0, 0, 0,
            INQUIRY_TIERS, 0, 0, 0.75, 0.30, "per inquiry, band by inquiries per day"),
        new OutsourcingQuote(SourcingConfig.HYBRID, "自营核心+外包（高峰/夜间/非值班）", 0, 0, 0, 0,
            INQUIRY_TIERS, 0, 0, 0.75, 0.30, "in-house core sized for normal days' covered "
                + "daytime; outsourced per inquiry: night and uncovered hours, and event/holiday "
                + "days' excess over the core's capacity"));
    List<PriceBand> bands = List.of(new PriceBand(INQUIRY_TIERS, 0, 200.0, 1.8),
        new PriceBand(INQUIRY_TIERS, 200, 500.0, 1.35), new PriceBand(INQUIRY_TIERS, 500, null, 1.0));
    return new SourcingConfig(staffing, concurrency, inHouse, quotes, bands);
  }
}
