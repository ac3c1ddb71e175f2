-- kefu.derive.RefundAttribution: completed refunds (退款成功, or no status but a completion time)
-- credited to the order's credited agent, dated at completion. A refund lands on the line with
-- its line_id, else the line with its item_id, else on the whole order (its largest line's
-- category; ties between equal largest lines are arbitrary in Spark too).
CREATE OR REPLACE TEMP TABLE attributed_refunds AS
WITH r AS (
  SELECT concat_ws('|', refund_id, source_file, CAST(source_line AS VARCHAR)) AS r_key,
    refund_id, order_id AS r_order_id, line_id AS r_line_id, {item_id} AS r_item_id,
    shop_id AS r_shop_id, completed_at, amount, return_required, {full_flag} AS r_is_full
  FROM refunds
  WHERE status = '退款成功' OR (status IS NULL AND completed_at IS NOT NULL)
),
lines AS (
  SELECT order_id AS l_order_id, line_id AS l_line_id, item_id AS l_item_id,
    category AS l_category, quantity AS l_quantity, amount_paid AS l_amount_paid
  FROM attributed_orders
),
matched AS (
  SELECT r_key AS m_key,
    first(struct_pack(line_id := l_line_id, category := l_category, quantity := l_quantity,
        amount_paid := l_amount_paid)
      ORDER BY (r_line_id IS NOT NULL AND r_line_id = l_line_id) DESC, l_line_id DESC NULLS LAST)
      AS m
  FROM r JOIN lines
    ON r_order_id = l_order_id
    AND ((r_line_id IS NOT NULL AND r_line_id = l_line_id)
      OR (r_line_id IS NULL AND r_item_id IS NOT NULL AND r_item_id = l_item_id))
  GROUP BY r_key
),
order_summary AS (
  SELECT order_id AS s_order_id, any_value(shop_id) AS s_shop_id,
    any_value(credited_agent_id) AS s_agent_id, any_value(is_silent) AS s_is_silent,
    min(coalesce(paid_date, created_date)) AS s_sale_date, sum(quantity) AS s_quantity,
    sum(amount_paid) AS s_amount_paid,
    first(category ORDER BY coalesce(amount_paid, 0) DESC) AS s_category
  FROM attributed_orders
  GROUP BY order_id
),
joined AS (
  SELECT *,
    coalesce(r_is_full,
      amount >= coalesce(struct_extract(m, 'amount_paid'), s_amount_paid), false) AS is_full
  FROM r
  LEFT JOIN order_summary ON r_order_id = s_order_id
  LEFT JOIN matched ON r_key = m_key
)
SELECT refund_id, r_order_id AS order_id, struct_extract(m, 'line_id') AS line_id,
  s_agent_id AS credited_agent_id,
  coalesce(s_shop_id, r_shop_id) AS shop_id,
  coalesce(struct_extract(m, 'category'), s_category) AS category,
  CAST(amount AS DECIMAL(14, 2)) AS refund_amount,
  is_full AS is_full_refund,
  CASE WHEN is_full THEN coalesce(CAST(struct_extract(m, 'quantity') AS BIGINT),
      CAST(s_quantity AS BIGINT), 0) ELSE 0 END AS refunded_units,
  coalesce(return_required, false) AS is_return,
  CAST(completed_at AS DATE) AS completed_date,
  s_sale_date AS sale_date,
  s_is_silent AS is_silent,
  'refunds' AS refund_source
FROM joined;
