package kefu.pay;

import static kefu.pay.PayFixtures.money;
import static kefu.pay.PayFixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the analyst types into pay_schemes.xlsx is what the payroll pays. */
class EditedPayConfigTest {
  @TempDir Path dir;

  @Test
  void raisingTheCurrentSchemesCommissionInTheWorkbookRaisesThePay() throws Exception {
    Path file = PayConfig.writeDefaults(dir);
    // Components!E3 is S1's sales commission rate: 2% → 3%.
    PayConfigTest.edit(file, wb -> wb.getSheet("Components").getRow(2).getCell(4)
        .setCellValue("3%"));
    PayConfig edited = PayConfig.read(dir);

    // The seed 001 month: 1,500 + 3% x 100,000 - 4% x 5,000 + 1% x 60,000 / 3 = 4,500.
    PayFixtures f = new PayFixtures();
    for (String a : List.of("a1", "a2", "a3")) {
      f.agent(a, "full_time", "上海", 1, "2023-01-01", null).day(a, "2024-03-05", 1);
    }
    f.order("a1", "apparel", "100000", "2024-03-05")
        .refund("a1", "apparel", "5000", "2024-03-20", true)
        .order(null, "apparel", "60000", "2024-03-07");
    Row a1 = row(f.compute(edited, "2024-03").payroll(), "a1", "S1");
    assertEquals(0, new BigDecimal("3000").compareTo(money(a1, "commission")));
    assertEquals(0, new BigDecimal("4500").compareTo(money(a1, "net_pay")));
  }
}
