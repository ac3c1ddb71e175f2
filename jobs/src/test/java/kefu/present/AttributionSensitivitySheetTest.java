package kefu.present;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import kefu.pay.AttributionSensitivity;
import kefu.pay.PayConfig;
import kefu.report.ReportTable;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The 归因敏感性 sheet lists agents with something under some rule, as 客服 does. */
class AttributionSensitivitySheetTest {

  private static Row rule(String agent, String ruleId, boolean configured, long inquiries,
      long months, String netPay) {
    BigDecimal pay = new BigDecimal(netPay);
    return LocalTable.row(AttributionSensitivity.SCHEMA, "s1", agent, "2025Q4", ruleId,
        ruleId.startsWith("order") ? "ORDER" : "PAYMENT", 1, configured, inquiries, 0L, 0L, 0L,
        BigDecimal.ZERO, BigDecimal.ZERO, "S1", months, pay, null, null, pay, BigDecimal.ZERO,
        null, BigDecimal.ZERO, null, BigDecimal.ZERO, null);
  }

  @Test
  void anAgentWithNothingUnderAnyRuleIsLeftOut() {
    List<Row> rows = new ArrayList<>();
    for (String ruleId : List.of("payment_w1", "order_w1")) {
      boolean configured = ruleId.equals("payment_w1");
      rows.add(rule("s1:小美", ruleId, configured, 12, 3, "6780.00"));
      // left before the period: a row under each rule, all zero
      rows.add(rule("s1:糖糖", ruleId, configured, 0, 0, "0.00"));
      // worked but had no inquiry (after-sales): paid, so listed
      rows.add(rule("s1:芒果", ruleId, configured, 0, 3, "8070.00"));
    }
    ReportTable t = PayReport.sensitivity(PayConfig.defaults(),
        new LocalTable(AttributionSensitivity.SCHEMA, rows));
    assertEquals(List.of("s1:小美", "s1:芒果"),
        t.rows().stream().map(r -> (String) r.get(1)).sorted().toList());
  }
}
