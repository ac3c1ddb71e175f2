package kefu.ingest;

import java.util.List;
import kefu.canonical.CanonicalSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;

/**
 * Files whose headers are the canonical column names, typed like the exports. A buyer_key that is
 * not already a pseudonym is pseudonymised; chat text is dropped unless kept.
 */
final class CanonicalMapper implements RecordMapper {
  /**
   * What Ingest writes beside the canonical refund columns and is read back here: the refund
   * export's item and full/partial flag, which refund attribution reads (without them a review
   * of kefu's own tables puts refunds on other lines than the review of the exports).
   */
  static final List<String> REFUND_EXTRAS = List.of("item_id", "is_full_refund");

  private final String table;
  private final ParseContext ctx;

  CanonicalMapper(String table, ParseContext ctx) {
    this.table = table;
    this.ctx = ctx;
  }

  @Override
  public void map(Fields f, Parsed.Builder out, String fallbackShop) {
    for (StructField field : CanonicalSchema.forTable(table).fields()) {
      String name = field.name();
      if (name.equals("source_file") || name.equals("source_line") || !f.has(name)) {
        continue;
      }
      Object value = value(f, name, field.dataType());
      if (value == null && !field.nullable() && !name.equals("shop_id")) {
        throw f.reject(new String[] {name}, "missing required value");
      }
      out.set(name, value);
    }
    if (out.get("shop_id") == null && !table.equals("agents")) {
      out.set("shop_id", fallbackShop);
    }
    String buyer = (String) out.get("buyer_key");
    if (buyer != null && !Pseudonymizer.looksLikePseudonym(buyer)) {
      out.set("buyer_key", ctx.pseudonymizer().pseudonym(buyer));
    }
    if (table.equals("orders") && out.get("category") == null) {
      out.set("category", ctx.categoryOf((String) out.get("item_id")));
    }
    if (table.equals("chats")) {
      canonicalChat(f, out);
    }
    if (table.equals("refunds")) {
      for (String extra : REFUND_EXTRAS) {
        if (f.has(extra)) {
          out.set(extra, value(f, extra, Parsed.SCHEMA.apply(extra).dataType()));
        }
      }
    }
  }

  private void canonicalChat(Fields f, Parsed.Builder out) {
    String sender = ChatExportMapper.sender((String) out.get("sender"));
    if (sender == null) {
      throw f.reject(new String[] {"sender"}, "expected buyer, agent or bot");
    }
    if (CanonicalSchema.AGENT.equals(sender) && out.get("agent_id") == null) {
      throw f.reject(new String[] {"agent_id"}, "agent message without agent");
    }
    if (!CanonicalSchema.AGENT.equals(sender)) {
      out.set("agent_id", null);
    }
    if (!ctx.keepChatText()) {
      out.set("text", null);
    }
  }

  private static Object value(Fields f, String name, DataType type) {
    if (type instanceof DecimalType) {
      return f.money(name);
    }
    if (type.equals(DataTypes.TimestampType)) {
      return f.time(name);
    }
    if (type.equals(DataTypes.DateType)) {
      return f.date(name);
    }
    if (type.equals(DataTypes.IntegerType)) {
      return name.startsWith("dsr_") ? f.score(name) : f.count(name);
    }
    if (type.equals(DataTypes.BooleanType)) {
      return f.yesNo(name);
    }
    if (name.equals("sourcing")) {
      return f.oneOf(AgentRosterMapper::sourcing, "in_house or outsourced", name);
    }
    if (name.equals("role")) {
      return f.oneOf(AgentRosterMapper::role, "pre_sales or after_sales", name);
    }
    if (name.equals("employment")) {
      return f.oneOf(AgentRosterMapper::employment, "full_time or part_time", name);
    }
    return name.endsWith("_id") ? f.id(name) : f.text(name);
  }
}
