package kefu.cli;

import kefu.marts.Period;
import picocli.CommandLine;

/** Parses --period so that a bad one is a usage error (exit 2) before anything runs. */
public final class PeriodConverter implements CommandLine.ITypeConverter<Period> {
  @Override
  public Period convert(String value) {
    try {
      return Period.parse(value);
    } catch (RuntimeException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a period; expected 2025Q4, 2025-10 or 2025");
    }
  }
}
