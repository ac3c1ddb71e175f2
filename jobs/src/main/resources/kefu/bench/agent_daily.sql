-- kefu.marts.AgentDaily: partial facts per (shop, agent, business date), summed per key; a
-- measure missing from a part counts as 0.
CREATE OR REPLACE TEMP TABLE agent_daily AS
WITH parts AS (
  SELECT shop_id, agent_id, reception_date AS business_date,
    count(*) AS receptions,
    count(CASE WHEN is_replied THEN 1 END) AS replied_receptions,
    sum(buyer_messages) AS buyer_messages,
    sum(answered_buyer_messages) AS answered_buyer_messages,
    sum(response_seconds_sum) AS response_seconds_sum,
    sum(first_response_seconds) AS first_response_seconds_sum,
    count(first_response_seconds) AS first_response_count,
    sum(agent_messages) AS agent_messages
  FROM receptions
  WHERE agent_id IS NOT NULL
  GROUP BY shop_id, agent_id, reception_date
  UNION ALL BY NAME
  SELECT shop_id, agent_id, inquiry_date AS business_date,
    count(*) AS inquiry_buyers,
    count(CASE WHEN ordered THEN 1 END) AS inquiry_ordered_buyers,
    count(CASE WHEN paid THEN 1 END) AS inquiry_paid_buyers,
    count(CASE WHEN paid_next_day THEN 1 END) AS inquiry_paid_next_day_buyers,
    sum(paid_amount) AS inquiry_paid_amount
  FROM inquiries
  GROUP BY shop_id, agent_id, inquiry_date
  UNION ALL BY NAME
  -- sales: credited paid orders by paid date
  SELECT shop_id, credited_agent_id AS agent_id, paid_date AS business_date,
    count(DISTINCT buyer_key) AS paying_buyers,
    count(DISTINCT order_id) AS paid_orders,
    sum(quantity) AS sold_units,
    count(*) AS sold_lines,
    sum(amount_paid) AS sales_gross
  FROM attributed_orders
  WHERE credited_agent_id IS NOT NULL AND paid_at IS NOT NULL
  GROUP BY shop_id, credited_agent_id, paid_date
  UNION ALL BY NAME
  -- 落实下单: orders by created date
  SELECT shop_id, order_agent_id AS agent_id, created_date AS business_date,
    count(DISTINCT order_id) AS ordered_orders
  FROM attributed_orders
  WHERE order_agent_id IS NOT NULL
  GROUP BY shop_id, order_agent_id, created_date
  UNION ALL BY NAME
  SELECT shop_id, credited_agent_id AS agent_id, completed_date AS business_date,
    count(*) AS refund_count,
    sum(refund_amount) AS refund_amount,
    sum(refunded_units) AS refunded_units,
    count(CASE WHEN is_return THEN 1 END) AS return_count
  FROM attributed_refunds
  WHERE credited_agent_id IS NOT NULL
  GROUP BY shop_id, credited_agent_id, completed_date
  {ratings_part}
)
SELECT shop_id, agent_id, business_date,
  {measure_sums}
FROM parts
GROUP BY shop_id, agent_id, business_date;
