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
 * Schemas written as Spark DDL ({@code "shop_id STRING, amount DECIMAL(14,2)"}), read without
 * Spark's SQL parser for the types kefu's schemas use. Spark's ANTLR parser takes about a second
 * to load and prepare its grammar in a new JVM, on the main thread before any work; kefu needs
 * none of it (its casts take a {@code DataType}). Anything beyond {@code name TYPE} pairs of the
 * types below (comments, NOT NULL, arrays, maps, structs) is handed to Spark's parser, so every
 * DDL Spark reads gives the same schema here.
 */
public final class Ddl {
  private Ddl() {}

  private static final Map<String, DataType> PRIMITIVES = Map.of(
      "STRING", DataTypes.StringType,
      "INT", DataTypes.IntegerType,
      "BIGINT", DataTypes.LongType,
      "DOUBLE", DataTypes.DoubleType,
      "BOOLEAN", DataTypes.BooleanType,
      "DATE", DataTypes.DateType,
      "TIMESTAMP", DataTypes.TimestampType);

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

  /** The type, or null when it is not one this class reads itself. */
  private static DataType simpleType(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT);
    DataType primitive = PRIMITIVES.get(t);
    if (primitive != null) {
      return primitive;
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

  /**
   * The columns: commas outside parentheses separate them. A comma inside a type this class does
   * not read (MAP<K, V>) splits it into pieces that are no known type, so Spark's parser answers.
   */
  private static List<String> splitTopLevel(String ddl) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < ddl.length(); i++) {
      char c = ddl.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
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
