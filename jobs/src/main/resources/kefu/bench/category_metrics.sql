-- kefu.marts.CategoryMetrics for every reviewed period, per shop and category (null category:
-- 'unknown'). Orders, paid orders and paid amounts over orders created in the period; sales,
-- units, lines and paying buyers by paid date; refunds by completion date. Inquiries (distinct
-- buyer-days) are the shop's, counted in its main category of the period (most paid amount, then
-- most orders, then the first name); the other categories have none (null).
CREATE OR REPLACE TEMP TABLE category_metrics AS
WITH parts AS (
  SELECT shop_id, coalesce(category, 'unknown') AS category, period_type, period,
    count(DISTINCT order_id) AS orders,
    count(DISTINCT CASE WHEN paid_at IS NOT NULL THEN order_id END) AS paid_orders,
    sum(CASE WHEN paid_at IS NOT NULL THEN amount_paid END) AS paid_amount,
    sum(CASE WHEN paid_at IS NOT NULL AND credited_agent_id IS NOT NULL THEN amount_paid END)
      AS agent_paid_amount,
    sum(CASE WHEN paid_at IS NOT NULL AND credited_agent_id IS NULL THEN amount_paid END)
      AS silent_paid_amount
  FROM attributed_orders
  JOIN periods ON created_date >= period_start AND created_date < period_end
  GROUP BY ALL
  UNION ALL BY NAME
  SELECT shop_id, coalesce(category, 'unknown') AS category, period_type, period,
    sum(quantity) AS sold_units, count(*) AS sold_lines,
    count(DISTINCT buyer_key) AS paying_buyers, sum(amount_paid) AS sales_gross
  FROM attributed_orders
  JOIN periods ON paid_date >= period_start AND paid_date < period_end
  WHERE paid_at IS NOT NULL
  GROUP BY ALL
  UNION ALL BY NAME
  SELECT shop_id, coalesce(category, 'unknown') AS category, period_type, period,
    count(*) AS refund_count, sum(refund_amount) AS refund_amount,
    sum(refunded_units) AS refunded_units, count(CASE WHEN is_return THEN 1 END) AS return_count
  FROM attributed_refunds
  JOIN periods ON completed_date >= period_start AND completed_date < period_end
  GROUP BY ALL
),
sums AS (
  SELECT shop_id, category, period_type, period,
    {measure_sums}
  FROM parts
  GROUP BY shop_id, category, period_type, period
),
main_categories AS (
  SELECT shop_id, category, period_type, period
  FROM sums
  WHERE orders > 0
  QUALIFY row_number() OVER (PARTITION BY shop_id, period_type, period
    ORDER BY paid_amount DESC, orders DESC, category) = 1
),
shop_inquiries AS (
  SELECT shop_id, period_type, period,
    count(*) AS inquiry_buyers,
    count(CASE WHEN ordered THEN 1 END) AS inquiry_ordered_buyers,
    count(CASE WHEN paid THEN 1 END) AS inquiry_paid_buyers,
    count(CASE WHEN paid_next_day THEN 1 END) AS inquiry_paid_next_day_buyers
  FROM inquiry_buyer_days
  JOIN periods ON inquiry_date >= period_start AND inquiry_date < period_end
  GROUP BY ALL
),
with_inquiries AS (
  SELECT s.*,
    CASE WHEN m.shop_id IS NOT NULL THEN coalesce(i.inquiry_buyers, 0) END AS inquiry_buyers,
    CASE WHEN m.shop_id IS NOT NULL THEN coalesce(i.inquiry_ordered_buyers, 0) END
      AS inquiry_ordered_buyers,
    CASE WHEN m.shop_id IS NOT NULL THEN coalesce(i.inquiry_paid_buyers, 0) END
      AS inquiry_paid_buyers,
    CASE WHEN m.shop_id IS NOT NULL THEN coalesce(i.inquiry_paid_next_day_buyers, 0) END
      AS inquiry_paid_next_day_buyers
  FROM sums s
  LEFT JOIN main_categories m USING (shop_id, category, period_type, period)
  LEFT JOIN shop_inquiries i ON i.shop_id = s.shop_id AND i.period_type = s.period_type
    AND i.period = s.period
)
SELECT *,
  ratio(paid_orders, orders) AS payment_rate,
  ratio(silent_paid_amount, paid_amount) AS silent_share,
  CAST(sales_gross - refund_amount AS DECIMAL(14, 2)) AS sales_net,
  money_per(sales_gross, paying_buyers) AS average_order_value,
  ratio(refunded_units, sold_units) AS refund_rate_units,
  ratio(refund_amount, sales_gross) AS refund_rate_amount,
  ratio(return_count, sold_lines) AS return_rate,
  ratio(inquiry_paid_buyers, inquiry_buyers) AS inquiry_conversion,
  ratio(inquiry_ordered_buyers, inquiry_buyers) AS inquiry_order_rate,
  ratio(inquiry_paid_buyers, inquiry_ordered_buyers) AS order_payment_rate,
  ratio(inquiry_paid_next_day_buyers, inquiry_buyers) AS inquiry_next_day_payment_rate
FROM with_inquiries;
