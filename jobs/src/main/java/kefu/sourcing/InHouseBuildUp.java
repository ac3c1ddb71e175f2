package kefu.sourcing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The in_house cost of each shop-month as lines the total visibly adds up to: pay under the
 * chosen scheme, social insurance, seats (equipment, office, software), management, and
 * recruiting and training × turnover. Each line carries the figures its one-sentence
 * explanation needs ({@link Line#args}); the presenter words them. Lines are rounded to cents so
 * that they add up exactly to the total of the {@code sourcing_cost} mart (the few cents of
 * rounding go to the largest line).
 */
public final class InHouseBuildUp {
  private InHouseBuildUp() {}

  public static final String WAGE_PAYROLL = "wage_payroll";
  public static final String WAGE_MODELLED = "wage_modelled";
  public static final String SOCIAL_INSURANCE = "social_insurance";
  public static final String SEATS = "seats";
  public static final String MANAGEMENT = "management";
  public static final String TURNOVER = "turnover";
  public static final String TOTAL_PAYROLL = "total_payroll";
  public static final String TOTAL_MODELLED = "total_modelled";

  /**
   * One line: {@code kind} names the line and the sentence that explains it; {@code partial}
   * says the month's share (coveredDays ÷ daysInMonth) multiplied it.
   */
  public record Line(String shopId, String month, String kind, BigDecimal amount,
      List<Object> args, boolean partial, int coveredDays, int daysInMonth) {
    public boolean isTotal() {
      return kind.startsWith("total");
    }
  }

  public static List<Line> lines(List<ShopMonth> months, SourcingConfig config) {
    List<Line> out = new ArrayList<>();
    months.forEach(m -> out.addAll(lines(m, config)));
    return out;
  }

  /**
   * Five lines and the total. The args, in order: wage (payroll) agents on the roster, the
   * scheme; (modelled) heads, wage per head, city tier; social insurance rate; heads and per
   * head cost (seats: equipment + office + software; management); turnover hire cost, heads,
   * tenure in months; total the roster (or modelled) heads, the heads Erlang C needs, the pay
   * line, the cost per head beyond pay.
   */
  public static List<Line> lines(ShopMonth m, SourcingConfig config) {
    MonthPlan plan = StaffingPlanner.plan(m, config);
    OptionCost inHouse = CostModel.costs(plan, config).get(0);
    CostModel.HeadCost head = CostModel.HeadCost.of(m, config);
    boolean payroll = CostModel.PAYROLL.equals(inHouse.wageSource());
    double heads = inHouse.staff();
    double share = m.monthShare();
    double[] raw = {inHouse.wage(), inHouse.socialInsurance(), heads * head.seat() * share,
        heads * head.management() * share, inHouse.turnover()};
    BigDecimal[] amounts = Cents.apportion(raw, inHouse.cost());
    BigDecimal total = SourcingCost.money(inHouse.cost());
    boolean partial = m.isPartial();
    String scheme = config.staffing().payrollScheme();
    List<Line> lines = new ArrayList<>();
    lines.add(line(m, payroll ? WAGE_PAYROLL : WAGE_MODELLED, amounts[0], payroll
        ? List.of(heads, scheme) : List.of(heads, head.wage(), config.staffing().cityTier()),
        partial));
    lines.add(line(m, SOCIAL_INSURANCE, amounts[1], List.of(head.socialInsuranceRate()), false));
    lines.add(line(m, SEATS, amounts[2], List.of(heads, head.seat()), partial));
    lines.add(line(m, MANAGEMENT, amounts[3], List.of(heads, head.management()), partial));
    lines.add(line(m, TURNOVER, amounts[4], List.of(head.hireCost(), heads,
        head.tenureMonths()), partial));
    double beyondPay = heads > 0 ? (inHouse.cost() - inHouse.wage()) / heads : 0;
    lines.add(line(m, payroll ? TOTAL_PAYROLL : TOTAL_MODELLED, total, List.of(heads,
        plan.headcount(), amounts[0], beyondPay), false));
    return lines;
  }

  private static Line line(ShopMonth m, String kind, BigDecimal amount, List<Object> args,
      boolean partial) {
    return new Line(m.shopId(), m.month(), kind, amount, args, partial, m.coveredDays(),
        m.daysInMonth());
  }
}
