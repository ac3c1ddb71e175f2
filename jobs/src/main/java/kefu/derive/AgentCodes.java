package kefu.derive;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Dense integer codes 0..size-1 for agent ids, in Spark's ascending order of the ids, so "the
 * greater agent id" is "the greater code". A pick over (time, agent) can then be packed into one
 * long, which Spark aggregates in a hash map; a max_by over a (time, agent id) struct holds a
 * string in its buffer and falls back to sorting every candidate row.
 */
final class AgentCodes {
  private final List<String> ids;

  private AgentCodes(List<String> ids) {
    this.ids = ids;
  }

  /** The codes of the distinct non-null values of {@code agentIds}' one column. */
  static AgentCodes of(Dataset<Row> agentIds) {
    String column = agentIds.columns()[0];
    List<String> ids = new ArrayList<>();
    // sorted by Spark, not Java: string order must be the one the old struct ordering used
    for (Row r : agentIds.filter(col(column).isNotNull()).distinct().orderBy(column)
        .collectAsList()) {
      ids.add(r.getString(0));
    }
    return new AgentCodes(ids);
  }

  int size() {
    return ids.size();
  }

  /** ({@code codeColumn} int, {@code idColumn} string): one row per agent. */
  Dataset<Row> table(SparkSession spark, String codeColumn, String idColumn) {
    List<Row> rows = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      rows.add(RowFactory.create(i, ids.get(i)));
    }
    return spark.createDataFrame(rows, new StructType()
        .add(codeColumn, DataTypes.IntegerType, false)
        .add(idColumn, DataTypes.StringType, false));
  }
}
