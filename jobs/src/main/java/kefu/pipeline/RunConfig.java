package kefu.pipeline;

import kefu.calendar.PromotionCalendar;
import kefu.pay.PayConfig;
import kefu.sourcing.SourcingConfig;

/**
 * The spreadsheet configs of a run (pay schemes, promotion calendar, sourcing quotes), each read
 * and validated before any Spark work so a broken cell fails the run in a second, naming the cell.
 */
record RunConfig(PayConfig pay, PromotionCalendar calendar, SourcingConfig sourcing) {
  static RunConfig load(String configDir) {
    return new RunConfig(PayStage.loadConfig(configDir), SeasonalStage.loadCalendar(configDir),
        SourcingStage.loadConfig(configDir));
  }
}
