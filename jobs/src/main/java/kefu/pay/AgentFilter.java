package kefu.pay;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;

/**
 * Which agent-months a scheme or component applies to, written in a cell: {@code all} (or empty),
 * or clauses joined by {@code &}, each {@code field op value} with op one of = != >= <= > <.
 * {@code =} and {@code !=} accept alternatives separated by |. Fields: role, employment, sourcing,
 * city, city_tier, team, shop_id, agent_id. Example: {@code employment=full_time & city_tier<=2}.
 */
public final class AgentFilter {
  private AgentFilter() {}

  public static final Set<String> FIELDS =
      Set.of("role", "employment", "sourcing", "city", "city_tier", "team", "shop_id", "agent_id");

  private static final Pattern CLAUSE =
      Pattern.compile("\\s*([a-z_]+)\\s*(!=|>=|<=|=|>|<)\\s*(.+?)\\s*");

  /** Problems in the expression (empty = valid). */
  public static List<String> problems(String expression) {
    List<String> problems = new ArrayList<>();
    if (isAll(expression)) {
      return problems;
    }
    for (String clause : expression.split("&")) {
      Matcher m = CLAUSE.matcher(clause);
      if (!m.matches()) {
        problems.add("'" + clause.trim() + "' is not 'field op value'");
        continue;
      }
      String field = m.group(1);
      String op = m.group(2);
      if (!FIELDS.contains(field)) {
        problems.add("unknown field '" + field + "' (expected one of " + String.join(", ",
            new java.util.TreeSet<>(FIELDS)) + ")");
      } else if (!op.equals("=") && !op.equals("!=")) {
        if (!field.equals("city_tier")) {
          problems.add("'" + op + "' needs a number field (city_tier), not '" + field + "'");
        } else if (!m.group(3).matches("\\d+")) {
          problems.add("'" + m.group(3) + "' is not a whole number");
        }
      }
    }
    return problems;
  }

  /** The Spark predicate over an agent-month table (null attributes never match). */
  public static Column toColumn(String expression) {
    if (isAll(expression)) {
      return lit(true);
    }
    Column result = lit(true);
    for (String clause : expression.split("&")) {
      Matcher m = CLAUSE.matcher(clause);
      if (!m.matches()) {
        throw new IllegalArgumentException("bad filter clause " + clause);
      }
      Column field = col(m.group(1));
      String value = m.group(3);
      Column c;
      switch (m.group(2)) {
        case "=": c = field.isin((Object[]) value.split("\\s*\\|\\s*")); break;
        case "!=": c = field.isin((Object[]) value.split("\\s*\\|\\s*")).unary_$bang(); break;
        case ">=": c = field.geq(Integer.parseInt(value)); break;
        case "<=": c = field.leq(Integer.parseInt(value)); break;
        case ">": c = field.gt(Integer.parseInt(value)); break;
        default: c = field.lt(Integer.parseInt(value)); break;
      }
      result = result.and(c.isNotNull().and(c));
    }
    return result;
  }

  static boolean isAll(String expression) {
    return expression == null || expression.isBlank()
        || expression.trim().toLowerCase(Locale.ROOT).equals("all");
  }
}
