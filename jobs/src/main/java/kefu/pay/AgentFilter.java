package kefu.pay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /** Whether the agent-month matches the expression (null attributes never match). */
  public static boolean matches(String expression, AgentMonth m) {
    if (isAll(expression)) {
      return true;
    }
    for (String clause : expression.split("&")) {
      Matcher c = CLAUSE.matcher(clause);
      if (!c.matches()) {
        throw new IllegalArgumentException("bad filter clause " + clause);
      }
      String field = c.group(1);
      String value = c.group(3);
      String actual = field(m, field);
      if (actual == null) {
        return false;
      }
      boolean ok = switch (c.group(2)) {
        case "=" -> List.of(value.split("\\s*\\|\\s*")).contains(actual);
        case "!=" -> !List.of(value.split("\\s*\\|\\s*")).contains(actual);
        case ">=" -> Integer.parseInt(actual) >= Integer.parseInt(value);
        case "<=" -> Integer.parseInt(actual) <= Integer.parseInt(value);
        case ">" -> Integer.parseInt(actual) > Integer.parseInt(value);
        default -> Integer.parseInt(actual) < Integer.parseInt(value);
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static String field(AgentMonth m, String field) {
    return switch (field) {
      case "role" -> m.roster().role();
      case "employment" -> m.roster().employment();
      case "sourcing" -> m.roster().sourcing();
      case "city" -> m.roster().city();
      case "city_tier" -> Integer.toString(m.roster().cityTier());
      case "team" -> m.roster().team();
      case "shop_id" -> m.shopId();
      case "agent_id" -> m.agentId();
      default -> throw new IllegalArgumentException("unknown field " + field);
    };
  }

  static boolean isAll(String expression) {
    return expression == null || expression.isBlank()
        || expression.trim().toLowerCase(Locale.ROOT).equals("all");
  }
}
