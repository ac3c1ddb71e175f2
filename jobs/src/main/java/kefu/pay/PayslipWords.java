package kefu.pay;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of the payslip notes in the run's language: zh (default) or en, from the UTF-8
 * bundle {@code kefu/pay/notes_<lang>.properties}. The numbers are formatted by the callers as
 * the mart shows them and passed in as text, so every note stays traceable to its line; the
 * patterns only place them. Kept apart from kefu.report so that the pay package needs no report.
 */
public final class PayslipWords {
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final Locale locale;
  private final ResourceBundle bundle;

  private PayslipWords(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle("kefu.pay.notes", locale,
        PayslipWords.class.getClassLoader(), NO_FALLBACK);
  }

  /** The words of a language code as the review settings hold it: "zh" or "en". */
  public static PayslipWords of(String language) {
    return switch (language) {
      case "zh" -> chinese();
      case "en" -> english();
      default -> throw new IllegalArgumentException(
          "unknown payslip language '" + language + "': expected zh or en");
    };
  }

  public static PayslipWords chinese() {
    return new PayslipWords(Locale.SIMPLIFIED_CHINESE);
  }

  public static PayslipWords english() {
    return new PayslipWords(Locale.ENGLISH);
  }

  public String language() {
    return locale.getLanguage();
  }

  /** The pattern of {@code key} filled with {@code args}. */
  String format(String key, Object... args) {
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }

  /** A plain word of the bundle. */
  String word(String key) {
    return bundle.getString(key);
  }

  /**
   * A basis or metric name in words (sales_net: 净销售额（扣退款）); a name the bundle does not
   * know stays as it is rather than failing a payroll over a note.
   */
  String basis(String name) {
    String key = "basis." + name;
    return bundle.containsKey(key) ? bundle.getString(key) : name;
  }

  /** A rate as a percentage: 0.02 is "2%", 0.015 is "1.5%". */
  static String percent(BigDecimal rate) {
    return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  /** {@code text} followed by the config's own note of the definition in brackets, if any. */
  String withConfigNote(ComponentDef def, String text) {
    return def.note() == null || def.note().isBlank() ? text
        : format("note.withConfigNote", text, def.note());
  }

  /** Parts of a note joined by the language's list separator ("; " or "；"). */
  String list(List<String> parts) {
    return String.join(word("list.separator"), parts);
  }
}
