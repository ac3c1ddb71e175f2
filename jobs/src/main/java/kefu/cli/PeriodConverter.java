package kefu.cli;

import kefu.marts.Period;
import picocli.CommandLine;

/**
 * Parses --period so that a bad one is a usage error (exit 2) before anything runs. Only the
 * exact forms are accepted, as the run id and every label spell them: {@code 2025Q4} (capital
 * Q), {@code 2025-10} (two-digit month) and {@code 2025}; {@code 2025q4} or {@code 2025-1} are
 * refused with the form meant, so a typo never silently picks a period.
 */
public final class PeriodConverter implements CommandLine.ITypeConverter<Period> {
  static final String FORMS = "expected 2025Q4 (quarter, capital Q), 2025-10 (month, two "
      + "digits) or 2025 (year)";

  @Override
  public Period convert(String value) {
    Period period;
    try {
      period = Period.parse(value);
    } catch (RuntimeException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a period; " + FORMS);
    }
    if (!period.label().equals(value)) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a period; " + FORMS
          + "; did you mean " + period.label() + "?");
    }
    return period;
  }
}
