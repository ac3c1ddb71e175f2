package kefu.present;

import java.util.ArrayList;
import java.util.List;
import kefu.report.Labels;
import kefu.sourcing.BreakEven;
import kefu.sourcing.InHouseBuildUp;
import kefu.sourcing.OptionCost;
import kefu.sourcing.SourcingConfig;
import kefu.sourcing.SourcingCost;
import kefu.sourcing.StaffingParameters;

/**
 * The 说明 of the sourcing sheets, one sentence each: what a month's option cost adds up from,
 * how an in-house cost line was computed, why a break-even row has no volume.
 */
final class SourcingNotes {
  private SourcingNotes() {}

  /**
   * "月成本 = 坐席费 ¥10,000.00 + 夜间加价 ¥375.00；外包客服的转化率…；部分月份…";
   * {@code outsourcedConversion} the configured factor (the hybrid's outsourced part).
   */
  static String of(Labels labels, OptionCost c, double outsourcedConversion) {
    List<String> items = new ArrayList<>();
    SourcingCost.partsInCents(c).forEach((part, amount) -> {
      if (amount.signum() != 0) {
        items.add(labels.format("sourcing.part.item", labels.get("sourcing.part." + part),
            amount));
      }
    });
    List<String> sentences = new ArrayList<>();
    sentences.add(items.isEmpty() ? labels.get("sourcing.note.no_cost")
        : labels.format("sourcing.note.parts", String.join(" + ", items)));
    if (c.creditedSales() == null || c.creditedSales() <= 0) {
      sentences.add(labels.get("sourcing.note.no_credit"));
    } else if (!c.option().equals(SourcingConfig.IN_HOUSE) && c.creditedSalesLost() != 0) {
      sentences.add(labels.format("sourcing.note.conversion", outsourcedConversion,
          c.creditedSalesLost()));
    }
    if (c.coveredDays() < c.daysInMonth()) {
      sentences.add(labels.format("sourcing.note.partial", c.coveredDays(), c.daysInMonth()));
    }
    return String.join(labels.get("sourcing.note.separator"), sentences);
  }

  /** How one in-house cost line was computed. */
  static String of(Labels labels, InHouseBuildUp.Line l) {
    List<Object> args = new ArrayList<>(l.args());
    if (l.kind().equals(InHouseBuildUp.WAGE_PAYROLL)) {
      String scheme = (String) args.get(1);
      args.set(1, StaffingParameters.CURRENT.equalsIgnoreCase(scheme)
          ? labels.get("sourcing.scheme.current") : labels.format("sourcing.scheme.other", scheme));
    }
    String note = labels.format("sourcing.line." + l.kind() + ".note", args.toArray());
    return l.partial()
        ? note + labels.format("sourcing.line.partial", l.coveredDays(), l.daysInMonth())
        : note;
  }

  /** A break-even row in words: where the options cross, or why they never do. */
  static String of(Labels labels, BreakEven.Point p) {
    BreakEven.Reason reason = p.reason();
    if (reason == null) {
      return labels.format("sourcing.break_even.crossing", p.inquiriesPerDay(),
          SourcingPresentation.option(labels, p.cheaperBelow()),
          SourcingPresentation.option(labels, p.cheaperAbove()));
    }
    return switch (reason) {
      case FIRST_OF_SEVERAL -> labels.format("sourcing.break_even.first_of_several",
          p.rangeMax(), p.crossings(), SourcingPresentation.option(labels, p.cheaperBelow()),
          SourcingPresentation.option(labels, p.cheaperAbove()));
      case ALWAYS_EQUAL -> labels.format("sourcing.break_even.always_equal", p.rangeMax());
      case ONE_ALWAYS_CHEAPER -> labels.format("sourcing.break_even.one_always_cheaper",
          p.rangeMax(), SourcingPresentation.option(labels, p.cheaperBelow()),
          p.referencePerDay(), SourcingPresentation.option(labels, p.optionA()),
          p.referenceCostA(), SourcingPresentation.option(labels, p.optionB()),
          p.referenceCostB());
    };
  }
}
