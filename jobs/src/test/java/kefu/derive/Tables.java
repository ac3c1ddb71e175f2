package kefu.derive;

import java.util.ArrayList;
import java.util.List;
import kefu.testing.SparkTestSession;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Tiny hand-made tables for tests: values are written as text (times in shop local time,
 * Asia/Shanghai) and cast by Spark to the DDL's types, so no JVM time zone leaks in.
 */
public final class Tables {
  private Tables() {}

  public static final String CHATS = "shop_id STRING, buyer_key STRING, agent_id STRING, "
      + "sender STRING, sent_at TIMESTAMP";
  public static final String ORDERS = "order_id STRING, line_id STRING, shop_id STRING, "
      + "buyer_key STRING, item_id STRING, category STRING, quantity INT, "
      + "amount_paid DECIMAL(14,2), created_at TIMESTAMP, paid_at TIMESTAMP";
  public static final String REFUNDS = "refund_id STRING, order_id STRING, line_id STRING, "
      + "shop_id STRING, completed_at TIMESTAMP, amount DECIMAL(14,2), return_required BOOLEAN, "
      + "status STRING, source_file STRING, source_line BIGINT";
  public static final String RATINGS = "order_id STRING, shop_id STRING, rated_at TIMESTAMP, "
      + "dsr_description INT, dsr_service INT, dsr_logistics INT";

  public static Dataset<Row> of(String ddl, String[]... rows) {
    StructType typed = StructType.fromDDL(ddl);
    List<StructField> text = new ArrayList<>();
    for (StructField f : typed.fields()) {
      text.add(DataTypes.createStructField(f.name(), DataTypes.StringType, true));
    }
    List<Row> data = new ArrayList<>();
    for (String[] r : rows) {
      data.add(RowFactory.create((Object[]) r));
    }
    Dataset<Row> df = SparkTestSession.get()
        .createDataFrame(data, DataTypes.createStructType(text));
    List<Column> cast = new ArrayList<>();
    for (StructField f : typed.fields()) {
      cast.add(df.col(f.name()).cast(f.dataType()).as(f.name()));
    }
    return df.select(cast.toArray(new Column[0]));
  }

  public static String[] row(String... values) {
    return values;
  }

  public static Dataset<Row> chats(String[]... rows) {
    return of(CHATS, rows);
  }

  public static Dataset<Row> orders(String[]... rows) {
    return of(ORDERS, rows);
  }

  /** An order at order grain: id, buyer, amount, created, paid (null = unpaid). */
  public static String[] order(String id, String buyer, String amount, String created,
      String paid) {
    return row(id, null, "s1", buyer, null, "shoes", "1", amount, created, paid);
  }

  public static Dataset<Row> noOrders() {
    return of(ORDERS);
  }
}
