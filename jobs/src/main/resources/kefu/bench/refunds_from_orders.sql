-- kefu.derive.RefundAttribution.fromOrderColumn: without a refunds table, the orders export's
-- refund_amount, dated at the order's creation (the export has no completion time).
CREATE OR REPLACE TEMP TABLE attributed_refunds AS
SELECT concat_ws('|', 'order', order_id, line_id) AS refund_id,
  order_id, line_id, credited_agent_id, shop_id, category,
  CAST(refund_amount AS DECIMAL(14, 2)) AS refund_amount,
  refund_amount >= coalesce(amount_paid, 0) AS is_full_refund,
  CASE WHEN refund_amount >= coalesce(amount_paid, 0)
    THEN coalesce(CAST(quantity AS BIGINT), 0) ELSE 0 END AS refunded_units,
  false AS is_return,
  created_date AS completed_date,
  coalesce(paid_date, created_date) AS sale_date,
  is_silent,
  'orders.refund_amount' AS refund_source
FROM attributed_orders
WHERE refund_amount > 0;
