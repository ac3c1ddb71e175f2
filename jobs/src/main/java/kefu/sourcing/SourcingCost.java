package kefu.sourcing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kefu.spark.Ddl;
import kefu.table.LocalTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The mart {@code sourcing_cost}: one row per shop_id × month × option (in_house,
 * dedicated_flat, dedicated_commission, shared_seat, tiered_inquiry, hybrid). Money
 * decimal(14,2); the rates keep their numerator (cost) and denominators (inquiries,
 * paid_orders, sales) beside them. in_house_inquiries + outsourced_inquiries = inquiries (who
 * serves them; hybrid splits them); covered_days &lt; days_in_month marks a partial month whose
 * monthly fees and wages are pro-rated (note says so). credited_sales (agent-credited) ×
 * conversion_factor = expected_credited_sales, what the option's agents keep;
 * credited_sales_lost the rest; cost_per_100_credited_sales = cost ÷ expected × 100 ranks the
 * options (is_best_value, exactly one per shop-month), is_cheapest ranks cost alone. See
 * README.md in this package.
 */
public final class SourcingCost {
  private SourcingCost() {}

  public static final StructType SCHEMA = Ddl.schema("shop_id STRING, month STRING, "
      + "option STRING, cost DECIMAL(14,2), wage DECIMAL(14,2), social_insurance DECIMAL(14,2), "
      + "overhead DECIMAL(14,2), turnover DECIMAL(14,2), seat_fees DECIMAL(14,2), "
      + "base_fee DECIMAL(14,2), commission DECIMAL(14,2), volume_fees DECIMAL(14,2), "
      + "peak_surcharge DECIMAL(14,2), night_surcharge DECIMAL(14,2), "
      + "minimum_top_up DECIMAL(14,2), staff DOUBLE, wage_source STRING, inquiries DOUBLE, "
      + "receptions DOUBLE, paid_orders BIGINT, sales DECIMAL(14,2), cost_per_inquiry DOUBLE, "
      + "cost_per_paid_order DOUBLE, cost_share_of_sales DOUBLE, is_cheapest BOOLEAN, "
      + "in_house_inquiries DOUBLE, outsourced_inquiries DOUBLE, covered_days INT, "
      + "days_in_month INT, note STRING, credited_sales DECIMAL(14,2), conversion_factor DOUBLE, "
      + "expected_credited_sales DECIMAL(14,2), credited_sales_lost DECIMAL(14,2), "
      + "cost_per_100_credited_sales DOUBLE, is_best_value BOOLEAN");

  public static List<OptionCost> costs(List<ShopMonth> months, SourcingConfig config) {
    List<OptionCost> all = new ArrayList<>();
    months.forEach(m -> all.addAll(CostModel.costs(m, config)));
    return all;
  }

  /** The cheapest option of each shop-month (first in option order on a tie). */
  public static Map<String, OptionCost> cheapest(List<OptionCost> costs) {
    Map<String, OptionCost> best = new LinkedHashMap<>();
    for (OptionCost c : costs) {
      best.merge(key(c), c,
          (a, b) -> money(b.cost()).compareTo(money(a.cost())) < 0 ? b : a);
    }
    return best;
  }

  /**
   * The best value of each shop-month: the lowest cost per ¥100 of the agent-credited sales the
   * option keeps (a cheaper option whose agents convert less may lose); by cost alone when the
   * month has no agent-credited sales. First in option order on a tie.
   */
  public static Map<String, OptionCost> bestValue(List<OptionCost> costs) {
    Map<String, OptionCost> best = new LinkedHashMap<>();
    for (OptionCost c : costs) {
      best.merge(key(c), c, (a, b) -> {
        Double pa = a.costPer100CreditedSales();
        Double pb = b.costPer100CreditedSales();
        boolean bBetter = pa != null && pb != null ? rate(pb).compareTo(rate(pa)) < 0
            : money(b.cost()).compareTo(money(a.cost())) < 0;
        return bBetter ? b : a;
      });
    }
    return best;
  }

  /** The key of a shop-month in {@link #cheapest} and {@link #bestValue}. */
  public static String key(OptionCost c) {
    return c.shopId() + "\u0000" + c.month();
  }

  public static LocalTable table(List<OptionCost> costs) {
    Map<String, OptionCost> best = cheapest(costs);
    Map<String, OptionCost> value = bestValue(costs);
    List<Row> rows = new ArrayList<>();
    for (OptionCost c : costs) {
      rows.add(LocalTable.row(SCHEMA, c.shopId(), c.month(), c.option(), money(c.cost()),
          money(c.wage()), money(c.socialInsurance()), money(c.overhead()), money(c.turnover()),
          money(c.seatFees()), money(c.baseFee()), money(c.commission()), money(c.volumeFees()),
          money(c.peakSurcharge()), money(c.nightSurcharge()), money(c.minimumTopUp()), c.staff(),
          c.wageSource(), c.inquiries(), c.receptions(), c.paidOrders(), money(c.sales()),
          c.costPerInquiry(), c.costPerPaidOrder(), c.costShareOfSales(),
          best.get(key(c)) == c, c.inHouseInquiries(),
          c.outsourcedInquiries(), c.coveredDays(), c.daysInMonth(), c.note(),
          c.creditedSales() == null ? null : money(c.creditedSales()), c.conversionFactor(),
          c.expectedCreditedSales() == null ? null : money(c.expectedCreditedSales()),
          c.creditedSalesLost() == null ? null : money(c.creditedSalesLost()),
          c.costPer100CreditedSales(), value.get(key(c)) == c));
    }
    return new LocalTable(SCHEMA, rows);
  }

  /**
   * The parts of an option's cost by their column names (wage … minimum_top_up), in cents that
   * add up exactly to the rounded cost, so a sentence listing them agrees with the total.
   */
  public static Map<String, BigDecimal> partsInCents(OptionCost c) {
    String[] names = {"wage", "social_insurance", "overhead", "turnover", "seat_fees",
        "base_fee", "commission", "volume_fees", "peak_surcharge", "night_surcharge",
        "minimum_top_up"};
    BigDecimal[] cents = Cents.apportion(new double[] {c.wage(), c.socialInsurance(),
        c.overhead(), c.turnover(), c.seatFees(), c.baseFee(), c.commission(), c.volumeFees(),
        c.peakSurcharge(), c.nightSurcharge(), c.minimumTopUp()}, c.cost());
    Map<String, BigDecimal> parts = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      parts.put(names[i], cents[i]);
    }
    return parts;
  }

  /** Rates compared at 4 decimals, so a rounding difference never decides. */
  private static BigDecimal rate(double v) {
    return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP);
  }

  static BigDecimal money(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
  }
}
