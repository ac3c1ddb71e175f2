-- kefu.derive.Inquiries: pre-sales agent parts (no order of the buyer in the shop created in the
-- lookback before the reception start, buyer-started reception) as distinct
-- (shop, agent, buyer, day), converted by an order created on that day or the next; paid_next_day
-- when such an order was paid by the end of the next business day.
CREATE OR REPLACE TEMP TABLE inquiries AS
WITH order_times AS (
  SELECT DISTINCT shop_id, buyer_key, created_at FROM orders
),
after_sales AS (
  SELECT DISTINCT r.reception_id
  FROM receptions r
  SEMI JOIN order_times o
    ON o.shop_id = r.shop_id AND o.buyer_key = r.buyer_key
    AND o.created_at < r.started_at
    AND o.created_at >= r.started_at - INTERVAL ({lookback_hours}) HOURS
),
inquiry_keys AS (
  SELECT DISTINCT shop_id, agent_id, buyer_key, reception_date AS inquiry_date
  FROM receptions r
  WHERE agent_id IS NOT NULL AND is_buyer_started
    AND NOT EXISTS (SELECT 1 FROM after_sales a WHERE a.reception_id = r.reception_id)
),
lines AS (
  SELECT shop_id AS o_shop_id, buyer_key AS o_buyer_key, order_id AS o_order_id,
    line_id AS o_line_id, category AS o_category, created_at AS o_created_at,
    paid_at AS o_paid_at, amount_paid AS o_amount_paid, CAST(created_at AS DATE) AS o_created_date
  FROM orders
)
SELECT shop_id, agent_id, buyer_key, inquiry_date,
  count(o_order_id) > 0 AS ordered,
  coalesce(bool_or(o_paid_at IS NOT NULL AND o_order_id IS NOT NULL), false) AS paid,
  CAST(coalesce(sum(CASE WHEN o_paid_at IS NOT NULL THEN o_amount_paid END), 0) AS DECIMAL(14, 2))
    AS paid_amount,
  -- the first paid converting line, else the first ordered one (Spark orders nulls first)
  first(o_category ORDER BY o_paid_at IS NULL, o_created_at NULLS FIRST, o_line_id NULLS FIRST)
    AS category,
  coalesce(bool_or(o_order_id IS NOT NULL AND o_paid_at IS NOT NULL
    AND CAST(o_paid_at AS DATE) <= inquiry_date + {next_day_payment_days}), false) AS paid_next_day
FROM inquiry_keys
LEFT JOIN lines
  ON shop_id = o_shop_id AND buyer_key = o_buyer_key
  AND o_created_date >= inquiry_date AND o_created_date <= inquiry_date + {conversion_days}
GROUP BY shop_id, agent_id, buyer_key, inquiry_date;
