package kefu.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Schemas and types written as Spark DDL ({@code "shop_id STRING, amount DECIMAL(14,2)"}), read
 * without Spark's SQL parser for the types kefu uses. Spark's ANTLR parser takes about a second
 * to load and prepare its grammar in a new JVM, on the main thread before any work; kefu's own
 * schemas and casts need none of it. Anything beyond {@code name TYPE} pairs of the types below
 * (comments, NOT NULL, maps, structs) is handed to Spark's parser, so every DDL Spark reads gives
 * the same schema here.
 */
public final class Ddl {
  private Ddl() {}

  private static final Map<String, DataType> PRIMITIVES = Map.ofEntries(
      Map.entry("STRING", DataTypes.StringType),
      Map.entry("INT", DataTypes.IntegerType),
      Map.entry("INTEGER", DataTypes.IntegerType),
      Map.entry("BIGINT", DataTypes.LongType),
      Map.entry("LONG", DataTypes.LongType),
      Map.entry("SMALLINT", DataTypes.ShortType),
      Map.entry("TINYINT", DataTypes.ByteType),
      Map.entry("DOUBLE", DataTypes.DoubleType),
      Map.entry("FLOAT", DataTypes.FloatType),
      Map.entry("BOOLEAN", DataTypes.BooleanType),
      Map.entry("DATE", DataTypes.DateType),
      Map.entry("TIMESTAMP", DataTypes.TimestampType));

  /** A struct of {@code name TYPE} pairs separated by commas, as {@link StructType#fromDDL}. */
  public static StructType schema(String ddl) {
    List<StructField> fields = new ArrayList<>();
    for (String column : splitTopLevel(ddl)) {
      String[] nameAndType = column.strip().split("\\s+", 2);
      DataType type = nameAndType.length == 2 ? simpleType(nameAndType[1]) : null;
      if (type == null || !isPlainName(nameAndType[0])) {
        return StructType.fromDDL(ddl);
      }
      fields.add(DataTypes.createStructField(nameAndType[0], type, true));
    }
    return DataTypes.createStructType(fields);
  }

  /** One type ({@code long}, {@code decimal(14,2)}, {@code array<bigint>}), as Spark reads it. */
  public static DataType type(String ddl) {
    DataType type = simpleType(ddl);
    return type != null ? type : DataType.fromDDL(ddl);
  }

  /** The type, or null when it is not one this class reads itself. */
  private static DataType simpleType(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT);
    DataType primitive = PRIMITIVES.get(t);
    if (primitive != null) {
      return primitive;
    }
    if (t.startsWith("ARRAY<") && t.endsWith(">")) {
      DataType element = simpleType(t.substring("ARRAY<".length(), t.length() - 1));
      return element == null ? null : DataTypes.createArrayType(element, true);
    }
    if (t.startsWith("DECIMAL(") && t.endsWith(")")) {
      String[] ps = t.substring("DECIMAL(".length(), t.length() - 1).split(",");
      if (ps.length == 2 && isDigits(ps[0].strip()) && isDigits(ps[1].strip())) {
        return DataTypes.createDecimalType(Integer.parseInt(ps[0].strip()),
            Integer.parseInt(ps[1].strip()));
      }
    }
    return null;
  }

  /** The columns: commas outside parentheses and angle brackets separate them. */
  private static List<String> splitTopLevel(String ddl) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < ddl.length(); i++) {
      char c = ddl.charAt(i);
      if (c == '(' || c == '<') {
        depth++;
      } else if (c == ')' || c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(ddl.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(ddl.substring(start));
    return parts;
  }

  private static boolean isPlainName(String name) {
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c == '_' || (c < 128 && Character.isLetterOrDigit(c)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
