package kefu.cli;

import kefu.generate.GeneratorOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --messages-per-order M}: how long the chats of a generated history are. */
public final class MessagesPerOrderOption {
  @Option(names = "--messages-per-order", paramLabel = "M", converter = Converter.class,
      description = "Scale every chat so the history holds about M chat messages per order "
          + "(default: the chats' natural length, about 9 per order).")
  double messagesPerOrder = GeneratorOptions.NATURAL_MESSAGES;

  /** M, or {@link GeneratorOptions#NATURAL_MESSAGES} when not given. */
  double value() {
    return messagesPerOrder;
  }

  /** A number from 0 to 1000; anything else is a usage error. */
  static final class Converter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double m;
      try {
        m = Double.parseDouble(value.strip());
      } catch (NumberFormatException e) {
        m = Double.NaN;
      }
      if (!GeneratorOptions.isMessagesPerOrder(m)) {
        throw new TypeConversionException("'" + value + "' is not a number of messages per "
            + "order; expected 0 to 1000");
      }
      return m;
    }
  }
}
