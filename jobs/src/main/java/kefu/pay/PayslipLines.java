package kefu.pay;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * The payslip line shape: shop_id, agent_id, month, scheme_id, component_id, component_line,
 * component_type, category, basis, basis_amount, rate, amount, note. basis_amount x rate = amount
 * (rounded to fen) for every rate-based line.
 */
final class PayslipLines {
  private PayslipLines() {}

  static final DecimalType MONEY = DataTypes.createDecimalType(14, 2);
  static final DecimalType BASIS = DataTypes.createDecimalType(16, 2);
  static final DecimalType RATE = DataTypes.createDecimalType(14, 6);
  /** Precision used inside calculations before rounding to fen. */
  static final DecimalType EXACT = DataTypes.createDecimalType(30, 8);

  static final List<String> COLUMNS = List.of("shop_id", "agent_id", "month", "scheme_id",
      "component_id", "component_line", "component_type", "category", "basis", "basis_amount",
      "rate", "amount", "note");

  static Dataset<Row> select(Dataset<Row> df, ComponentDef def, String basisName,
      Column basisAmount, Column rate, Column amount, Column note) {
    return df.select(
        col("shop_id"), col("agent_id"), col("month"), col("scheme_id"),
        lit(def.componentId()).as("component_id"),
        lit(def.line()).as("component_line"),
        lit(def.type().name()).as("component_type"),
        lit(def.category()).cast(DataTypes.StringType).as("category"),
        lit(basisName).cast(DataTypes.StringType).as("basis"),
        round(basisAmount, 2).cast(BASIS).as("basis_amount"),
        round(rate, 6).cast(RATE).as("rate"),
        round(amount, 2).cast(MONEY).as("amount"),
        note.cast(DataTypes.StringType).as("note"));
  }

  static Column exact(Column c) {
    return c.cast(EXACT);
  }

  static Column noteOf(ComponentDef def, String text) {
    String extra = def.note() == null || def.note().isBlank() ? "" : " (" + def.note() + ")";
    return lit(text + extra);
  }
}
