-- kefu.marts.ShopMetrics for every reviewed period. Orders, paid orders and paid amounts over
-- orders created in the period; sales, units, lines and paying buyers by paid date; refunds by
-- completion date; receptions as whole receptions by start date; inquiries as buyer-days; DSR
-- ratings by rating date, in the period and in its rolling window.
CREATE OR REPLACE TEMP TABLE shop_metrics AS
WITH whole_receptions AS (
  -- a reception's agent parts share its start date: whole receptions of the periods' days
  SELECT reception_id, any_value(shop_id) AS shop_id, any_value(reception_date) AS reception_date,
    bool_or(is_replied) AS is_replied, sum(buyer_messages) AS buyer_messages,
    sum(answered_buyer_messages) AS answered_buyer_messages,
    sum(response_seconds_sum) AS response_seconds_sum,
    max(first_response_seconds) AS first_response_seconds,
    sum(agent_messages) AS agent_messages
  FROM receptions
  WHERE EXISTS (
    SELECT 1 FROM periods WHERE reception_date >= period_start AND reception_date < period_end)
  GROUP BY reception_id
),
parts AS (
  SELECT shop_id, period_type, period,
    count(DISTINCT order_id) AS orders_created,
    count(DISTINCT CASE WHEN paid_at IS NOT NULL THEN order_id END) AS orders_paid,
    sum(CASE WHEN paid_at IS NOT NULL THEN amount_paid END) AS paid_amount,
    sum(CASE WHEN paid_at IS NOT NULL AND credited_agent_id IS NOT NULL THEN amount_paid END)
      AS agent_paid_amount,
    sum(CASE WHEN paid_at IS NOT NULL AND credited_agent_id IS NULL THEN amount_paid END)
      AS silent_paid_amount
  FROM attributed_orders
  JOIN periods ON created_date >= period_start AND created_date < period_end
  GROUP BY ALL
  UNION ALL BY NAME
  SELECT shop_id, period_type, period,
    count(DISTINCT buyer_key) AS paying_buyers, sum(quantity) AS sold_units,
    count(*) AS sold_lines, sum(amount_paid) AS sales_gross
  FROM attributed_orders
  JOIN periods ON paid_date >= period_start AND paid_date < period_end
  WHERE paid_at IS NOT NULL
  GROUP BY ALL
  UNION ALL BY NAME
  SELECT shop_id, period_type, period,
    count(*) AS refund_count, sum(refund_amount) AS refunded_amount,
    sum(refunded_units) AS refunded_units, count(CASE WHEN is_return THEN 1 END) AS return_count
  FROM attributed_refunds
  JOIN periods ON completed_date >= period_start AND completed_date < period_end
  GROUP BY ALL
  UNION ALL BY NAME
  SELECT shop_id, period_type, period,
    count(*) AS receptions, count(CASE WHEN is_replied THEN 1 END) AS replied_receptions,
    sum(buyer_messages) AS buyer_messages,
    sum(answered_buyer_messages) AS answered_buyer_messages,
    sum(response_seconds_sum) AS response_seconds_sum,
    sum(first_response_seconds) AS first_response_seconds_sum,
    count(first_response_seconds) AS first_response_count,
    sum(agent_messages) AS agent_messages
  FROM whole_receptions
  JOIN periods ON reception_date >= period_start AND reception_date < period_end
  GROUP BY ALL
  UNION ALL BY NAME
  SELECT shop_id, period_type, period,
    count(*) AS inquiry_buyers,
    count(CASE WHEN ordered THEN 1 END) AS inquiry_ordered_buyers,
    count(CASE WHEN paid THEN 1 END) AS inquiry_paid_buyers,
    count(CASE WHEN paid_next_day THEN 1 END) AS inquiry_paid_next_day_buyers
  FROM inquiry_buyer_days
  JOIN periods ON inquiry_date >= period_start AND inquiry_date < period_end
  GROUP BY ALL
  {ratings_part}
),
sums AS (
  SELECT shop_id, period_type, period,
    {measure_sums},
    {dsr_sums}
  FROM parts
  GROUP BY shop_id, period_type, period
)
SELECT * EXCLUDE ({dsr_measures}),
  ratio(orders_paid, orders_created) AS payment_rate,
  ratio(silent_paid_amount, paid_amount) AS silent_share,
  CAST(sales_gross - refunded_amount AS DECIMAL(14, 2)) AS sales_net,
  money_per(sales_gross, paying_buyers) AS average_order_value,
  ratio(refunded_units, sold_units) AS refund_rate_units,
  ratio(refunded_amount, sales_gross) AS refund_rate_amount,
  ratio(return_count, sold_lines) AS return_rate,
  ratio(replied_receptions, receptions) AS reply_rate,
  ratio(first_response_seconds_sum, first_response_count) AS first_response_seconds_avg,
  ratio(response_seconds_sum, answered_buyer_messages) AS response_seconds_avg,
  ratio(inquiry_paid_buyers, inquiry_buyers) AS inquiry_conversion,
  ratio(inquiry_ordered_buyers, inquiry_buyers) AS inquiry_order_rate,
  ratio(inquiry_paid_buyers, inquiry_ordered_buyers) AS order_payment_rate,
  {dsr_columns},
  ratio(inquiry_paid_next_day_buyers, inquiry_buyers) AS inquiry_next_day_payment_rate,
  ratio(agent_messages, buyer_messages) AS answer_ratio
FROM sums;
