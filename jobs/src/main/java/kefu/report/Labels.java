package kefu.report;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeSet;

/**
 * Every word the reports show, in the run's language (zh by default, {@code --lang en}).
 * Each package that presents something owns a bundle {@code kefu/<package>/labels_<lang>.properties}
 * (UTF-8); a key is looked up in all of them, so labels live next to the code that uses them and
 * not as literals scattered through the writers.
 */
public final class Labels {
  /** The bundles searched, in order; a package without presentation simply has none. */
  static final List<String> BUNDLES = List.of("kefu.report.labels", "kefu.pipeline.labels",
      "kefu.pay.labels", "kefu.seasonal.labels", "kefu.sourcing.labels", "kefu.ingest.labels",
      "kefu.notebook.labels");

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final Locale locale;
  private final List<ResourceBundle> bundles;
  private final java.util.Map<String, String> categoryNames;

  private Labels(Locale locale, List<ResourceBundle> bundles,
      java.util.Map<String, String> categoryNames) {
    this.locale = locale;
    this.bundles = bundles;
    this.categoryNames = categoryNames;
  }

  /** Labels for a language code: "zh" or "en". */
  public static Labels of(String lang) {
    Locale locale = switch (lang == null ? "zh" : lang.toLowerCase(Locale.ROOT)) {
      case "zh", "zh-cn", "cn" -> Locale.SIMPLIFIED_CHINESE;
      case "en" -> Locale.ENGLISH;
      default -> throw new IllegalArgumentException(
          "unknown report language '" + lang + "': expected zh or en");
    };
    List<ResourceBundle> found = new ArrayList<>();
    for (String base : BUNDLES) {
      try {
        found.add(ResourceBundle.getBundle(base, locale, Labels.class.getClassLoader(),
            NO_FALLBACK));
      } catch (MissingResourceException absent) {
        // this package shows nothing yet
      }
    }
    return new Labels(locale, List.copyOf(found), java.util.Map.of());
  }

  /**
   * These labels with the shop's category names (category code to its Chinese name, from the
   * category config), which {@link #category} shows in Chinese.
   */
  public Labels withCategoryNames(java.util.Map<String, String> namesByCode) {
    return new Labels(locale, bundles, java.util.Map.copyOf(namesByCode));
  }

  /**
   * How a category code is shown: in Chinese its configured name (the code when it has none), in
   * English the code; no category (null or "unknown") is {@code report.category.unknown}.
   */
  public String category(String code) {
    if (code == null || UNKNOWN_CATEGORY.equals(code)) {
      return get("report.category.unknown");
    }
    String name = "zh".equals(language()) ? categoryNames.get(code) : null;
    return name != null ? name : code;
  }

  /** The code the marts give lines without a category (kefu.facts.PeriodFacts.UNKNOWN). */
  static final String UNKNOWN_CATEGORY = "unknown";

  public static Labels chinese() {
    return of("zh");
  }

  public String language() {
    return locale.getLanguage();
  }

  public Locale locale() {
    return locale;
  }

  /** The label of {@code key}; a missing key is a programming error, not a blank cell. */
  public String get(String key) {
    for (ResourceBundle b : bundles) {
      if (b.containsKey(key)) {
        return b.getString(key);
      }
    }
    throw new MissingResourceException("no label '" + key + "' for language "
        + locale.getLanguage(), Labels.class.getName(), key);
  }

  /**
   * A sentence pattern ({@link MessageFormat}) filled with values. Numbers round half up from
   * their shortest decimal form, as {@code String.format} does ({@code {0,number,#,##0.00}} of
   * 0.125 is "0.13"), so a sentence shows the same digits as the cells.
   */
  public String format(String key, Object... args) {
    MessageFormat pattern = new MessageFormat(get(key), locale);
    for (java.text.Format f : pattern.getFormats()) {
      if (f instanceof java.text.DecimalFormat d) {
        d.setRoundingMode(java.math.RoundingMode.HALF_UP);
      }
    }
    Object[] values = args.clone();
    for (int i = 0; i < values.length; i++) {
      if ((values[i] instanceof Double || values[i] instanceof Float)
          && Double.isFinite(((Number) values[i]).doubleValue())) {
        values[i] = new java.math.BigDecimal(values[i].toString());
      }
    }
    return pattern.format(values);
  }

  /** True if some bundle has {@code key}. */
  public boolean has(String key) {
    return bundles.stream().anyMatch(b -> b.containsKey(key));
  }

  /** Every key of every bundle (for the parity test between languages). */
  public TreeSet<String> keys() {
    TreeSet<String> all = new TreeSet<>();
    bundles.forEach(b -> all.addAll(b.keySet()));
    return all;
  }
}
