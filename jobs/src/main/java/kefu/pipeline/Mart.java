package kefu.pipeline;

import kefu.table.LocalTable;
import org.apache.spark.sql.types.StructType;

/**
 * A mart a stage writes: its name (the folder under {@code marts/}) and its columns. A mart whose
 * columns grow with the config (seasonal_daily has pay columns per scheme) declares the ones it
 * always has, first.
 */
record Mart(String name, StructType schema) {

  /** Writes {@code table} as this mart, after checking it has the declared columns, in order. */
  void write(OutputFolder folder, LocalTable table) {
    String[] declared = schema.fieldNames();
    String[] actual = table.schema().fieldNames();
    for (int i = 0; i < declared.length; i++) {
      if (i >= actual.length || !declared[i].equals(actual[i])
          || !schema.fields()[i].dataType().equals(table.schema().fields()[i].dataType())) {
        throw new IllegalStateException("mart " + name + " has columns "
            + table.schema().simpleString() + ", declared " + schema.simpleString());
      }
    }
    folder.writeTable("marts/" + name, table);
  }
}
