package kefu.ingest;

import java.sql.Timestamp;

/**
 * Rules between the cells of one record, after it was typed: an order cannot be paid before it
 * was created, a refund cannot complete before it was requested. Such a record is quarantined.
 */
final class RecordChecks {
  private RecordChecks() {}

  static final String[] PAID = {"订单付款时间", "买家付款时间", "paid_at"};
  static final String[] CREATED = {"订单创建时间", "买家下单时间", "created_at"};
  static final String[] COMPLETED = {"退款完结时间", "completed_at"};
  static final String[] REQUESTED = {"退款的申请时间", "退款申请时间", "requested_at"};

  static void check(Fields f, Parsed.Builder out) {
    if (before(out.get("paid_at"), out.get("created_at"))) {
      throw f.reject(PAID, "paid before the order was created", "created " + f.text(CREATED));
    }
    if (before(out.get("completed_at"), out.get("requested_at"))) {
      throw f.reject(COMPLETED, "refund completed before it was requested",
          "requested " + f.text(REQUESTED));
    }
  }

  private static boolean before(Object later, Object earlier) {
    return later instanceof Timestamp l && earlier instanceof Timestamp e && l.before(e);
  }
}
