-- kefu.marts.CategoryMetrics for one period, per shop and category (null category: 'unknown').
-- Orders, paid orders and paid amounts over orders created in the period; sales, units, lines
-- and paying buyers by paid date; refunds by completion date; inquiries as distinct buyer-days.
CREATE OR REPLACE TEMP TABLE category_metrics AS
WITH parts AS (
  SELECT shop_id, coalesce(category, 'unknown') AS category,
    count(DISTINCT order_id) AS orders,
    count(DISTINCT CASE WHEN paid_at IS NOT NULL THEN order_id END) AS paid_orders,
    sum(CASE WHEN paid_at IS NOT NULL THEN amount_paid END) AS paid_amount,
    sum(CASE WHEN paid_at IS NOT NULL AND credited_agent_id IS NOT NULL THEN amount_paid END)
      AS agent_paid_amount,
    sum(CASE WHEN paid_at IS NOT NULL AND credited_agent_id IS NULL THEN amount_paid END)
      AS silent_paid_amount
  FROM attributed_orders
  WHERE in_period(created_date)
  GROUP BY ALL
  UNION ALL BY NAME
  SELECT shop_id, coalesce(category, 'unknown') AS category,
    sum(quantity) AS sold_units, count(*) AS sold_lines,
    count(DISTINCT buyer_key) AS paying_buyers, sum(amount_paid) AS sales_gross
  FROM attributed_orders
  WHERE paid_at IS NOT NULL AND in_period(paid_date)
  GROUP BY ALL
  UNION ALL BY NAME
  SELECT shop_id, coalesce(category, 'unknown') AS category,
    count(*) AS refund_count, sum(refund_amount) AS refund_amount,
    sum(refunded_units) AS refunded_units, count(CASE WHEN is_return THEN 1 END) AS return_count
  FROM attributed_refunds
  WHERE in_period(completed_date)
  GROUP BY ALL
  UNION ALL BY NAME
  -- a buyer who inquired with two agents on one day counts once
  SELECT shop_id, coalesce(category, 'unknown') AS category,
    count(*) AS inquiry_buyers,
    count(CASE WHEN ordered THEN 1 END) AS inquiry_ordered_buyers,
    count(CASE WHEN paid THEN 1 END) AS inquiry_paid_buyers
  FROM (
    SELECT shop_id, buyer_key, inquiry_date, any_value(category) AS category,
      bool_or(ordered) AS ordered, bool_or(paid) AS paid
    FROM inquiries
    GROUP BY shop_id, buyer_key, inquiry_date
  )
  WHERE in_period(inquiry_date)
  GROUP BY ALL
),
sums AS (
  SELECT shop_id, category, '{period_type}' AS period_type, '{period}' AS period,
    {measure_sums}
  FROM parts
  GROUP BY shop_id, category
)
SELECT *,
  ratio(paid_orders, orders) AS payment_rate,
  ratio(silent_paid_amount, paid_amount) AS silent_share,
  CAST(sales_gross - refund_amount AS DECIMAL(14, 2)) AS sales_net,
  ratio(refunded_units, sold_units) AS refund_rate_units,
  ratio(refund_amount, sales_gross) AS refund_rate_amount,
  ratio(return_count, sold_lines) AS return_rate,
  ratio(inquiry_paid_buyers, inquiry_buyers) AS inquiry_conversion
FROM sums;
