package kefu.pay;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the pay replay is configured by, as read from {@code pay_schemes.xlsx} (sheets
 * Schemes, Components, Tiers, KPI, MinimumWage, CategoryMargins, Settings). Small; lives on the
 * driver. {@link #read(Path)} validates the whole workbook and throws {@link PayConfigError}
 * listing every problem.
 */
public record PayConfig(
    List<SchemeDef> schemes,
    List<ComponentDef> components,
    List<TierBand> tiers,
    List<KpiRule> kpiRules,
    List<MinimumWage> minimumWages,
    List<CategoryMargin> categoryMargins,
    Map<String, String> settings) {

  public static final String FILE_NAME = "pay_schemes.xlsx";

  public PayConfig {
    schemes = List.copyOf(schemes);
    components = List.copyOf(components);
    tiers = List.copyOf(tiers);
    kpiRules = List.copyOf(kpiRules);
    minimumWages = List.copyOf(minimumWages);
    categoryMargins = List.copyOf(categoryMargins);
    settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** Writes the default workbook {@code dir/pay_schemes.xlsx} (kefu init-config DIR). */
  public static Path writeDefaults(Path dir) {
    return PayConfigWorkbook.write(DefaultPayConfig.get(), dir.resolve(FILE_NAME));
  }

  /** Reads and validates {@code dir/pay_schemes.xlsx}. */
  public static PayConfig read(Path dir) {
    return PayConfigReader.read(dir.resolve(FILE_NAME));
  }

  /**
   * Reads and validates {@code dir/pay_schemes.xlsx}, or returns the defaults when the folder has
   * none: a shop that never ran init-config still gets every default scheme compared.
   */
  public static PayConfig readOrDefaults(Path dir) {
    return java.nio.file.Files.exists(dir.resolve(FILE_NAME)) ? read(dir) : defaults();
  }

  /** The defaults without touching the filesystem. */
  public static PayConfig defaults() {
    return DefaultPayConfig.get();
  }

  public SchemeDef currentScheme() {
    return schemes.stream().filter(SchemeDef::isCurrent).findFirst()
        .orElseThrow(() -> new PayConfigError(List.of("no scheme is marked is_current")));
  }

  /** This config reduced to one scheme (marked current) and its components. */
  public PayConfig onlyScheme(String schemeId) {
    List<SchemeDef> one = new ArrayList<>();
    for (SchemeDef s : schemes) {
      if (s.schemeId().equals(schemeId)) {
        one.add(new SchemeDef(s.schemeId(), s.name(), s.description(), s.appliesTo(), true,
            s.minWageGuard(), s.deductionCapRate()));
      }
    }
    if (one.isEmpty()) {
      throw new IllegalArgumentException("no scheme " + schemeId);
    }
    return new PayConfig(one, componentsOf(schemeId), tiers, kpiRules, minimumWages,
        categoryMargins, settings);
  }

  public List<ComponentDef> componentsOf(String schemeId) {
    List<ComponentDef> result = new ArrayList<>();
    for (ComponentDef c : components) {
      if (c.schemeId().equals(schemeId)) {
        result.add(c);
      }
    }
    return result;
  }

  public List<TierBand> tierTable(String tierTable) {
    List<TierBand> result = new ArrayList<>();
    for (TierBand t : tiers) {
      if (t.tierTable().equals(tierTable)) {
        result.add(t);
      }
    }
    result.sort((a, b) -> a.lower().compareTo(b.lower()));
    return result;
  }

  public List<KpiRule> kpiTable(String kpiTable) {
    List<KpiRule> result = new ArrayList<>();
    for (KpiRule k : kpiRules) {
      if (k.kpiTable().equals(kpiTable)) {
        result.add(k);
      }
    }
    return result;
  }

  public Optional<String> setting(String key) {
    return Optional.ofNullable(settings.get(key)).filter(v -> !v.isBlank());
  }

  public long bootstrapSeed() {
    return setting(Settings.BOOTSTRAP_SEED).map(Long::parseLong).orElse(20240611L);
  }

  public int bootstrapResamples() {
    return setting(Settings.BOOTSTRAP_RESAMPLES).map(Integer::parseInt).orElse(1000);
  }

  /** Months (1..12) flagged as peak season; the others are normal. */
  public List<Integer> peakMonths() {
    List<Integer> months = new ArrayList<>();
    for (String s : setting(Settings.PEAK_MONTHS).orElse("6,11,12").split("[,，\\s]+")) {
      if (!s.isBlank()) {
        months.add(Integer.parseInt(s.trim()));
      }
    }
    return months;
  }

  /** |change| below this fraction of the current pay counts as unchanged. */
  public BigDecimal unchangedBand() {
    return setting(Settings.UNCHANGED_BAND).map(BigDecimal::new).orElse(new BigDecimal("0.01"));
  }

  public int defaultCityTier() {
    return setting(Settings.DEFAULT_CITY_TIER).map(Integer::parseInt).orElse(2);
  }

  /** Keys of sheet Settings. */
  public static final class Settings {
    private Settings() {}

    public static final String BOOTSTRAP_SEED = "bootstrap_seed";
    public static final String BOOTSTRAP_RESAMPLES = "bootstrap_resamples";
    public static final String PEAK_MONTHS = "peak_months";
    public static final String UNCHANGED_BAND = "unchanged_band";
    public static final String DEFAULT_CITY_TIER = "default_city_tier";
  }
}
