package kefu.ingest;

/** Maps one data record of a recognised export to a parsed row, or throws {@link Rejection}. */
interface RecordMapper {
  void map(Fields f, Parsed.Builder out, String fallbackShop);

  /** The mapper of {@code format}. */
  static RecordMapper of(SourceFormat format, ParseContext ctx) {
    switch (format) {
      case ORDER_REPORT: return new OrderReportMapper(ctx);
      case ITEM_REPORT: return new ItemReportMapper(ctx);
      case REFUND_EXPORT: return new RefundExportMapper(ctx);
      case DSR_EXPORT: return new DsrExportMapper();
      case CHAT_EXPORT: return new ChatExportMapper(ctx);
      case TWCS: return new TwcsMapper(ctx);
      case AGENT_ROSTER: return new AgentRosterMapper();
      case CHITU_HOURLY: return new ReceptionHoursMapper();
      default:
        return format.isAgentExport() ? new AgentExportMapper(format)
            : new CanonicalMapper(format.table, ctx);
    }
  }
}
