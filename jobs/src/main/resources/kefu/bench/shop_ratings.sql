  UNION ALL BY NAME
  -- kefu.facts.RatingFacts: every rating of the shop (also of orders not in the orders table),
  -- dated by its rating time, else its order's sale date; in the period and in the
  -- {rolling_days} days ending with the period's last day
  SELECT shop_id, period_type, period,
    count(*) FILTER (WHERE rated_date >= period_start) AS dsr_rated_orders,
    sum(dsr_description) FILTER (WHERE rated_date >= period_start) AS dsr_description_sum,
    count(dsr_description) FILTER (WHERE rated_date >= period_start) AS dsr_description_count,
    sum(dsr_service) FILTER (WHERE rated_date >= period_start) AS dsr_service_sum,
    count(dsr_service) FILTER (WHERE rated_date >= period_start) AS dsr_service_count,
    sum(dsr_logistics) FILTER (WHERE rated_date >= period_start) AS dsr_logistics_sum,
    count(dsr_logistics) FILTER (WHERE rated_date >= period_start) AS dsr_logistics_count,
    count(*) FILTER (WHERE rated_date >= period_end - {rolling_days})
      AS dsr_rolling_rated_orders,
    sum(dsr_description) FILTER (WHERE rated_date >= period_end - {rolling_days})
      AS dsr_rolling_description_sum,
    count(dsr_description) FILTER (WHERE rated_date >= period_end - {rolling_days})
      AS dsr_rolling_description_count,
    sum(dsr_service) FILTER (WHERE rated_date >= period_end - {rolling_days})
      AS dsr_rolling_service_sum,
    count(dsr_service) FILTER (WHERE rated_date >= period_end - {rolling_days})
      AS dsr_rolling_service_count,
    sum(dsr_logistics) FILTER (WHERE rated_date >= period_end - {rolling_days})
      AS dsr_rolling_logistics_sum,
    count(dsr_logistics) FILTER (WHERE rated_date >= period_end - {rolling_days})
      AS dsr_rolling_logistics_count
  FROM (
    SELECT r.*, coalesce(CAST(r.rated_at AS DATE), s.sale_date) AS rated_date
    FROM ratings r
    LEFT JOIN (
      SELECT order_id AS s_order_id, min(coalesce(paid_date, created_date)) AS sale_date
      FROM attributed_orders
      GROUP BY order_id
    ) s ON r.order_id = s.s_order_id
    WHERE r.shop_id IS NOT NULL
  )
  JOIN periods ON rated_date < period_end
    AND (rated_date >= period_start OR rated_date >= period_end - {rolling_days})
  GROUP BY ALL
