-- kefu.marts.CategoryMetrics.buyerDays: inquiries of the reviewed periods' days as one row per
-- (shop, buyer, day), since conversion does not depend on the agent; category and shop metrics
-- count these.
CREATE OR REPLACE TEMP TABLE inquiry_buyer_days AS
SELECT shop_id, buyer_key, inquiry_date, any_value(category) AS category,
  bool_or(ordered) AS ordered, bool_or(paid) AS paid,
  bool_or(paid_next_day) AS paid_next_day
FROM inquiries
WHERE EXISTS (
  SELECT 1 FROM periods WHERE inquiry_date >= period_start AND inquiry_date < period_end)
GROUP BY shop_id, buyer_key, inquiry_date;
