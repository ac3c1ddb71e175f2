-- kefu.derive.OrderAttribution: per order, the last agent whose part of a reception started at or
-- before the event (creation, payment) on the event's business day or up to the window's days
-- before; ties go to the greater agent id. Every order line keeps its columns.
CREATE OR REPLACE TEMP TABLE attributed_orders AS
WITH touches AS (
  SELECT shop_id AS t_shop_id, buyer_key AS t_buyer_key, agent_id AS t_agent_id,
    coalesce(agent_started_at, started_at) AS t_at,
    CAST(coalesce(agent_started_at, started_at) AS DATE) AS t_date
  FROM receptions
  WHERE agent_id IS NOT NULL
),
heads AS (
  SELECT order_id AS h_order_id, any_value(shop_id) AS h_shop_id,
    any_value(buyer_key) AS h_buyer_key, min(created_at) AS h_created_at,
    min(paid_at) AS h_paid_at
  FROM orders
  GROUP BY order_id
),
order_agents AS (
  SELECT h_order_id AS order_key, max(struct_pack(t := t_at, a := t_agent_id)).a AS order_agent_id
  FROM heads JOIN touches
    ON h_shop_id = t_shop_id AND h_buyer_key = t_buyer_key AND t_at <= h_created_at
    AND t_date >= CAST(h_created_at AS DATE) - {window_days}
  GROUP BY h_order_id
),
payment_agents AS (
  SELECT h_order_id AS payment_key, max(struct_pack(t := t_at, a := t_agent_id)).a AS payment_agent_id
  FROM heads JOIN touches
    ON h_shop_id = t_shop_id AND h_buyer_key = t_buyer_key AND t_at <= h_paid_at
    AND t_date >= CAST(h_paid_at AS DATE) - {window_days}
  WHERE h_paid_at IS NOT NULL
  GROUP BY h_order_id
)
SELECT o.*,
  CAST(o.created_at AS DATE) AS created_date,
  CAST(o.paid_at AS DATE) AS paid_date,
  order_agent_id,
  payment_agent_id,
  {credited} AS credited_agent_id,
  {silent} AS is_silent
FROM orders o
LEFT JOIN order_agents ON o.order_id = order_key
LEFT JOIN payment_agents ON o.order_id = payment_key;
