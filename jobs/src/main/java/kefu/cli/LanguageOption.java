package kefu.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --lang zh|en}: the language the workbook is written in (commands that write one). */
public final class LanguageOption {
  /** The languages the report bundles exist for. */
  static final List<String> ALLOWED = List.of("zh", "en");

  @Option(names = "--lang", paramLabel = "LANG", defaultValue = "zh",
      converter = Converter.class,
      description = "Language of the workbook: zh (Chinese, default) or en (English).")
  String language;

  String language() {
    return language == null ? ALLOWED.get(0) : language;
  }

  /** Accepts zh or en in any case; anything else is a usage error naming both. */
  static final class Converter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String lang = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
      if (!ALLOWED.contains(lang)) {
        throw new TypeConversionException("'" + value + "' is not a report language; expected "
            + String.join(" or ", ALLOWED));
      }
      return lang;
    }
  }
}
